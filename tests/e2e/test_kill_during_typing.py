"""Kill the real app with SIGKILL while someone types: what was typed ~1 s earlier survives."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _cli(data: Path, *args: str) -> str:
    exe = Path(sys.executable).with_name("workstation")
    result = subprocess.run(
        [str(exe), "--data-dir", str(data), *args], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _start_app(data: Path, display: str, wait_ready: bool = True) -> subprocess.Popen[str]:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", WORKSTATION_REPORT_STARTUP="1")
    exe = Path(sys.executable).with_name("workstation")
    app = subprocess.Popen(
        [str(exe), "--data-dir", str(data)], env=env, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert app.stdout is not None
    line = app.stdout.readline()  # blocks until the article is painted (or the app dies)
    assert line.startswith("startup: article shown"), f"app did not start: {line!r}"
    if not wait_ready:
        return app
    # Typing starts once start-up is over (store open, features attached), as a person sees
    # the window settle: this test is about the autosave's maximum wait, not start-up load.
    line = app.stdout.readline()
    assert line.startswith("startup: ready"), f"app did not finish starting: {line!r}"
    return app


def _xdotool(display: str, *args: str) -> str:
    result = subprocess.run(
        ["xdotool", *args], env=dict(os.environ, DISPLAY=display), capture_output=True,
        text=True, timeout=30,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


def _focus(display: str, app: subprocess.Popen[str]) -> None:
    """Give the app's window the keyboard, as a click into it would."""
    window = _xdotool(display, "search", "--sync", "--onlyvisible", "--pid", str(app.pid))
    _xdotool(display, "windowfocus", "--sync", window.split()[0])


def _app_on_a_new_story(
    tmp_path: Path, display: str, headline: str, wait_ready: bool = True
) -> tuple[Path, str, subprocess.Popen[str]]:
    """The demo archive, a new story, the app open on it and focused: (data dir, id, app)."""
    data = tmp_path / "data"
    _cli(data, "demo", "load")
    article_id = _cli(data, "new", "--headline", headline).strip()
    app = _start_app(data, display, wait_ready)
    try:
        _focus(display, app)
    except BaseException:
        app.kill()
        app.wait()
        raise
    return data, article_id, app


def test_text_typed_before_sigkill_is_there_after_restart(
    tmp_path: Path, xvfb_display: str
) -> None:
    data, article_id, app = _app_on_a_new_story(tmp_path, xvfb_display, "Typed under fire")
    try:
        saved_words = "alpha bravo charlie delta echo foxtrot golf hotel"
        _xdotool(xvfb_display, "type", "--delay", "20", saved_words)
        typed_at = time.monotonic()
        # Keep typing (no pause, so only the autosave's maximum wait can save) and kill the
        # app about 1.2 s after the first words were typed.
        more = subprocess.Popen(
            ["xdotool", "type", "--delay", "40", " india juliet kilo lima mike november oscar"],
            env=dict(os.environ, DISPLAY=xvfb_display),
        )  # fmt: skip
        time.sleep(max(0.0, 1.2 - (time.monotonic() - typed_at)))
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
        more.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    shown = json.loads(_cli(data, "show", article_id, "--json"))
    assert saved_words in shown["body"], shown


def test_text_typed_just_before_quit_is_saved(tmp_path: Path, xvfb_display: str) -> None:
    """Issue 19: File › Quit (Ctrl+Q) straight after typing, with no pause for the autosave:
    the quit saves it, and the process ends (it does not wait on background work)."""
    data, article_id, app = _app_on_a_new_story(tmp_path, xvfb_display, "Typed then quit")
    words = "papa quebec romeo sierra tango"
    _type_then_quit(xvfb_display, app, words, delay_ms=15)
    shown = json.loads(_cli(data, "show", article_id, "--json"))
    assert words in shown["body"], shown


def _type_then_quit(
    display: str, app: subprocess.Popen[str], words: str, delay_ms: int, wait_ready: bool = False
) -> None:
    """Type `words`, (after start-up has finished, with `wait_ready`) press Ctrl+Q, and see
    the app end cleanly; it is killed if anything fails on the way."""
    try:
        _xdotool(display, "type", "--delay", str(delay_ms), words)
        if wait_ready:
            assert app.stdout is not None
            line = app.stdout.readline()
            assert line.startswith("startup: ready"), f"app did not finish starting: {line!r}"
        _xdotool(display, "key", "ctrl+q")
        assert app.wait(timeout=30) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()


def test_text_typed_as_soon_as_the_window_paints_is_saved(
    tmp_path: Path, xvfb_display: str
) -> None:
    """Issue 19: the document is editable at the first paint. Keys typed straight away, while
    the store still opens and the panels load behind the window, reach the store."""
    data, article_id, app = _app_on_a_new_story(
        tmp_path, xvfb_display, "Typed at first sight", wait_ready=False
    )
    words = "uniform victor whiskey xray"
    _type_then_quit(xvfb_display, app, words, delay_ms=10, wait_ready=True)
    shown = json.loads(_cli(data, "show", article_id, "--json"))
    assert words in shown["body"], shown
