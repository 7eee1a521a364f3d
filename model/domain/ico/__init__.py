"""The ICO notification: the form as data, the report's answers, checks and filings."""
