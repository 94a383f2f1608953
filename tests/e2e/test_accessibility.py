"""The window as a screen reader sees it: the real app on Xvfb, its AT-SPI tree read and driven
from another process (tests/e2e/atspi_probe.py under Debian's python3 with pyatspi)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

PROBE = Path(__file__).with_name("atspi_probe.py")
SYSTEM_PYTHON = "/usr/bin/python3"
APT = "xvfb xdotool dbus at-spi2-core python3-pyatspi python3-gi gir1.2-atspi-2.0"
TYPED = "Typed through AT-SPI actions alone."
# The keyboard path a writer takes through the main window, in order.
EXPECTED_TAB_ORDER = [
    "list: Articles",
    "text: Headline",
    "text: Standfirst",
    "text: Byline",
    "combo box: Section",
    "text: Tags",
    "text: Audience notice",
    "combo box: Section or site default",  # Readers: a combo box is named by its value
    "text: Sponsor",
    "check box: Show the newsletter call to action",
    "text: Article body (Markdown)",
]


def _missing_tools() -> list[str]:
    tools = ("dbus-run-session", "xvfb-run", "Xvfb", "xdotool")
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if not Path(SYSTEM_PYTHON).exists():
        return [*missing, SYSTEM_PYTHON]
    check = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi, gi"], capture_output=True, timeout=60
    )
    return missing + (["python3-pyatspi"] if check.returncode else [])


def _cli(data: Path, *args: str) -> str:
    exe = Path(sys.executable).with_name("workstation")
    result = subprocess.run(
        [str(exe), "--data-dir", str(data), *args], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def probe_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    """One app run: read the tree, Tab through the window, then the core path; the report."""
    missing = _missing_tools()
    if missing:
        message = f"missing {', '.join(missing)} (apt-get install {APT})"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI installs them: a missing tool there is a broken .ci/run
        pytest.skip(message)
    data = tmp_path_factory.mktemp("a11y") / "data"
    _cli(data, "new", "--headline", "Accessible start")
    exe = Path(sys.executable).with_name("workstation")
    command = [
        "dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1280x1024x24 -noreset",
        SYSTEM_PYTHON, str(PROBE), "--tabs", str(len(EXPECTED_TAB_ORDER) + 2),
        "--tab-start", "Articles", "--dialogs", str(len(SETTINGS_ORDER)), "--core", TYPED, "--",
        str(exe), "--data-dir", str(data),
    ]  # fmt: skip
    env = dict(os.environ, QTWEBENGINE_DISABLE_SANDBOX="1")
    env.pop("QT_QPA_PLATFORM", None)  # the probe runs the app on xcb: offscreen has no AT-SPI
    result = subprocess.run(command, capture_output=True, text=True, timeout=240, env=env)
    lines = [line for line in result.stdout.splitlines() if line.startswith("ATSPI-REPORT ")]
    assert lines, f"probe gave no report (exit {result.returncode}): {result.stderr[-3000:]}"
    report = json.loads(lines[-1].removeprefix("ATSPI-REPORT "))
    assert report.get("found"), f"the app never appeared on the AT-SPI bus: {report}"
    assert report.get("ready", "").startswith("startup: ready"), f"start-up unfinished: {report}"
    return report, data


def test_no_unnamed_interactive_control(probe_run: tuple[dict[str, Any], Path]) -> None:
    report, _ = probe_run
    assert report["nodes"] > 50  # the whole window was read, not an empty shell
    unnamed = [f"{n['role']} {n['id'] or n['path']}" for n in report["unnamed"]]
    assert unnamed == [], "controls a screen reader announces without a name:\n" + "\n".join(
        unnamed
    )


def test_tab_goes_through_the_window_in_writing_order(
    probe_run: tuple[dict[str, Any], Path],
) -> None:
    report, _ = probe_run
    order = [entry.rsplit(" (", 1)[0] for entry in report["tab_order"]]
    assert order[: len(EXPECTED_TAB_ORDER)] == EXPECTED_TAB_ORDER, report["tab_order"]
    # The body editor hands Tab on instead of swallowing it (setTabChangesFocus).
    assert order[len(EXPECTED_TAB_ORDER)] != EXPECTED_TAB_ORDER[-1], report["tab_order"]
    assert "no focus change" not in order


SETTINGS_ORDER = [
    "text: Site name", "text: Audience notice", "text: Newsletter text",
    "text: Newsletter link text", "text: Newsletter URL", "check box: Health professionals only",
    "text: Professionals-only sections", "spin button: Preview font size",
    "spin button: Autosave after a pause of", "combo box", "combo box", "push button: OK",
    "push button: Cancel", "page tab list: General",
]  # fmt: skip


def test_dialogs_are_named_and_tab_in_order(probe_run: tuple[dict[str, Any], Path]) -> None:
    report, _ = probe_run
    dialogs = report["dialogs"]
    assert set(dialogs) == {"Settings", "Keyboard shortcuts", "Diagnostics",
                            "About Editorial Workstation"}  # fmt: skip
    for title, found in dialogs.items():
        assert "error" not in found, (title, found)
        assert found["closed"], title
        assert found["unnamed"] == [], (title, found["unnamed"])
        assert "no focus change" not in found["tab_order"], (title, found["tab_order"])
    order = [e.rsplit(" (", 1)[0] for e in dialogs["Settings"]["tab_order"]]
    order = ["combo box" if e.startswith("combo box") else e for e in order]  # named by value
    # It opens on the site name: Tab walks the form top to bottom, the buttons, the page tabs,
    # then wraps round.
    expected = SETTINGS_ORDER[1:] + SETTINGS_ORDER[:1]
    assert order[: len(expected)] == expected, dialogs["Settings"]["tab_order"]


def test_new_article_typed_and_saved_through_atspi_alone(
    probe_run: tuple[dict[str, Any], Path],
) -> None:
    report, data = probe_run
    assert report["core"] == {
        "new_item_found": True, "new_article_opened": True, "editor_found": True,
        "save_item_found": True,
    }  # fmt: skip
    assert report["quit_item_found"] and report["exit"] == 0  # File > Quit, a clean exit
    rows = json.loads(_cli(data, "list", "--json"))
    written = [row for row in rows if row["headline"] == "Written through AT-SPI"]
    assert len(written) == 1, rows
    article = json.loads(_cli(data, "show", written[0]["id"], "--json"))
    assert TYPED in article["body"]
    revisions = _cli(data, "revisions", written[0]["id"])
    assert "manual" in revisions  # File > Save revision, pressed through AT-SPI
