"""`peacedash coverage [SOURCE] [FILE]`: what each source says that no excerpt cites yet."""

from __future__ import annotations

import sys
from pathlib import Path

from tui.data.characters import visible
from tui.data.coverage import REASONS, SourceCoverage, source_coverage
from tui.data.fields import did_you_mean
from tui.data.load import load_positions
from tui.data.safefiles import Refused


def run_coverage(path: Path, source: str | None) -> int:
    """0 with each source's uncited notable sentences and share cited; 1 when the file does not
    load; 2 for a source id the file does not have."""
    result = load_positions(path)
    data, library = result.dataset, result.library
    if data is None or library is None or result.problems:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print(
            f"{path}: the file must load before its coverage can be read (peacedash check)", file=sys.stderr
        )
        return 1
    if source is not None and source not in data.sources:
        hint = did_you_mean(source, list(data.sources))
        print(
            f"peacedash coverage: '{source}' is not a source of {path}{hint}; the sources are: "
            + ", ".join(data.sources),
            file=sys.stderr,
        )
        return 2
    chosen = [data.sources[source]] if source else list(data.sources.values())
    reports: list[SourceCoverage] = []
    for one in chosen:
        try:
            text = library.get(one.file)
        except Refused as refused:
            print(f"peacedash coverage: source file '{one.file}' {refused}", file=sys.stderr)
            continue
        reports.append(source_coverage(data, one, text))
    seeds = data.seed_dir
    for report in reports:
        name = seeds / report.source.file
        print(
            f"{report.source.id} ({report.source.file}): {report.cited_count} of "
            f"{len(report.notable)} notable sentences cited ({report.share:.0%})"
        )
        for n in report.uncited:
            print(visible(f"  {name}:{n.line}: [{', '.join(n.reasons)}] {' '.join(n.text.split())}"))
    total = sum(len(r.notable) for r in reports)
    cited = sum(r.cited_count for r in reports)
    if len(reports) > 1:
        print(
            f"all sources: {cited} of {total} notable sentences cited ({cited / total if total else 1:.0%})"
        )
    print(
        f"notable: at least 6 words and one of: {', '.join(REASONS)} (docs/data-format.md, 'Coverage')",
        file=sys.stderr,
    )
    return 0
