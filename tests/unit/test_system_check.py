"""The start command names missing system libraries instead of dying with Qt's plugin error."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from workstation.gui import system_check


def test_missing_xcb_libraries_are_named_with_the_install_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Removing system libraries is not possible in a test; pretend two are absent.
    absent = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    monkeypatch.setattr(system_check, "_loadable", lambda soname: soname not in absent)
    message = system_check.platform_problem({"DISPLAY": ":0"}, "linux")
    assert "libxcb-cursor.so.0" in message and "libxcb-icccm.so.4" in message
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in message


def test_all_present_and_other_platforms_are_fine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(system_check, "_loadable", lambda soname: True)
    assert system_check.platform_problem({"DISPLAY": ":0"}, "linux") == ""
    assert system_check.platform_problem({}, "darwin") == ""
    assert system_check.platform_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") == ""


def test_real_start_without_a_display_says_what_to_do(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run(
        [sys.executable, "-m", "workstation", "--data-dir", str(tmp_path / "d")],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 3
    assert "QT_QPA_PLATFORM=offscreen" in result.stderr
    assert "could not load the Qt platform plugin" not in result.stderr
