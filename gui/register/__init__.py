"""The breach register page."""
