"""The ICO notification step: the report, its checks, its preview and its filings."""
