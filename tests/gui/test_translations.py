"""The Linguist pipeline: .ts files parse, en_GB is complete, a built .qm translates the window."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workstation.gui.main_window import MainWindow
from workstation.gui.translations import install_translators
from workstation.paths import DataDir

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"
sys.path.insert(0, str(ROOT / "scripts"))
from build_translations import extract, tool, unfinished  # noqa: E402


def test_ts_files_parse_and_en_gb_is_complete() -> None:
    files = sorted(TS_DIR.glob("workstation_*.ts"))
    assert {f.name for f in files} >= {"workstation_en_GB.ts", "workstation_fr.ts"}
    for path in files:
        root = ET.parse(path).getroot()
        assert root.tag == "TS"
        assert sum(1 for _ in root.iter("message")) > 100, path
    assert unfinished(TS_DIR / "workstation_en_GB.ts") == []
    french = TS_DIR / "workstation_fr.ts"
    total = sum(1 for _ in ET.parse(french).getroot().iter("message"))
    assert len(unfinished(french)) < total  # started


def test_extraction_finds_the_strings_with_run_time_contexts() -> None:
    """The pipeline itself; whether the .ts is up to date is `build_translations.py --strict`
    (strings change in every branch: they are extracted before a release, not on each commit)."""
    root = extract().getroot()
    assert root is not None
    contexts = {c.findtext("name") for c in root.iter("context")}
    assert {"MainWindow", "PublishController", "SettingsDialog"} <= contexts
    assert not contexts & {"", "window", "self._window", "panel", "checker", "parent_widget"}


@pytest.fixture
def french_qm(tmp_path: Path) -> Path:
    ts = TS_DIR / "workstation_fr.ts"
    qm = tmp_path / "workstation_fr.qm"
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return tmp_path


def test_french_qm_translates_menus(qtbot: QtBot, french_qm: Path, seeded_home: DataDir) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, QLocale("fr_FR"), folder=french_qm)
    try:
        assert translators, "no translator loaded"
        window = MainWindow(seeded_home)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.sig_article_shown, timeout=20_000):
            window.show()
            window.start()
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[:2] == ["&Fichier", "É&dition"], menus
        qtbot.waitUntil(lambda: "publishing" in window.features, timeout=20_000)
        assert "&Publier" in [a.text() for a in window.menuBar().actions()]  # PublishController
        window.close()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
