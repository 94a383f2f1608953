"""Test-wide set-up: headless Qt, a private data dir per test, a real file keyring backend."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: no display here, and QtWebEngine runs as root in CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox")
# A real keyring backend (keyring's standard selector), never the developer's own keyring.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    from PySide6.QtCore import QCoreApplication, Qt

    # QtWebEngine may be imported after the QApplication exists, as in the app itself.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    # As in gui/launch.py: the preview's picture scheme is declared before the QApplication.
    from workstation.gui.preview_media import register_media_scheme

    register_media_scheme()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own WORKSTATION_HOME and keyring file: no test sees another's data."""
    home = tmp_path / "home"
    monkeypatch.setenv("WORKSTATION_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    yield home


@pytest.fixture
def data_home(_isolated_home: Path) -> Path:
    return _isolated_home


@pytest.fixture
def workstation_exe() -> list[str]:
    """The real console script installed beside this Python."""
    script = Path(sys.executable).with_name("workstation")
    if not script.exists():
        pytest.fail(f"console script {script} missing: install the package (pip install -e .)")
    return [str(script)]


Run = subprocess.CompletedProcess[str]
Runner = Callable[..., Run]


@pytest.fixture
def ws(workstation_exe: list[str], tmp_path: Path) -> Runner:
    """The console script on this test's own data dir, as a person types it: ws("publish", id)."""
    data = tmp_path / "data"

    def run(*args: str, stdin: str | None = None) -> Run:
        return subprocess.run(
            [*workstation_exe, "--data-dir", str(data), *args],
            capture_output=True, text=True, input=stdin, timeout=180,
        )  # fmt: skip

    return run


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Delete every window (and its web page) while Qt is still whole, not at interpreter exit."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
