"""Render an export and write it to a file, never over the data file or a seed: used by the CLI and the app."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tui.data.describe import plural
from tui.data.model import Dataset
from tui.data.sources import SourceLibrary

if TYPE_CHECKING:  # only the type: `export --since` imports the changelog itself
    from tui.data.changelog import Changelog

SUFFIX = {"ics": ".ics", "md": ".md", "json": ".json", "annotations": ".jsonld"}
FOLDERS = frozenset({"csv"})  # exports that are a folder of files, not one stream


def render(
    kind: str,
    data: Dataset,
    today: date,
    since: Changelog | None = None,
    library: SourceLibrary | None = None,
) -> tuple[bytes, str]:
    """The export's bytes and a line for stderr about what it holds; with `since`, brief and
    Markdown open with what changed since the point and JSON carries the change list. The
    annotations need the seed texts the load read (`library`), where each quote was found."""
    if since is not None and kind in ("brief", "md", "json"):
        from tui.exports.since import with_changes

        body, note = render(kind, data, today)
        return with_changes(kind, body.decode("utf-8"), since).encode("utf-8"), note
    if kind == "ics":
        from tui.exports.ics import export_ics

        body, left_out = export_ics(data, today)
        note = f"{plural(len(data.current_dated) - len(left_out), 'event')} written"
        if left_out:
            note += f"; left out {plural(len(left_out), 'item')} with no usable date: {', '.join(i.id for i in left_out)}"
        return body, note
    if kind == "md":
        from tui.exports.markdown import export_markdown

        return export_markdown(data, today).encode("utf-8"), "Markdown brief written"
    if kind == "annotations":
        from tui.exports.annotations import export_annotations

        text, count = export_annotations(data, library or SourceLibrary(data.seed_dir))
        return text.encode("utf-8"), f"{plural(count, 'annotation')} written"
    if kind == "json":
        from tui.exports.jsondoc import export_json

        return export_json(data, today).encode("utf-8"), "JSON written"
    from tui.data.trends import issue_trends
    from tui.exports.brief import export_brief

    # Each issue's direction from the file's git history (none without one: nothing invented).
    return export_brief(data, today, issue_trends(data.path, data)).encode("utf-8"), ""


def default_target(data_path: Path, kind: str) -> Path:
    """Next to the data file, same stem, export's suffix; never the data file itself, and never
    an existing file: positions.md, then positions-2.md, positions-3.md, …"""
    first = data_path.with_suffix(SUFFIX[kind])
    if first.resolve() == data_path.resolve():
        first = data_path.with_name(data_path.name + SUFFIX[kind])
    target, number = first, 1
    while os.path.lexists(target):
        number += 1
        target = first.with_name(f"{first.stem}-{number}{first.suffix}")
    return target


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def protected(data: Dataset) -> list[Path]:
    """Files an export must never replace: the data file and every seed text it cites."""
    return [data.path, *(data.seed_dir / source.file for source in data.sources.values())]


def _refuse_protected(data: Dataset, target: Path) -> None:
    # Compare files, not names: a hard link or a symlink to the data file has another name.
    for kept in protected(data):
        if _same_file(target, kept) or target.resolve() == kept.resolve():
            what = "the data file" if kept == data.path else "a seed text"
            raise ValueError(f"refusing to write the export over {what} {kept}")


def write_export(
    kind: str,
    data: Dataset,
    today: date,
    target: Path,
    since: Changelog | None = None,
    library: SourceLibrary | None = None,
) -> str:
    _refuse_protected(data, target)
    body, note = render(kind, data, today, since, library)
    target.write_bytes(body)
    return note


def write_folder(kind: str, data: Dataset, today: date, folder: Path, library: SourceLibrary | None) -> str:
    """Write a folder export (the CSV data package) into folder, made if missing; never over a
    file: when any of its files exists already, nothing is written."""
    from tui.exports.package import export_package

    files = export_package(data, today, library)
    targets = [folder / name for name in files]
    for target in targets:
        _refuse_protected(data, target)
    there = [t.name for t in targets if os.path.lexists(t)]
    if there:
        raise ValueError(f"{folder} already holds {', '.join(there)}: choose an empty or new folder")
    folder.mkdir(parents=True, exist_ok=True)
    for target, body in zip(targets, files.values(), strict=True):
        # "x": a file that appeared since the check above is not replaced either.
        with target.open("xb") as out:
            out.write(body)
    tables = len(files) - 1
    return f"a data package of {plural(tables, 'table')} written (datapackage.json and {tables} CSV files)"
