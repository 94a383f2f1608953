"""Test the frozen app: build the bundle, `--version`, open it offscreen on a temporary data dir,
save an article through the window (typed on Xvfb), exit cleanly; report size and cold start.

A separate command, not part of the default pytest run (the build takes a minute or two):
    .venv/bin/python packaging/test_frozen.py [--no-build] [--runs 3]
Exit code 0 when every check passed. Under CI=true a missing Xvfb/xdotool is a failure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import BUNDLE, build, bundle_executable, folder_size

ROOT = Path(__file__).resolve().parent.parent
OFFSCREEN = dict(
    os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1", LC_ALL="C.UTF-8"
)
STARTUP_LINE = "startup: article shown"
TYPED = "typed into the frozen app"


class Failed(Exception):
    """One check failed; the message says which and why."""


def check(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


def run(command: list[str], env: dict[str, str] | None = None, timeout: float = 120) -> str:
    result = subprocess.run(
        command, capture_output=True, text=True, env=env or OFFSCREEN, timeout=timeout
    )
    check(result.returncode == 0, f"{command[1:]} exited {result.returncode}: {result.stderr}")
    return result.stdout


def time_to_window(command: list[str]) -> float:
    """Seconds from spawn to the painted article, the process then quitting with status 0."""
    env = dict(OFFSCREEN, WORKSTATION_REPORT_STARTUP="quit")
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            text=True)  # fmt: skip
    assert proc.stdout is not None
    shown = float("nan")
    for line in proc.stdout:
        if line.startswith(STARTUP_LINE):
            shown = time.perf_counter() - started
    _, errors = proc.communicate(timeout=120)
    check(proc.returncode == 0, f"window exited {proc.returncode}: {errors[-2000:]}")
    check(shown == shown, f"no '{STARTUP_LINE}' line from {command}")
    return shown


def check_cli_and_window(exe: Path, data: Path) -> None:
    """--version; the CLI creates an article; the window opens it, quits cleanly, state saved."""
    version = run([str(exe), "--version"]).strip()
    from workstation import __version__

    check(version.endswith(__version__), f"--version said {version!r}")
    article_id = run([str(exe), "--data-dir", str(data), "new", "--headline", "Frozen"]).strip()
    page = run([str(exe), "--data-dir", str(data), "render", article_id])
    check("Frozen" in page and "<html" in page.lower(), "render: templates not found in bundle")
    time_to_window([str(exe), "--data-dir", str(data)])
    check((data / "window-state.ini").exists(), "the window did not save its state on exit")
    check((data / "logs" / "workstation.log").exists(), "no log file in the data dir")


def check_typing_is_saved(exe: Path, data: Path) -> str:
    """On Xvfb: type into the frozen window, close it, read the text back with the CLI."""
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            raise Failed(f"{', '.join(missing)} missing (apt-get install xvfb xdotool)")
        return f"skipped typing check: {', '.join(missing)} not installed"
    article_id = run([str(exe), "--data-dir", str(data), "new", "--headline", "Typed"]).strip()
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x1024x24", "-nolisten", "tcp",
         "-noreset"], pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        display = ":" + pipe.readline().strip()
    env = dict(OFFSCREEN, DISPLAY=display, QT_QPA_PLATFORM="xcb", WORKSTATION_REPORT_STARTUP="1")
    app = subprocess.Popen([str(exe), "--data-dir", str(data)], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True)  # fmt: skip
    try:
        assert app.stdout is not None
        check(app.stdout.readline().startswith(STARTUP_LINE), "frozen app did not start on X")
        xdo = ["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(app.pid)]
        window = run(xdo, env).split()[0]
        run(["xdotool", "windowfocus", "--sync", window], env)
        run(["xdotool", "type", "--delay", "15", TYPED], env)
        run(["xdotool", "key", "ctrl+q"], env)  # Quit: closeEvent saves what was typed
        check(app.wait(timeout=60) == 0, f"frozen app exited {app.returncode} after Ctrl+Q")
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        xvfb.terminate()
        xvfb.wait(timeout=10)
    shown = json.loads(run([str(exe), "--data-dir", str(data), "show", article_id, "--json"]))
    check(TYPED in shown["body"], f"typed text not saved: body is {shown['body']!r}")
    log = (data / "logs" / "workstation.log").read_text(encoding="utf-8")
    check("QtWebEngine unavailable" not in log, "the bundle fell back to the simplified preview")
    return "typing saved through the frozen window"


def cold_starts(exe: Path, runs: int) -> tuple[list[float], list[float]]:
    """Spawn-to-painted-article for the bundle and `python -m workstation`, same data dir."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        run([str(exe), "--data-dir", str(data), "demo", "load"])
        bundle = [time_to_window([str(exe), "--data-dir", str(data)]) for _ in range(runs)]
        source_cmd = [sys.executable, "-m", "workstation", "--data-dir", str(data)]
        source = [time_to_window(source_cmd) for _ in range(runs)]
    return bundle, source


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="test the existing bundle")
    parser.add_argument("--runs", type=int, default=3, help="start-ups timed for each")
    args = parser.parse_args()
    started = time.perf_counter()
    exe = bundle_executable() if args.no_build else build()
    built_in = time.perf_counter() - started
    notes: list[str] = []
    helper = "QtWebEngineProcess.exe" if sys.platform == "win32" else "QtWebEngineProcess"
    try:
        check(exe.exists(), f"no bundle at {exe}")
        check(any(BUNDLE.rglob(helper)), f"no {helper} in the bundle: the preview cannot start")
        with tempfile.TemporaryDirectory() as tmp:
            check_cli_and_window(exe, Path(tmp) / "data")
            notes.append(check_typing_is_saved(exe, Path(tmp) / "typing"))
        bundle, source = cold_starts(exe, args.runs)
    except Failed as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    print("frozen app: --version, render, open offscreen, clean exit: ok")
    for note in notes:
        print(note)
    if not args.no_build:
        print(f"build: {built_in:.0f} s")
    print(f"bundle: {folder_size(BUNDLE) / 1e6:.0f} MB in {BUNDLE}")
    print("| start-up to painted article | first run | median of rest |")
    print("|---|---|---|")
    for name, times in (("bundle", bundle), ("python -m workstation", source)):
        rest = statistics.median(times[1:]) if len(times) > 1 else times[0]
        print(f"| {name} | {times[0]:.2f} s | {rest:.2f} s |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
