"""Domain errors. Each carries a message a user can read; the GUI and CLI show it as is."""

from __future__ import annotations


class BreachDeskError(Exception):
    """Base class: a failure the user can cause or fix. str(err) is the user message."""


class VaultError(BreachDeskError):
    """The vault cannot be created, opened or changed."""


class WrongKeyError(VaultError):
    """The passphrase or key does not open this vault."""


class DamagedVaultError(VaultError):
    """The key is right but the database does not open with it (damaged or swapped file)."""


class DamagedKeyFileError(VaultError):
    """The key file is not what Breach Desk wrote (damaged), as opposed to a wrong passphrase."""


class VaultLockedError(VaultError):
    """Another copy of Breach Desk has this vault open."""


class VaultNotFoundError(VaultError):
    """No vault at the given location."""


class VaultExistsError(VaultError):
    """A vault already exists where one was to be created."""


class NewerSchemaError(VaultError):
    """The database was written by a newer version of Breach Desk."""


class KeyringUnavailableError(VaultError):
    """No usable OS keyring (headless machine, locked or missing Secret Service)."""


class NotFoundError(BreachDeskError):
    """A record asked for by reference or id does not exist."""


class ValidationError(BreachDeskError):
    """Input breaks a rule. `field` names the field (dotted path), `rule` the rule broken."""

    def __init__(self, field: str, rule: str) -> None:
        self.field = field
        self.rule = rule
        super().__init__(f"{field}: {rule}" if field else rule)


class WorkflowError(BreachDeskError):
    """An action not allowed in the breach's current state."""
