"""Decoding, cleaning and content-addressed storage of pictures, with cached thumbnails.

A picture is read with Pillow under a byte cap (checked before decoding) and a pixel cap
(Pillow's decompression-bomb limit), turned upright (EXIF orientation), converted to sRGB
(CMYK and ICC-tagged images included) and re-encoded without any metadata: EXIF GPS, camera
serials and the rest never reach the library, so they never leave the machine. The stored
file is named by the SHA-256 of the cleaned bytes, so the same picture is stored once.
Nothing is written until the picture is known good, and the write is atomic.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import math
import os
import re
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

from workstation.domain.media import crop_box

MAX_BYTES = 50 * 1024 * 1024
"""Files over this are refused before any decoding."""
MAX_PIXELS = 80_000_000
"""Over this a picture is treated as a decompression bomb (a 24-megapixel photo is far below)."""
MAX_EDGE = 3000
"""The library keeps pictures at most this many pixels on the long edge: twice the widest
rendition a page asks for (1600) would be 3200; 3000 keeps a 24-megapixel photo's decode at
half scale. Bigger originals stay with the photographer."""
THUMBNAIL_SIZE = 256
JPEG_QUALITY = 90
CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
_SRGB = ImageCms.createProfile("sRGB")


CROP_RATIOS = {"1x1": (1, 1), "4x3": (4, 3), "16x9": (16, 9)}
CROP_WIDTH = 1200
_VARIANT = re.compile(
    r"|[1-9][0-9]{1,4}|(?:1x1|4x3|16x9)(?:-(?:100|[0-9]{1,2})-(?:100|[0-9]{1,2}))?"
)


class MediaError(Exception):
    """A picture was refused; the message is for the user."""


@dataclass(frozen=True)
class StoredImage:
    """A picture in the library: its address, file type and size in pixels and bytes."""

    sha256: str
    extension: str
    width: int
    height: int
    size: int

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.extension]


def _what_it_is(head: bytes) -> str | None:
    """A plain word for bytes that are not a picture Pillow should see (SVG, HTML, text)."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<svg" in text[:4096] or (text.startswith(b"<?xml") and b"<svg" in text):
        return "svg"
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<")):
        return "html"
    return None


def _to_srgb(image: Image.Image) -> Image.Image:
    """The picture in sRGB, RGB or RGBA: ICC profiles applied, CMYK and palettes converted."""
    icc = image.info.get("icc_profile")
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    target = "RGBA" if has_alpha else "RGB"
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
                image = image.convert(target)
            return ImageCms.profileToProfile(image, source, _SRGB, outputMode=target) or image
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: fall back to the plain conversion below
    if image.mode == "CMYK":
        # Adobe-style CMYK JPEGs are stored inverted; Pillow's convert handles the rest.
        return image.convert("RGB")
    return image.convert(target) if image.mode != target else image


def _decode(data: bytes, name: str) -> Image.Image:
    if len(data) > MAX_BYTES:
        raise MediaError(
            f"{name} is {len(data) // (1024 * 1024)} MB; pictures over "
            f"{MAX_BYTES // (1024 * 1024)} MB are not accepted"
        )
    if not data:
        raise MediaError(f"{name} is empty")
    kind = _what_it_is(data[:8192])
    if kind == "svg":
        raise MediaError(
            f"{name} is an SVG drawing; SVG can carry scripts, so it is not accepted: "
            "export it as PNG or JPEG"
        )
    if kind == "html":
        raise MediaError(f"{name} is not a picture: it holds HTML or text, whatever its name says")
    previous = Image.MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            # Pillow warns between the limit and twice it, and raises above; both are refused.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            Image.MAX_IMAGE_PIXELS = MAX_PIXELS
            image = Image.open(io.BytesIO(data))
            if image.format == "JPEG" and max(image.size) > MAX_EDGE:
                # Decode a big photo at 1/2, 1/4 or 1/8 scale (libjpeg's DCT scaling): four
                # to sixty-four times less work, never below the size the library keeps.
                factor = MAX_EDGE / max(image.size)
                image.draft(
                    None, (math.ceil(image.width * factor), math.ceil(image.height * factor))
                )
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise MediaError(
            f"{name} is too many pixels to open safely (over {MAX_PIXELS // 1_000_000} "
            "megapixels): it may be a decompression bomb"
        ) from error
    except UnidentifiedImageError as error:
        raise MediaError(f"{name} is not a picture this workstation can read") from error
    except (OSError, SyntaxError, ValueError) as error:
        if "truncated" in str(error).lower() or "broken data stream" in str(error).lower():
            raise MediaError(f"{name} is cut short (truncated): copy the file again") from error
        raise MediaError(f"{name} could not be decoded: {error}") from error
    finally:
        Image.MAX_IMAGE_PIXELS = previous
    if ImageFile.LOAD_TRUNCATED_IMAGES:  # pragma: no cover - a global someone else may set
        raise MediaError(f"{name} could not be checked (LOAD_TRUNCATED_IMAGES is set)")
    return image


_JPEG_INFO_KEPT = frozenset({"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi"})


def _already_clean(image: Image.Image) -> bool:
    """Whether the decoded picture carries no metadata at all (no EXIF, XMP, IPTC, comment or
    colour profile), is upright and plain sRGB-or-grey within the size kept: the form `clean`
    writes. Anything else is re-encoded."""
    if max(image.size) > MAX_EDGE or "icc_profile" in image.info or "exif" in image.info:
        return False
    if image.format == "JPEG":
        markers = {marker for marker, _data in getattr(image, "applist", [])}
        return (
            image.mode in ("RGB", "L")
            and markers <= {"APP0"}
            and (set(image.info) <= _JPEG_INFO_KEPT)
        )
    if image.format == "PNG":
        return (
            image.mode in ("RGB", "RGBA", "L")
            and not getattr(image, "text", {})
            and (set(image.info) <= {"dpi"})
        )
    return False


def clean(data: bytes, name: str = "the file") -> tuple[bytes, str, int, int]:
    """The cleaned, re-encoded picture: (bytes, extension, width, height). Raises MediaError."""
    image = _decode(data, name)
    source_format = image.format
    if _already_clean(image):
        # Nothing to strip or turn (a picture this library wrote, say, brought back by an
        # import): kept byte for byte, so its SHA-256, and every reference to it, still hold.
        return data, "jpg" if source_format == "JPEG" else "png", image.width, image.height
    with contextlib.suppress(OSError, ValueError, SyntaxError):  # unreadable EXIF: left as is
        image = ImageOps.exif_transpose(image) or image
    image = _to_srgb(image)
    if max(image.size) > MAX_EDGE:
        image.thumbnail((MAX_EDGE, MAX_EDGE), Image.Resampling.LANCZOS, reducing_gap=2.0)
    out = io.BytesIO()
    if image.mode == "RGBA" or source_format in ("PNG", "GIF"):
        # Lossless sources and transparency stay PNG; no text chunks, no EXIF, no profile.
        image.save(out, "PNG", optimize=False)
        extension = "png"
    else:
        # Baseline, not optimize/progressive: Pillow encodes those in one call holding the GIL
        # (a second for 24 megapixels), which would freeze the window meanwhile.
        image.save(out, "JPEG", quality=JPEG_QUALITY)
        extension = "jpg"
    return out.getvalue(), extension, image.width, image.height


def check_variant(variant: str, extension: str) -> None:
    """Raise MediaError unless `variant`.`extension` names a rendition (never a path)."""
    if extension not in ("jpg", "webp", "png") or not _VARIANT.fullmatch(variant):
        raise MediaError(f"no such rendition: {variant or 'full'}.{extension}")


def variant_bytes(source: Path | bytes, variant: str, extension: str) -> bytes:
    """A rendition of a stored (already cleaned) picture: `variant` is a width ("960"), a crop
    around a focal point given in per cent ("16x9-50-30"; "1x1", "4x3", "16x9" alone centre
    it; 1200 wide at most) or "" (full size). Encoded as JPEG, WebP or PNG."""
    check_variant(variant, extension)
    with Image.open(source if isinstance(source, Path) else io.BytesIO(source)) as opened:
        if variant.isdigit() and opened.format == "JPEG":
            width = int(variant)
            opened.draft("RGB", (width, max(1, opened.height * width // opened.width)))
        image = opened.copy()
    if variant.isdigit():
        width = int(variant)
        if image.width > width:
            height = max(1, round(image.height * width / image.width))
            image = image.resize((width, height), Image.Resampling.LANCZOS)
    elif variant:
        ratio, *focal = variant.split("-")
        point = (int(focal[0]) / 100, int(focal[1]) / 100) if focal else (0.5, 0.5)
        image = image.crop(crop_box(image.width, image.height, CROP_RATIOS[ratio], point))
        if image.width > CROP_WIDTH:
            height = max(1, round(image.height * CROP_WIDTH / image.width))
            image = image.resize((CROP_WIDTH, height), Image.Resampling.LANCZOS)
    if extension == "jpg" and image.mode != "RGB":
        image = image.convert("RGB")
    out = io.BytesIO()
    if extension == "jpg":
        image.save(out, "JPEG", quality=82)  # baseline: see clean()
    elif extension == "webp":
        image.save(out, "WEBP", quality=80, method=4)
    else:
        image.save(out, "PNG")
    return out.getvalue()


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class MediaLibrary:
    """The pictures under one folder (the data dir's media/), thumbnails under a cache folder."""

    root: Path
    cache: Path

    def path_of(self, sha256: str, extension: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.{extension}"

    def find(self, sha256: str) -> Path | None:
        """The stored file for `sha256`, or None."""
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            return None
        for extension in CONTENT_TYPES:
            path = self.path_of(sha256, extension)
            if path.is_file():
                return path
        return None

    def add_bytes(
        self, data: bytes, name: str = "the picture", expected_sha256: str | None = None
    ) -> StoredImage:
        """Clean `data` and store it (once); raises MediaError with nothing stored.

        With `expected_sha256` (a picture another workstation's library named so), the bytes
        must be that picture: their SHA-256 is checked before anything is decoded, and again
        after cleaning (a library picture is already clean, so kept byte for byte)."""
        if expected_sha256 is not None:
            got = hashlib.sha256(data).hexdigest()
            if got != expected_sha256:
                raise MediaError(
                    f"{name} is not picture {expected_sha256[:12]}: its bytes hash to "
                    f"{got[:12]} (damaged or replaced on the way); nothing was stored"
                )
        cleaned, extension, width, height = clean(data, name)
        sha = hashlib.sha256(cleaned).hexdigest()
        if expected_sha256 is not None and sha != expected_sha256:
            raise MediaError(
                f"{name} is not as the library keeps pictures (cleaning changed it), so it "
                f"cannot be picture {expected_sha256[:12]}; nothing was stored"
            )
        path = self.path_of(sha, extension)
        if not path.is_file():
            _atomic_write(path, cleaned)
        return StoredImage(sha, extension, width, height, len(cleaned))

    def add_file(self, source: Path) -> StoredImage:
        """Read `source` (refusing a file over the cap before reading it) and add it."""
        try:
            size = source.stat().st_size
        except OSError as error:
            raise MediaError(f"{source.name} cannot be read: {error.strerror}") from error
        if size > MAX_BYTES:
            raise MediaError(
                f"{source.name} is {size // (1024 * 1024)} MB; pictures over "
                f"{MAX_BYTES // (1024 * 1024)} MB are not accepted"
            )
        return self.add_bytes(source.read_bytes(), source.name)

    def read(self, sha256: str) -> tuple[bytes, str]:
        """The stored bytes and content type of a picture; raises MediaError if missing."""
        path = self.find(sha256)
        if path is None:
            raise MediaError(f"picture {sha256[:12]} is not in the library")
        return path.read_bytes(), CONTENT_TYPES[path.suffix[1:]]

    def rendition(self, sha256: str, width: int, extension: str = "jpg") -> Path:
        """The picture scaled to at most `width` pixels wide (JPEG, WebP or PNG), cached."""
        return self.variant(sha256, str(width), extension)

    def variant(self, sha256: str, variant: str, extension: str) -> Path:
        """A rendition the page asks for (see `variant_bytes`), made once and cached on disk;
        `variant` "" in the stored file's own type is the stored file itself."""
        check_variant(variant, extension)
        source = self.find(sha256)
        if source is None:
            raise MediaError(f"picture {sha256[:12]} is not in the library")
        if variant == "" and source.suffix == f".{extension}":
            return source
        target = (
            self.cache / "renditions" / sha256[:2] / f"{sha256}-{variant or 'full'}.{extension}"
        )
        if not target.is_file():
            _atomic_write(target, variant_bytes(source, variant, extension))
        return target

    def thumbnail(self, sha256: str, size: int = THUMBNAIL_SIZE) -> Path:
        """A PNG thumbnail fitting `size`×`size`, made once and cached."""
        target = self.cache / "thumbnails" / f"{sha256}-{size}.png"
        if target.is_file():
            return target
        source = self.find(sha256)
        if source is None:
            raise MediaError(f"picture {sha256[:12]} is not in the library")
        with Image.open(source) as opened:
            if opened.format == "JPEG":
                opened.draft("RGB", (size, size))  # decode at 1/2..1/8 scale: much faster
            image = opened.copy()
        image.thumbnail((size, size))
        out = io.BytesIO()
        image.save(out, "PNG")
        _atomic_write(target, out.getvalue())
        return target
