"""Triage of a breach: reusable forms (one per group of facts), the new-breach wizard and
the workspace's Triage editor, which share those forms."""
