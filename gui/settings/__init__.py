"""The settings page: organisation profile and vault security."""
