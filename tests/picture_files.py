"""Pictures made with Pillow at test time: a phone photo with GPS and serials, a CMYK TIFF."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

GPS_IFD = 0x8825
BODY_SERIAL = 0xA431
LENS_SERIAL = 0xA435
ORIENTATION = 0x0112


def photo_with_gps(width: int = 60, height: int = 40, orientation: int = 6) -> bytes:
    """A JPEG as a phone makes it: GPS position, camera and lens serials, rotated by EXIF."""
    image = Image.new("RGB", (width, height), (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, width // 2, height))  # left half blue: shows rotation
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 39.0)})
    exif.get_ifd(0x8769).update({BODY_SERIAL: "SN-123456789", LENS_SERIAL: "LENS-42"})
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def cmyk_tiff() -> bytes:
    out = io.BytesIO()
    Image.new("CMYK", (30, 20), (0, 255, 255, 0)).save(out, "TIFF")  # pure red in CMYK
    return out.getvalue()


GPS_MARK = b"SN-123456789"  # the camera serial photo_with_gps writes: it must not survive


def story_with_picture(folder: Path, headline: str) -> Path:
    """A story file as an editor brings one in: front matter, a paragraph and a phone photo
    beside it, placed by relative path with its alt text."""
    pictures = folder / "story-pictures"
    pictures.mkdir(parents=True, exist_ok=True)
    (pictures / "ward.jpg").write_bytes(photo_with_gps(320, 200, orientation=1))
    source = folder / "story.md"
    source.write_text(
        f"---\nheadline: {headline}\nstandfirst: Patients return on Monday.\n"
        "byline: [Ruth Okafor]\nsection: Workforce\ntags: [wards]\n---\n"
        "The ward reopened.\n\n![The reopened ward corridor](story-pictures/ward.jpg)\n",
        encoding="utf-8",
    )
    return source
