"""The media library: cleaned pictures stored once by SHA-256, and bad input refused whole."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from picture_files import BODY_SERIAL, GPS_IFD, LENS_SERIAL, ORIENTATION, cmyk_tiff, photo_with_gps
from PIL import Image, ImageCms

from workstation.media.library import MAX_BYTES, MediaError, MediaLibrary
from workstation.paths import DataDir
from workstation.store.db import open_database
from workstation.usecases import media


@pytest.fixture
def library(tmp_path: Path) -> MediaLibrary:
    return MediaLibrary(tmp_path / "media", tmp_path / "cache")


def stored_files(library: MediaLibrary) -> list[Path]:
    return (
        sorted(p for p in library.root.rglob("*") if p.is_file()) if library.root.exists() else []
    )


def test_gps_and_serials_are_stripped_and_orientation_applied(library: MediaLibrary) -> None:
    raw = photo_with_gps()
    assert Image.open(io.BytesIO(raw)).getexif().get_ifd(GPS_IFD)  # the source really has GPS
    stored = library.add_bytes(raw, "phone.jpg")
    path = library.find(stored.sha256)
    assert path is not None and path.suffix == ".jpg"
    with Image.open(path) as kept:
        exif = kept.getexif()
        assert not exif.get_ifd(GPS_IFD)
        assert BODY_SERIAL not in exif.get_ifd(0x8769)
        assert LENS_SERIAL not in exif.get_ifd(0x8769)
        assert b"SN-123456789" not in path.read_bytes()
        assert b"LENS-42" not in path.read_bytes()
        assert ORIENTATION not in exif
        # Orientation 6 (rotate 90° clockwise): 60×40 stands up as 40×60, blue on top.
        assert kept.size == (40, 60) == (stored.width, stored.height)
        top = kept.convert("RGB").getpixel((20, 5))
        assert top[2] > 150 and top[0] < 100
    assert stored.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_same_picture_is_stored_once(library: MediaLibrary) -> None:
    raw = photo_with_gps()
    first = library.add_bytes(raw, "a.jpg")
    second = library.add_bytes(raw, "copy-of-a.jpg")
    assert first.sha256 == second.sha256
    assert len(stored_files(library)) == 1


def test_cmyk_tiff_is_converted_to_srgb(library: MediaLibrary) -> None:
    stored = library.add_bytes(cmyk_tiff(), "print.tiff")
    path = library.find(stored.sha256)
    assert path is not None
    with Image.open(path) as kept:
        assert kept.mode == "RGB"
        red, green, blue = kept.getpixel((10, 10))
        assert red > 200 and green < 60 and blue < 60


def test_an_icc_profile_is_converted_and_not_kept(library: MediaLibrary) -> None:
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image = Image.new("RGB", (20, 20), (10, 200, 10))
    out = io.BytesIO()
    image.save(out, "JPEG", icc_profile=srgb)
    stored = library.add_bytes(out.getvalue(), "tagged.jpg")
    path = library.find(stored.sha256)
    assert path is not None
    with Image.open(path) as kept:
        assert "icc_profile" not in kept.info  # the pixels are sRGB now; no profile travels
        assert kept.getpixel((5, 5))[1] > 150


def test_transparent_png_stays_png(library: MediaLibrary) -> None:
    out = io.BytesIO()
    Image.new("RGBA", (16, 16), (0, 0, 0, 0)).save(out, "PNG")
    stored = library.add_bytes(out.getvalue(), "logo.png")
    assert stored.extension == "png"


BAD_INPUT = {
    "html named jpg": (b"<!DOCTYPE html><html><body>Not found</body></html>", "HTML"),
    "svg with script": (
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
        b"<script>alert(1)</script></svg>",
        "SVG",
    ),
    "not an image at all": (b"\x00\x01\x02 just bytes" * 10, "not a picture"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUT))
def test_bad_input_is_refused_with_a_clear_message(library: MediaLibrary, case: str) -> None:
    raw, words = BAD_INPUT[case]
    with pytest.raises(MediaError, match=words):
        library.add_bytes(raw, "photo.jpg")
    assert stored_files(library) == []


def test_truncated_jpeg_is_refused(library: MediaLibrary) -> None:
    raw = photo_with_gps(400, 300)
    with pytest.raises(MediaError, match="cut short"):
        library.add_bytes(raw[: len(raw) // 2], "half.jpg")
    assert stored_files(library) == []


def test_decompression_bomb_is_refused(library: MediaLibrary) -> None:
    out = io.BytesIO()
    Image.new("1", (12_000, 10_000)).save(out, "PNG")  # 120 megapixels in a few kilobytes
    assert len(out.getvalue()) < 1_000_000
    with pytest.raises(MediaError, match="decompression bomb"):
        library.add_bytes(out.getvalue(), "bomb.png")
    assert stored_files(library) == []


def test_a_200_mb_file_is_refused_before_reading(library: MediaLibrary, tmp_path: Path) -> None:
    huge = tmp_path / "huge.jpg"
    with huge.open("wb") as file:
        file.write(photo_with_gps())
        file.truncate(200 * 1024 * 1024)  # sparse: no 200 MB written to disk
    assert huge.stat().st_size > MAX_BYTES
    with pytest.raises(MediaError, match="200 MB"):
        library.add_file(huge)
    assert stored_files(library) == []


def test_thumbnails_and_renditions_are_made_once(library: MediaLibrary) -> None:
    stored = library.add_bytes(photo_with_gps(900, 600, orientation=1), "wide.jpg")
    thumb = library.thumbnail(stored.sha256)
    with Image.open(thumb) as image:
        assert max(image.size) == 256
    made = thumb.stat().st_mtime_ns
    assert library.thumbnail(stored.sha256).stat().st_mtime_ns == made
    webp = library.rendition(stored.sha256, 320, "webp")
    with Image.open(webp) as image:
        assert image.format == "WEBP" and image.width == 320


def test_use_case_records_picture_once_and_finds_it(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data").ensure()
    db = open_database(data.database)
    source = tmp_path / "phone.jpg"
    source.write_bytes(photo_with_gps())
    first = media.add_picture(data, db, source)
    again = media.add_picture(data, db, source)
    assert first.sha256 == again.sha256
    media.update_words(db, first.sha256, media.MediaWords(alt="A ward", caption="Ward 7 at night",
                                                          credit="Jo Bloggs/Agency"))  # fmt: skip
    assert [i.sha256 for i in media.recent_pictures(db, "bloggs")] == [first.sha256]
    assert media.recent_pictures(db, "nobody") == []
    assert len(media.recent_pictures(db)) == 1
    db.close()


def test_crops_for_link_previews_keep_the_focal_point(library: MediaLibrary) -> None:
    stored = library.add_bytes(photo_with_gps(1600, 1200, orientation=1), "wide.jpg")
    for name, ratio in (("1x1", 1.0), ("4x3", 4 / 3), ("16x9", 16 / 9)):
        with Image.open(library.variant(stored.sha256, f"{name}-10-50", "jpg")) as crop:
            assert crop.width * crop.height >= 50_000
            assert abs(crop.width / crop.height - ratio) < 0.01
    with pytest.raises(MediaError):
        library.variant(stored.sha256, "../../etc", "jpg")


def test_big_photos_are_kept_at_the_library_size(library: MediaLibrary) -> None:
    from workstation.media.library import MAX_EDGE

    stored = library.add_bytes(photo_with_gps(MAX_EDGE * 2 + 40, 300, orientation=1), "pano.jpg")
    assert stored.width == MAX_EDGE and stored.height == round(300 * MAX_EDGE / (MAX_EDGE * 2 + 40))


def test_a_picture_the_library_wrote_comes_back_with_the_same_address(
    library: MediaLibrary, tmp_path: Path
) -> None:
    stored = library.add_bytes(photo_with_gps(), "phone.jpg")
    path = library.find(stored.sha256)
    assert path is not None
    elsewhere = MediaLibrary(tmp_path / "other", tmp_path / "other-cache")
    again = elsewhere.add_bytes(path.read_bytes(), "exported.jpg")
    assert again.sha256 == stored.sha256
