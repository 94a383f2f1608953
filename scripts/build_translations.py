"""The Qt Linguist pipeline: extract strings into resources/translations/*.ts, build the .qm files.

    python scripts/build_translations.py           # update the .ts files, then build .qm
    python scripts/build_translations.py --check   # build only; fail if en_GB has unfinished text
    python scripts/build_translations.py --check --strict   # ...or if a source string is missing

pyside6-lupdate names the context of `window.tr(...)` after the variable ("window"), while at
run time Qt looks the string up under the object's class ("MainWindow"); CONTEXTS maps them. So
the extraction goes to a fresh file, contexts are renamed, and existing translations are merged
in here (keyed by context, source and comment). en_GB is the source language: every string is
its own translation, so that file is always complete. The .qm files are built, never committed.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
SOURCES = sorted((ROOT / "workstation" / "gui").glob("*.py"))
LANGUAGES = ("en_GB", "fr")
SOURCE_LANGUAGE = "en_GB"
CONTEXTS = {
    "window": "MainWindow",
    "self._window": "MainWindow",
    "checker": "StyleChecker",
    "panel": "RelatedPanel",
    "parent_widget": "PreviewPane",
}
# `tr = x.tr` then `tr("...")`: lupdate gives no context; the file says which object it was.
FILE_CONTEXTS = {"publish_controller.py": "PublishController"}  # otherwise MainWindow


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python, or on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: pip install PySide6 (it ships the Linguist tools)")
    return found


def ts_path(language: str) -> Path:
    return TS_DIR / f"workstation_{language}.ts"


def _key(context: str, message: ET.Element) -> tuple[str, str, str]:
    return context, message.findtext("source") or "", message.findtext("comment") or ""


def _runtime_context(context: str, message: ET.Element) -> str:
    if context == "":  # `tr = something.tr`: which object depends on the file
        location = message.find("location")
        filename = Path(location.get("filename", "")).name if location is not None else ""
        return FILE_CONTEXTS.get(filename, "MainWindow")
    return CONTEXTS.get(context, context)


def extract() -> ET.ElementTree:
    """A fresh .ts of every string in the sources, contexts renamed to the run-time classes."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        subprocess.run(
            [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "relative",
             *map(str, SOURCES), "-ts", str(fresh)],
            check=True,
        )  # fmt: skip
        old_root = ET.parse(fresh).getroot()
    root = ET.Element("TS", {"version": old_root.get("version", "2.1")})
    contexts: dict[str, ET.Element] = {}
    seen: set[tuple[str, str, str]] = set()
    for context in old_root.iter("context"):
        for message in context.findall("message"):
            name = _runtime_context(context.findtext("name") or "", message)
            key = _key(name, message)
            if key in seen:  # the same text in two files of one class
                continue
            seen.add(key)
            for location in message.findall("location"):
                message.remove(location)  # no line numbers: no churn in review
            if name not in contexts:
                contexts[name] = ET.SubElement(root, "context")
                ET.SubElement(contexts[name], "name").text = name
            contexts[name].append(message)
    return ET.ElementTree(root)


def merge(fresh: ET.ElementTree, language: str) -> ET.ElementTree:
    """The fresh strings with the translations already in the language's .ts file."""
    known: dict[tuple[str, str, str], ET.Element] = {}
    if ts_path(language).exists():
        for context in ET.parse(ts_path(language)).getroot().iter("context"):
            for message in context.iter("message"):
                known[_key(context.findtext("name") or "", message)] = message
    root = copy.deepcopy(fresh.getroot())
    assert root is not None
    root.set("language", language)
    root.set("sourcelanguage", SOURCE_LANGUAGE)
    tree = ET.ElementTree(root)
    for context in root.iter("context"):
        for message in context.iter("message"):
            old = known.get(_key(context.findtext("name") or "", message))
            translation = message.find("translation")
            assert translation is not None
            if old is not None and old.find("translation") is not None:
                message.remove(translation)
                message.append(copy.deepcopy(old.find("translation")))  # type: ignore[arg-type]
            if language == SOURCE_LANGUAGE:
                _translate_as_source(message)
    return tree


def _translate_as_source(message: ET.Element) -> None:
    """British English is the source text: the translation is the text itself, finished."""
    source = message.findtext("source") or ""
    translation = message.find("translation")
    assert translation is not None
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        forms = translation.findall("numerusform") or []
        for form in forms:
            translation.remove(form)
        for _ in range(2):  # English: singular, plural
            ET.SubElement(translation, "numerusform").text = source
    else:
        translation.text = source


def write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
        handle.write(b"\n")


def unfinished(path: Path) -> list[str]:
    """Source texts whose translation is missing or marked unfinished."""
    missing = []
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        empty = translation is None or not (
            (translation.text or "").strip() or translation.findall("numerusform")
        )
        if empty or (translation is not None and translation.get("type") == "unfinished"):
            missing.append(message.findtext("source") or "")
    return missing


def _not_extracted(fresh: ET.ElementTree) -> list[str]:
    committed = {
        _key(c.findtext("name") or "", m)
        for c in ET.parse(ts_path(SOURCE_LANGUAGE)).getroot().iter("context")
        for m in c.iter("message")
    }
    root = fresh.getroot()
    assert root is not None
    return [
        key[1]
        for c in root.iter("context")
        for m in c.iter("message")
        if (key := _key(c.findtext("name") or "", m)) not in committed
    ]


def release() -> list[Path]:
    """Build a .qm beside each .ts (ignored by git; collected into wheels and bundles)."""
    built = []
    for language in LANGUAGES:
        ts = ts_path(language)
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="do not update the .ts files")
    parser.add_argument("--strict", action="store_true", help="fail on strings not extracted yet")
    args = parser.parse_args()
    fresh = extract()
    if not args.check:
        for language in LANGUAGES:
            write(merge(fresh, language), ts_path(language))
    missing = _not_extracted(fresh)
    if missing:
        print(f"{len(missing)} strings not in the .ts files yet (run without --check), e.g. "
              f"{missing[:3]}", file=sys.stderr)  # fmt: skip
        if args.strict:
            return 1
    gaps = unfinished(ts_path(SOURCE_LANGUAGE))
    if gaps:
        print(f"{SOURCE_LANGUAGE}: {len(gaps)} unfinished, e.g. {gaps[:3]}", file=sys.stderr)
        return 1
    for language in LANGUAGES:
        total = sum(1 for _ in ET.parse(ts_path(language)).getroot().iter("message"))
        done = total - len(unfinished(ts_path(language)))
        print(f"{ts_path(language).relative_to(ROOT)}: {done}/{total} translated")
    for qm in release():
        print(f"built {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
