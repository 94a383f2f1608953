"""The code itself: lint clean (ruff), types checked (mypy), layers held (import-linter), and
no import cycle in the GUI (grimp, import-linter's own graph library)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(("ruff", "check", "."), id="ruff"),
        pytest.param(("mypy",), id="mypy"),
        pytest.param(("lint-imports",), id="import-linter"),
    ],
)
def test_tool_passes(command: tuple[str, ...]) -> None:
    result = _run(str(BIN / command[0]), *command[1:])
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


def test_every_package_is_listed_for_the_wheel() -> None:
    import tomllib

    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "workstation").rglob("__init__.py")
    }
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


def test_importing_the_package_starts_nothing() -> None:
    code = (
        "import sys, threading, workstation, workstation.app, workstation.cli, "
        "workstation.gui.main_window, workstation.store.db\n"
        "from PySide6.QtWidgets import QApplication\n"
        "assert QApplication.instance() is None\n"
        "assert threading.active_count() == 1, threading.enumerate()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def _graph(exclude_type_checking_imports: bool) -> grimp.ImportGraph:
    return grimp.build_graph(
        "workstation",
        exclude_type_checking_imports=exclude_type_checking_imports,
        cache_dir=None,
    )


def gui_cycles(graph: grimp.ImportGraph) -> list[str]:
    """Every import a -> b between gui modules that b leads back from: 'a -> b -> ... -> a'."""
    gui = {"workstation.gui", *graph.find_descendants("workstation.gui")}
    cycles = []
    for importer in sorted(gui):
        for imported in sorted(graph.find_modules_directly_imported_by(importer) & gui):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back is not None:
                cycles.append(" -> ".join((importer, *back)))
    return cycles


def test_no_import_cycle_in_the_gui() -> None:
    """Modules of workstation.gui never import each other round in a circle, at run time.
    (Imports under `if TYPE_CHECKING:` run only for mypy; the window's own parts, such as
    gui/menus.py, name `MainWindow` that way. Features may not even do that: below.)"""
    cycles = gui_cycles(_graph(exclude_type_checking_imports=True))
    assert cycles == [], "import cycles in workstation.gui:\n" + "\n".join(cycles)


def test_features_never_reach_the_window() -> None:
    """The features the window composes (gui/features.py) and everything they import see the
    window only through gui/host.py: no chain to gui.main_window, type-checking imports
    included, so each can be built alone on a fake host (tests/gui/fake_host.py)."""
    graph = _graph(exclude_type_checking_imports=False)
    features = graph.find_modules_directly_imported_by("workstation.gui.features")
    assert "workstation.gui.publish_controller" in features  # the graph sees the lazy imports
    chains = [
        " -> ".join(chain)
        for feature in sorted(features)
        if (chain := graph.find_shortest_chain(feature, "workstation.gui.main_window"))
    ]
    assert chains == [], "features that reach the window:\n" + "\n".join(chains)
