"""Verbs about the vault itself: init and info."""

from __future__ import annotations

import argparse

from cli.common import CliError, data_dir, open_context, read_passphrase


def add(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    verbs.add_parser("init", help="create a new vault (refuses to overwrite one)") \
        .set_defaults(run=cmd_init)
    verbs.add_parser("info", help="vault location, keyring, schema version, counts") \
        .set_defaults(run=cmd_info)


def cmd_init(args: argparse.Namespace) -> int:
    from model.services import vaults

    folder = data_dir(args)
    if vaults.vault_exists(folder):
        raise CliError(f"a vault already exists in {folder}; refusing to overwrite it")
    passphrase = read_passphrase(args, "New passphrase: ", confirm=True)
    ctx = vaults.create(folder, passphrase)
    where = "the OS keyring and the passphrase" if ctx.key_in_keyring else "the passphrase only"
    ctx.close()
    print(f"Created an encrypted vault in {folder}.\nThe key is protected by {where}.")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    try:
        info = ctx.info()
    finally:
        ctx.close()
    print(f"Vault folder:    {info.data_dir}")
    print(f"Database:        {info.database} (encrypted, SQLCipher)")
    print(f"Key file:        {info.key_file} (key wrapped by the passphrase)")
    keyring = info.keyring_backend or "none available"
    held = "holds the key" if info.key_in_keyring else "does not hold the key"
    print(f"OS keyring:      {keyring}; {held}")
    print(f"Schema version:  {info.schema_version}")
    for name, count in info.counts.items():
        print(f"{name.replace('_', ' ').capitalize() + ':':<17}{count}")
    return 0
