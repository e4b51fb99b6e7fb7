"""The state of play as plain text for a terminal or a screen reader: words, no glyphs or tables."""

from __future__ import annotations

from datetime import date

from tui.data.characters import visible
from tui.data.describe import (
    KIND_WORDS,
    backing,
    cited_title,
    date_label,
    figure_groups,
    item_status,
    party_names,
    positions_by_cell,
    voice,
)
from tui.data.model import Dataset

SECTIONS = [
    ("Due now", ("due",)),
    ("Coming up", ("upcoming",)),
    ("Past, no outcome recorded", ("past",)),
    ("Missed", ("missed",)),
    ("Held or met", ("held", "met")),
    ("Cancelled", ("cancelled",)),
    ("No date in the sources", ("undated",)),
]


def export_brief(data: Dataset, today: date) -> str:
    lines = [
        f"{data.title}: state of play on {today.isoformat()}",
        f"From {data.path.name}: {len(data.positions)} positions, {data.dated_count} dated items "
        f"({len(data.current_dated) - data.dated_count} more with no date), "
        f"{data.excerpt_count()} excerpts verified.",
    ]
    statuses = {item.id: item_status(item, today) for item in data.current_dated}
    ordered = sorted(data.current_dated, key=lambda i: i.date.sort_key())
    for heading, wanted in SECTIONS:
        items = [i for i in ordered if statuses[i.id][0] in wanted]
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
        lines.append(f"  {issue.name} (parties {issue.alignment}):")
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
    # Separators drawn as "·" read badly aloud; a comma reads as a pause. Any control character
    # is shown as an escape, never sent to the terminal (the loader refuses them already).
    return visible("\n".join(lines).replace(" · ", ", ")) + "\n"
