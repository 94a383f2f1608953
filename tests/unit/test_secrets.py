"""secrets.py with real keyring backends: a file backend chosen explicitly, none, and the opt-in."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from workstation import secrets


@pytest.fixture
def chosen_backend(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """keyrings.alt's file backend, chosen explicitly as a user would, in a temp dir."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    keyring.core.init_backend()
    return tmp_path / "xdg"


@pytest.fixture
def no_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv(secrets.PLAINTEXT_OPT_IN, raising=False)
    keyring.core.init_backend()


@pytest.fixture(autouse=True)
def _reset_keyring() -> Iterator[None]:
    """Put back the backend the rest of the suite uses (env changes are undone only later)."""
    original = os.environ.get("PYTHON_KEYRING_BACKEND")
    yield
    if original:
        keyring.set_keyring(keyring.core.load_keyring(original))
    else:
        keyring.core.init_backend()


def test_round_trip_through_an_explicit_backend(chosen_backend: Path) -> None:
    secrets.set_secret("account:newsroom", "wst_secret-value")
    assert secrets.get_secret("account:newsroom") == "wst_secret-value"
    assert "PlaintextKeyring" in secrets.describe_backend()
    secrets.delete_secret("account:newsroom")
    assert secrets.get_secret("account:newsroom") is None
    secrets.delete_secret("account:newsroom")  # forgetting twice is fine


def test_no_backend_says_so_and_stores_nothing(no_backend: None, data_home: Path) -> None:
    with pytest.raises(secrets.SecretsUnavailable) as caught:
        secrets.set_secret("account:newsroom", "wst_never-stored")
    message = str(caught.value)
    assert "no secure keyring" in message
    assert secrets.PLAINTEXT_OPT_IN in message
    assert "wst_never-stored" not in message
    assert not (data_home / secrets.PLAINTEXT_FILE).exists()
    assert secrets.describe_backend().startswith("none")


def test_an_insecure_default_backend_is_refused_without_opt_in(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr(secrets, "_explicitly_chosen", lambda: False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    keyring.set_keyring(PlaintextKeyring())  # what keyring picks by itself when nothing better
    with pytest.raises(secrets.SecretsUnavailable):
        secrets.set_secret("account:newsroom", "wst_x")
    assert not list((tmp_path / "xdg").rglob("*.cfg"))


def test_plaintext_opt_in_writes_a_private_file(
    no_backend: None, monkeypatch: pytest.MonkeyPatch, data_home: Path
) -> None:
    monkeypatch.setenv(secrets.PLAINTEXT_OPT_IN, "1")
    secrets.set_secret("account:newsroom", "wst_opted-in")
    path = data_home / secrets.PLAINTEXT_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert secrets.get_secret("account:newsroom") == "wst_opted-in"
    assert "unencrypted" in secrets.describe_backend()
    secrets.delete_secret("account:newsroom")
    assert secrets.get_secret("account:newsroom") is None
