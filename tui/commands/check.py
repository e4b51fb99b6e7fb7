"""`peacedash check`: print every located problem, or a one-line summary of a sound file."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from tui.data.agenda import ahead
from tui.data.describe import plural
from tui.data.load import LoadResult, load_positions
from tui.data.model import Dataset
from tui.data.strength import strength_counts


def summary(dataset: Dataset, today: date) -> str:
    upcoming = len(ahead(dataset.current_dated, today))
    return (
        f"{dataset.path}: ok — {plural(len(dataset.parties), 'party', 'parties')}, "
        f"{plural(len(dataset.issues), 'issue')}, {plural(len(dataset.positions), 'position')}, "
        f"{plural(len(dataset.timeline), 'timeline item')}, {plural(len(dataset.meetings), 'meeting')} "
        f"({dataset.dated_count} dated, {upcoming} upcoming or due on {today.isoformat()}), "
        + (f"{plural(len(dataset.figures), 'figure')}, " if dataset.figures else "")
        + (f"{plural(len(dataset.plans), 'plan')}, " if dataset.plans else "")
        + f"{plural(dataset.excerpt_count, 'excerpt')} verified against "
        f"{plural(len(dataset.sources), 'source')}"
    )


def strength_line(dataset: Dataset) -> str:
    """'backed by: 18 claims from several outlets, 75 single-source, 6 anonymous only'."""
    counts = strength_counts(dataset)
    return (
        f"backed by: {plural(counts['several outlets'], 'claim')} from several outlets, "
        f"{counts['single source']} single-source, {counts['anonymous only']} anonymous only"
    )


def load_or_report(path: Path) -> Dataset | None:
    """The dataset, or None after printing every located problem to stderr."""
    result = loaded_or_report(path)
    return result.dataset if result else None


def loaded_or_report(path: Path) -> LoadResult | None:
    """The sound load (the dataset with the seed texts it read), or None after printing every
    located problem to stderr."""
    result = load_positions(path)
    if result.dataset is None or result.problems:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print(f"{path}: {plural(len(result.problems), 'problem')}", file=sys.stderr)
        return None
    return result


def run_check(path: Path, today: date, strict: bool = False) -> int:
    """0 for a sound file (warnings printed, not counted), 1 for problems; with strict, warnings
    count as problems."""
    result = load_positions(path)
    if result.dataset is None or result.problems:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print(f"{path}: {plural(len(result.problems), 'problem')}", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    print(summary(result.dataset, today))
    print(strength_line(result.dataset))
    if not result.warnings:
        return 0
    count = plural(len(result.warnings), "warning")
    if strict:
        # Said plainly: an "ok" line followed by exit 1 read as a pass.
        print(f"{result.dataset.path}: fails --strict on {count}", file=sys.stderr)
        return 1
    print(f"{count} (they fail only with --strict)")
    return 0
