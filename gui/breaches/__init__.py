"""The breaches list: every breach, most pressing first, with a live countdown."""
