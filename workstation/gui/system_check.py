"""Before Qt opens a window: name the missing system libraries instead of Qt's plugin error."""

from __future__ import annotations

import ctypes
import os
import sys

# The libraries Qt's xcb platform plugin loads, and the Debian/Ubuntu packages that hold them.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def _loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def platform_problem(environ: dict[str, str] | None = None, platform: str | None = None) -> str:
    """A message saying what to install or set before Qt can open a window; "" when all is well."""
    env = os.environ if environ is None else environ
    if (platform or sys.platform) != "linux":
        return ""
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith("xcb"):
        return ""  # offscreen, wayland, vnc...: Qt reports its own, clearer, problems
    if not qpa and env.get("WAYLAND_DISPLAY"):
        return ""
    missing = [soname for soname in XCB_LIBRARIES if not _loadable(soname)]
    if missing:
        packages = " ".join(dict.fromkeys(XCB_LIBRARIES[s] for s in missing))
        return (
            "The window cannot open: Qt needs system libraries that are missing "
            f"({', '.join(missing)}).\n"
            f"Install them, on Debian or Ubuntu with:\n    sudo apt-get install {packages}\n"
            "(Fedora: sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms "
            "xcb-util-image xcb-util-renderutil libxkbcommon-x11)\n"
            "Headless use needs no libraries: set QT_QPA_PLATFORM=offscreen, "
            "or use the command line (workstation --help)."
        )
    if not env.get("DISPLAY"):
        return (
            "The window cannot open: there is no display (DISPLAY is not set).\n"
            "Run it inside a desktop session, or for headless use set QT_QPA_PLATFORM=offscreen, "
            "or use the command line (workstation --help)."
        )
    return ""
