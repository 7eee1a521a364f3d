"""Pure domain: enums, frozen records, errors, time rules, validation, the risk engine.

Imports only the standard library.
"""
