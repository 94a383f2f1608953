#!/usr/bin/env bash
# AppImage recipe: wrap the one-folder PyInstaller bundle in an AppDir and pack it.
# Needs appimagetool (https://github.com/AppImage/appimagetool/releases) on PATH.
# Run from the repo root after `python packaging/build.py`:
#   packaging/appimage/build_appimage.sh   -> dist/Editorial_Workstation-x86_64.AppImage
set -euo pipefail
cd "$(dirname "$0")/../.."
BUNDLE=dist/editorial-workstation
APPDIR=build/AppDir
[ -x "$BUNDLE/workstation" ] || { echo "build the bundle first: python packaging/build.py" >&2; exit 1; }
rm -rf "$APPDIR"
mkdir -p "$APPDIR/usr/lib" "$APPDIR/usr/share/applications" "$APPDIR/usr/share/metainfo"
cp -a "$BUNDLE" "$APPDIR/usr/lib/editorial-workstation"
cp packaging/appimage/AppRun "$APPDIR/AppRun"
cp packaging/editorial-workstation.desktop "$APPDIR/editorial-workstation.desktop"
cp packaging/editorial-workstation.desktop "$APPDIR/usr/share/applications/"
cp packaging/org.example.EditorialWorkstation.metainfo.xml "$APPDIR/usr/share/metainfo/"
cp resources/icons/editorial-workstation.svg "$APPDIR/editorial-workstation.svg"
for png in packaging/icons/hicolor/*/apps/editorial-workstation.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    mkdir -p "$APPDIR/usr/share/icons/hicolor/$size/apps"
    cp "$png" "$APPDIR/usr/share/icons/hicolor/$size/apps/"
done
ARCH=x86_64 appimagetool "$APPDIR" dist/Editorial_Workstation-x86_64.AppImage
