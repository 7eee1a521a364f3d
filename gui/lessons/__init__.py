"""The Lessons step: lessons learned, corrective actions and near misses for one breach."""
