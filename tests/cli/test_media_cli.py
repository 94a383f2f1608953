"""Export writes a story's pictures beside the file; import on another desk reads them back."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from picture_files import GPS_IFD, photo_with_gps
from PIL import Image

from workstation.domain.media import markdown_for
from workstation.paths import DataDir
from workstation.store.db import open_database
from workstation.usecases import media
from workstation.usecases.articles import create_article


def run(exe: list[str], data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*exe, "--data-dir", str(data), *args], capture_output=True, text=True, timeout=60
    )


def test_export_and_import_carry_the_pictures(workstation_exe: list[str], tmp_path: Path) -> None:
    writer = DataDir(tmp_path / "writer").ensure()
    db = open_database(writer.database)
    source = tmp_path / "ward.jpg"
    source.write_bytes(photo_with_gps(300, 200, orientation=1))
    picture = media.add_picture(writer, db, source)
    body = f"The ward reopened.\n\n{markdown_for(picture)}\n"
    article = create_article(db, "Ward reopens", "It is back.", ["Staff"], body, "Workforce")
    db.close()

    target = tmp_path / "out" / "ward-reopens.md"
    target.parent.mkdir()
    exported = run(workstation_exe, writer.root, "export", article.id, "--output", str(target))
    assert exported.returncode == 0, exported.stderr
    beside = target.parent / "ward-reopens-pictures" / f"{picture.sha256}.jpg"
    assert beside.is_file()
    text = target.read_text(encoding="utf-8")
    assert "media:" not in text and f"](ward-reopens-pictures/{picture.sha256}.jpg)" in text
    with Image.open(beside) as image:
        assert not image.getexif().get_ifd(GPS_IFD)

    desk = tmp_path / "desk"
    imported = run(workstation_exe, desk, "import", str(target))
    assert imported.returncode == 0, imported.stderr
    shown = json.loads(run(workstation_exe, desk, "show", article.id, "--json").stdout)
    assert f"media:{picture.sha256}" in shown["body"]
    assert [p["sha256"] for p in shown["pictures"]["body"]] == [picture.sha256]
    assert media.library_of(DataDir(desk)).find(picture.sha256) is not None
