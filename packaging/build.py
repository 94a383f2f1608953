"""Build the one-folder bundle: icons, translations, then PyInstaller on packaging/workstation.spec.

Run: .venv/bin/python packaging/build.py
(needs: pip install pyinstaller pyinstaller-hooks-contrib)
The bundle lands in dist/editorial-workstation/ (dist/ and build/ are ignored by git).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "workstation.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "editorial-workstation"


def bundle_executable() -> Path:
    """The bundle's launcher (the same name on every platform, .exe on Windows)."""
    return BUNDLE / ("workstation.exe" if sys.platform == "win32" else "workstation")


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(clean: bool = False) -> Path:
    """Make the icons and the bundle; returns the launcher's path."""
    subprocess.run([sys.executable, str(ROOT / "packaging" / "make_icons.py")], check=True)
    subprocess.run(  # the .qm files (built, never committed) travel in the bundle
        [sys.executable, str(ROOT / "scripts" / "build_translations.py"), "--check"], check=True
    )
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC),
    ]  # fmt: skip
    if clean:
        command.insert(3, "--clean")
        shutil.rmtree(BUNDLE, ignore_errors=True)
    subprocess.run(command, check=True, cwd=ROOT)
    return bundle_executable()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="rebuild from scratch")
    args = parser.parse_args()
    started = time.perf_counter()
    executable = build(args.clean)
    print(f"built {executable} in {time.perf_counter() - started:.0f}s; "
          f"bundle {folder_size(BUNDLE) / 1e6:.0f} MB")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
