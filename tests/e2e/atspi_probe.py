"""AT-SPI probe, run by Debian's /usr/bin/python3 (pyatspi): starts the app, reads and drives its
accessibility tree as a screen reader would, prints one JSON report on stdout.

Run inside one D-Bus session and X server, e.g.
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" \
      /usr/bin/python3 atspi_probe.py --tabs 14 --core -- workstation --data-dir DIR
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from typing import Any

import pyatspi
from gi.repository import GLib

INTERACTIVE = {
    "push button",
    "toggle button",
    "text",
    "entry",
    "password text",
    "list",
    "list box",
    "combo box",
    "check box",
    "radio button",
    "menu item",
    "check menu item",
    "page tab",
    "slider",
    "spin button",
    "link",
    "tree",
    "tree table",
    "table",
}  # fmt: skip  (scroll bars take no focus: the keyboard scrolls the view they belong to)
DEADLINE_S = 30.0
REPORT_MARKER = "ATSPI-REPORT "


def _pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    context = GLib.MainContext.default()
    while time.monotonic() < end:
        if not context.iteration(False):
            time.sleep(0.01)


def _until(predicate: Any, timeout: float = 10.0) -> Any:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        _pump(0.05)
    return None


def find_app(pid: int) -> Any:
    def look() -> Any:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            child = desktop.getChildAtIndex(index)
            try:
                if child is not None and child.get_process_id() == pid:
                    return child
            except Exception:  # an app that went away while we looked
                continue
        return None

    return _until(look, DEADLINE_S)


def _states(node: Any) -> set[str]:
    return {pyatspi.stateToString(s) for s in node.getState().getStates()}


def _describe(node: Any, path: str) -> dict[str, Any]:
    labelled = [
        r for r in node.getRelationSet()
        if r.getRelationType() == pyatspi.RELATION_LABELLED_BY
    ]  # fmt: skip
    try:
        action = node.queryAction()
        actions = [action.getName(i) for i in range(action.nActions)]
    except NotImplementedError:
        actions = []
    return {
        "role": node.getRoleName(),
        "name": node.name or "",
        "description": node.description or "",
        "id": node.get_accessible_id() or "",
        "path": path,
        "states": sorted(_states(node)),
        "labelled_by": bool(labelled),
        "actions": actions,
    }


def walk(node: Any, path: str = "", out: list[dict[str, Any]] | None = None) -> list[Any]:
    """Every node under `node` (depth first), as dicts; menus' closed items included."""
    out = [] if out is None else out
    here = f"{path}/{node.getRoleName()}[{node.name or ''}]"
    out.append(_describe(node, here))
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        if child is not None:
            walk(child, here, out)
    return out


def unnamed_controls(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Showing interactive nodes a screen reader would announce with no name."""
    return [
        n for n in nodes
        if n["role"] in INTERACTIVE and "showing" in n["states"] and not n["name"].strip()
        and not n["labelled_by"]
    ]  # fmt: skip


def find(root: Any, role: str, name: str) -> Any:
    """The first node with this role and name (names compared without mnemonic markers)."""
    return pyatspi.findDescendant(
        root, lambda n: n is not None and n.getRoleName() == role and n.name == name
    )


def _label(node: Any) -> str:
    return f"{node.getRoleName()}: {node.name} ({node.get_accessible_id() or ''})"


def tab_order(app: Any, tabs: int, start: str | None) -> list[str]:
    """Focus the control named `start` (or keep the focus where it is), press Tab `tabs` times;
    after each, the control that announced it took the focus. The first entry is the start."""
    focused: list[str] = []

    def on_focus(event: Any) -> None:
        if event.detail1 == 1 and event.source is not None:
            focused.append(_label(event.source))

    pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")
    order = []
    try:
        if start is not None:
            first = pyatspi.findDescendant(app, lambda n: n is not None and n.name == start)
            if first is None or not first.queryComponent().grabFocus():
                return [f"cannot focus {start!r}"]
            _until(lambda: focused, 2.0)
            order.append(focused[-1] if focused else _label(first))
        for _ in range(tabs):
            seen = len(focused)
            subprocess.run(["xdotool", "key", "Tab"], timeout=10)
            _until(lambda seen=seen: len(focused) > seen, 2.0)
            _pump(0.1)
            order.append(focused[-1] if len(focused) > seen else "no focus change")
    finally:
        pyatspi.Registry.deregisterEventListener(on_focus, "object:state-changed:focused")
    return order


def _do(node: Any, action_name: str | None = None) -> None:
    action = node.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    action.doAction(names.index(action_name) if action_name in names else 0)


def core_path(app: Any, text: str) -> dict[str, Any]:
    """New article, type, save revision, all through AT-SPI actions and text interfaces."""
    result: dict[str, Any] = {}
    new_item = find(app, "menu item", "New article")
    result["new_item_found"] = new_item is not None
    if new_item is None:
        return result
    _do(new_item)
    headline = _until(
        lambda: (
            (n := find(app, "text", "Headline")) is not None
            and n.queryText().getText(0, -1) == "Untitled draft"
            and n
        )
    )
    result["new_article_opened"] = headline is not None
    if headline is None:
        return result
    headline.queryEditableText().setTextContents("Written through AT-SPI")
    editor = pyatspi.findDescendant(
        app, lambda n: n is not None and (n.get_accessible_id() or "").endswith(".bodyEditor")
    )
    result["editor_found"] = editor is not None
    if editor is None:
        return result
    editor.queryEditableText().insertText(0, text, len(text))
    _until(lambda: text in editor.queryText().getText(0, -1), 5)
    save_item = find(app, "menu item", "Save revision")
    result["save_item_found"] = save_item is not None
    if save_item is not None:
        _do(save_item)
        _pump(1.0)
    return result


# Menu item -> the dialog's title and the button that closes it.
DIALOGS = {
    "Settings…": ("Settings", "Cancel"),
    "Keyboard shortcuts…": ("Keyboard shortcuts", "Close"),
    "Copy diagnostics…": ("Diagnostics", "Close"),
    "About Editorial Workstation": ("About Editorial Workstation", "Close"),
}


def _dialog(app: Any, title: str) -> Any:
    for index in range(app.childCount):
        child = app.getChildAtIndex(index)
        if child is not None and child.name == title and "showing" in _states(child):
            return child
    return None


def probe_dialog(app: Any, item_name: str, title: str, close: str, tabs: int) -> dict[str, Any]:
    """Open a dialog from its menu item, read it, Tab through it, close it by its button."""
    item = find(app, "menu item", item_name)
    if item is None:
        return {"error": f"no menu item {item_name!r}"}
    _do(item)
    dialog = _until(lambda: _dialog(app, title), 10)
    if dialog is None:
        return {"error": f"{title!r} did not open"}
    _pump(0.3)
    nodes = walk(dialog)
    result: dict[str, Any] = {"nodes": len(nodes), "unnamed": unnamed_controls(nodes)}
    result["tab_order"] = tab_order(dialog, tabs, None) if tabs else []
    button = find(dialog, "push button", close)
    if button is None:
        return {**result, "error": f"no {close!r} button"}
    _do(button)
    result["closed"] = bool(_until(lambda: _dialog(app, title) is None, 10))
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tabs", type=int, default=0)
    parser.add_argument("--tab-start", default="Articles")
    parser.add_argument("--core", default="")
    parser.add_argument("--dialogs", type=int, default=-1, help="Tabs per dialog; -1: skip")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = [c for c in args.command if c != "--"]
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
               WORKSTATION_REPORT_STARTUP="1")  # fmt: skip
    app_proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    report: dict[str, Any] = {"pid": app_proc.pid}
    try:
        assert app_proc.stdout is not None
        report["startup"] = app_proc.stdout.readline().strip()
        # The features attach after first paint; read the tree once they have (a tree read
        # while widgets are being added meets objects that are gone by the time it asks).
        report["ready"] = app_proc.stdout.readline().strip()
        window = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(app_proc.pid)],
            capture_output=True, text=True, timeout=30,
        ).stdout.split()  # fmt: skip
        if window:
            subprocess.run(["xdotool", "windowfocus", "--sync", window[0]], timeout=30)
        app = find_app(app_proc.pid)
        report["found"] = app is not None
        if app is None:
            return 0
        _until(lambda: find(app, "menu item", "Keyboard shortcuts…") is not None, 10)
        nodes = walk(app)
        report["nodes"] = len(nodes)
        report["unnamed"] = unnamed_controls(nodes)
        report["roles"] = sorted({n["role"] for n in nodes})
        if args.tabs:
            report["tab_order"] = tab_order(app, args.tabs, args.tab_start)
        if args.dialogs >= 0:
            report["dialogs"] = {
                title: probe_dialog(app, item, title, close, args.dialogs)
                for item, (title, close) in DIALOGS.items()
            }
        if args.core:
            report["core"] = core_path(app, args.core)
        quit_item = find(app, "menu item", "Quit")
        report["quit_item_found"] = quit_item is not None
        if quit_item is not None:
            _do(quit_item)  # File > Quit: the window saves and closes as for a person
    finally:
        try:
            report["exit"] = app_proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            app_proc.kill()
            report["exit"] = "killed"
        print(REPORT_MARKER + json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
