"""The state of play as plain text for a terminal or a screen reader: words, no glyphs or tables."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from tui.data.agenda import passed_without_outcome
from tui.data.characters import visible
from tui.data.describe import (
    KIND_WORDS,
    backing,
    citation,
    cited_title,
    date_label,
    figure_groups,
    item_status,
    party_names,
    positions_by_cell,
    voice,
)
from tui.data.freshness import freshness
from tui.data.model import Dataset
from tui.data.plans import diff_words, point_label, stance_row, version_diff, version_when
from tui.data.trends import Trend

SECTIONS = [
    ("Due now", ("due",)),
    ("Coming up", ("upcoming",)),
    ("Passed with no outcome recorded, oldest first", ("past",)),
    ("Missed", ("missed",)),
    ("Held or met", ("held", "met")),
    ("Cancelled", ("cancelled",)),
    ("No date in the sources", ("undated",)),
]


def _header(data: Dataset, today: date) -> list[str]:
    fresh = freshness(data, today)
    return [fresh.headline(data.title, today), fresh.long]


def export_brief(data: Dataset, today: date, trends: Mapping[str, Trend] | None = None) -> str:
    """The brief; `trends` (from tui.data.trends.issue_trends) adds each issue's direction."""
    lines = [
        *_header(data, today),
        f"From {data.path.name}: {len(data.positions)} positions, {data.dated_count} dated items "
        f"({len(data.current_dated) - data.dated_count} more with no date), "
        f"{data.excerpt_count} excerpts verified.",
    ]
    statuses = {item.id: item_status(item, today) for item in data.current_dated}
    ordered = sorted(data.current_dated, key=lambda i: i.date.sort_key())
    passed = passed_without_outcome(ordered, today)
    for heading, wanted in SECTIONS:
        # What passed unrecorded is the data layer's group (oldest first); the rest by date.
        items = (
            [p.item for p in passed]
            if wanted == ("past",)
            else [i for i in ordered if statuses[i.id][0] in wanted]
        )
        if not items:
            continue
        lines += ["", f"{heading}:"]
        for item in items:
            who = party_names(data, item.proposed_by or item.participants)
            # 'put forward by', not 'proposed by': the status that follows often says 'proposed'.
            by = f"; {'put forward by' if item.proposed_by else 'with'} {who}" if who else ""
            said = f" ({backing(data, item)})"
            lines.append(f"  - {item.title}: {date_label(item)}{by}. {statuses[item.id][1]}{said}.")
    lines += ["", "Where the parties stand:"]
    by_cell = positions_by_cell(data.current_positions)
    for issue in data.issues.values():
        cells = [(party, by_cell.get((issue.id, party.id), [])) for party in data.parties.values()]
        if not any(here for _, here in cells):
            continue
        trend = trends.get(issue.id) if trends else None
        lines.append(f"  {issue.name} (parties {trend.words if trend else issue.alignment}):")
        lines.extend(_reasons(data, issue.id))
        for party, here in cells:
            lines.extend(
                f"    - {party.name}, {KIND_WORDS[p.kind]}: {p.stance}" + f" ({backing(data, p)})."
                for p in here
            )
    if data.figures:
        lines += ["", "Figures (the sources' numbers; where they differ, each is given):"]
        for group in figure_groups(data.figures):
            lines.append(f"  {group[0].measures}:")
            for figure in group:
                source = cited_title(data, figure) or "no source"
                said = f", {voice(figure)}" if voice(figure) else ""
                lines.append(f"    - {figure.value_text}, as of {figure.as_of_text} ({source}{said}).")
    lines += _plans(data)
    # Separators drawn as "·" read badly aloud; a comma reads as a pause. Any control character
    # is shown as an escape, never sent to the terminal (the loader refuses them already).
    return visible("\n".join(lines).replace(" · ", ", ")) + "\n"


def _reasons(data: Dataset, issue_id: str) -> list[str]:
    """Why the issue stands where it does: its note, then the quotes behind its alignment."""
    issue = data.issues[issue_id]
    out = [f"    Why: {issue.note}"] if issue.note else []
    out += [f"    Behind it: {citation(data, e)}" for e in issue.excerpts]
    return out


def _plans(data: Dataset) -> list[str]:
    """Each plan, version by version: its points, each party's stance, what changed from the last."""
    if not data.plans:
        return []
    lines = ["", "Plans, point by point (each party's stance as the sources give it):"]
    for plan in data.plans:
        lines.append(f"  {plan.name}" + (f": {plan.note}" if plan.note else ""))
        for version in plan.versions:
            when = version_when(version)
            lines.append(f"    {version.label} ({when}):")
            for diff in version_diff(data, plan, version):
                stances = "; ".join(
                    f"{party.name} {stance}"
                    for party, stance in zip(data.parties.values(), stance_row(data, diff.point), strict=True)
                )
                summary = f": {diff.point.summary}" if diff.point.summary else ""
                changed = f" Changed: {diff_words(data, diff)}." if diff.differs else ""
                if diff.change == "dropped":
                    lines.append(f"      - {point_label(diff.point)}: dropped from this version.")
                else:
                    lines.append(f"      - {point_label(diff.point)}{summary}. {stances}.{changed}")
    return lines
