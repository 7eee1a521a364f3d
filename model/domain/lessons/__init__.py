"""Lessons learned from one breach: the ICO's incident type, the cause, the learning
response, what worked and what did not, and the corrective actions that follow."""
