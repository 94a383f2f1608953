"""The only module that touches keyring: tokens kept, read and forgotten; never plain text silently.

Where no secure keyring backend works (a server, a container, a desktop without Secret Service),
saving a secret fails with a message that says so. Two documented ways out:

* pick a backend yourself, with keyring's own `PYTHON_KEYRING_BACKEND` variable or keyringrc.cfg
  (for example `keyrings.alt.file.EncryptedKeyring`); an explicit choice is honoured;
* set `WORKSTATION_ALLOW_PLAINTEXT_SECRETS=1` to keep secrets in `secrets-plaintext.json` in the
  data dir, readable only by you (mode 0600) but NOT encrypted.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

SERVICE_NAME = "editorial-workstation"
PLAINTEXT_OPT_IN = "WORKSTATION_ALLOW_PLAINTEXT_SECRETS"
PLAINTEXT_FILE = "secrets-plaintext.json"
_MACOS_API = "keyring.backends.macOS.api"


_plaintext_opted_in = False
"""Set from the user's preference (Settings › Accounts), as the environment variable would."""


def allow_plaintext(allowed: bool) -> None:
    """The documented opt-in, from the preferences: keep tokens in the unencrypted file."""
    global _plaintext_opted_in
    _plaintext_opted_in = allowed


def plaintext_allowed() -> bool:
    return _plaintext_opted_in or os.environ.get(PLAINTEXT_OPT_IN) == "1"


class SecretsUnavailable(RuntimeError):
    """No keyring backend can keep secrets here; the message says what to do."""


def _is_fail(backend: Any) -> bool:
    return type(backend).__module__.startswith("keyring.backends.fail")


def _is_insecure(backend: Any) -> bool:
    """Backends that would write secrets in plain text, or could not keep them at all."""
    inner = getattr(backend, "backends", None)
    if inner is not None:  # keyring's chainer: secure if any of its backends is
        return not inner or all(_is_insecure(b) for b in inner)
    plaintext = type(backend).__module__.startswith("keyrings.alt.file") and (
        "Plaintext" in type(backend).__name__
    )
    if _is_fail(backend) or plaintext:
        return True
    try:
        return float(backend.priority) < 1
    except Exception:  # a backend whose priority check fails is not usable here
        return True


def _explicitly_chosen() -> bool:
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return True
    from keyring.core import load_config

    return load_config() is not None


def _plaintext_path() -> Path:
    from workstation.paths import data_dir

    return data_dir().root / PLAINTEXT_FILE


class _PlaintextFile:
    """The opt-in fallback: a JSON file, mode 0600. Used only with PLAINTEXT_OPT_IN set."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _load(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def _save(self, data: dict[str, str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
        os.replace(tmp, self.path)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}/{username}", None)
        self._save(data)


def _import_keyring() -> Any:
    """keyring, without its macOS probe off macOS: importing its macOS backend runs
    `ctypes.util.find_library` three times, which on Linux shells out to ldconfig, gcc and ld
    (issue 19). The backend already declines anywhere but Darwin when its API is missing."""
    if sys.platform != "darwin":
        sys.modules.setdefault(_MACOS_API, None)  # type: ignore[arg-type]  # import fails fast
    import keyring

    return keyring


def _backend() -> Any:
    keyring = _import_keyring()

    backend = keyring.get_keyring()
    if not _is_fail(backend) and (_explicitly_chosen() or not _is_insecure(backend)):
        return backend
    if plaintext_allowed():
        return _PlaintextFile(_plaintext_path())
    raise SecretsUnavailable(
        "no secure keyring is available to keep the account token (found "
        f"{type(backend).__name__}). Start or unlock your desktop keyring (GNOME Keyring, "
        "KWallet, macOS Keychain, Windows Credential Manager), choose a backend with "
        "PYTHON_KEYRING_BACKEND, "
        "or allow unencrypted storage in Settings › Accounts (or set "
        f"{PLAINTEXT_OPT_IN}=1) to keep it unencrypted in {_plaintext_path()}"
    )


def describe_backend() -> str:
    """Where secrets go, in words (for `accounts list` and the settings dialog)."""
    try:
        backend = _backend()
    except SecretsUnavailable:
        return "none (no secure keyring available)"
    if isinstance(backend, _PlaintextFile):
        return f"unencrypted file {backend.path} (opted in)"
    return f"keyring: {type(backend).__module__}.{type(backend).__name__}"


def storage() -> tuple[str, bool]:
    """(where secrets go, in words; whether that place is a secure keyring)."""
    try:
        backend = _backend()
    except SecretsUnavailable:
        return "none (no secure keyring available)", False
    return describe_backend(), not isinstance(backend, _PlaintextFile)


def _call(operation: str, name: str, *args: str) -> Any:
    backend = _backend()
    try:
        return getattr(backend, operation)(SERVICE_NAME, name, *args)
    except SecretsUnavailable:
        raise
    except Exception as exc:  # keyring errors can be anything; never echo the secret itself
        if operation == "delete_password" and type(exc).__name__ == "PasswordDeleteError":
            return None
        raise SecretsUnavailable(
            f"the keyring could not {operation.split('_')[0]} the secret for {name}: "
            f"{type(exc).__name__}"
        ) from None


def set_secret(name: str, value: str) -> None:
    """Keep `value` under `name` (e.g. "account:newsroom")."""
    if not value:
        raise ValueError("an empty secret cannot be stored")
    _call("set_password", name, value)


def get_secret(name: str) -> str | None:
    """The secret kept under `name`, or None."""
    value = _call("get_password", name)
    return str(value) if value is not None else None


def delete_secret(name: str) -> None:
    """Forget the secret under `name` (no error when there is none)."""
    _call("delete_password", name)
