"""A Markdown brief: matrix, each party's positions, timeline, meetings; every claim footnoted to its source."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from tui.data.characters import visible
from tui.data.dates import spoken
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
from tui.data.freshness import freshness
from tui.data.model import UNNAMED_OUTLET, Claim, Dataset, DatedItem, Excerpt, Position
from tui.exports.plans_md import plans_markdown

# Characters that start or change Markdown (and inline HTML) anywhere on a line. Escaping them
# with a backslash is valid CommonMark for any ASCII punctuation and shows the character itself.
MARKUP = re.compile(r"([\\`*_\[\]<>#|~&!{}])")
LINE_BREAK = re.compile(r"\s*[\r\n]+\s*")
# Lines are wrapped to this width so the file reads as text too; lines that hold a quote are
# left whole (a quote is cited as one piece), and a heading cannot be wrapped.
WIDTH = 100
# A wrapped line must not begin with what would start a new block there: a list item, a
# numbered item, a quote, a heading, a table row, a fence or a setext underline.
BLOCK_START = re.compile(r"(?:[-+*]|\d{1,9}[.)])$|[>|~`=#]")


def md(text: str) -> str:
    """Data text as inline Markdown that shows as itself, in any context this export uses it
    (block text, headings, list items, table cells, emphasis): line breaks become spaces, so no
    value can start a block, and every markup character is escaped, so none can add a link,
    HTML or a table column."""
    return MARKUP.sub(r"\\\1", LINE_BREAK.sub(" ", visible(text)))


def wrapped(line: str, width: int | None = None) -> list[str]:
    """A paragraph or list item as lines of at most width characters outside quotes: a quoted
    passage (“…”) is never broken, nor a word longer than the width. Continued under the
    item's text; never broken before a word that would start a block there, so the wrapped
    text parses as the one line did."""
    width = WIDTH if width is None else width
    if len(line) <= width:
        return [line]
    marker = re.match(r"\s*(?:[-*] )?", line)
    indent = " " * (4 if line.startswith("[^") else len(marker.group()) if marker else 0)
    units: list[str] = []
    for word in line.split(" "):
        if units and units[-1].count("“") > units[-1].count("”"):
            units[-1] += " " + word  # inside a quote
        else:
            units.append(word)
    lines, current = [], units[0]
    for unit in units[1:]:
        if len(current) + 1 + len(unit) <= width or not unit or BLOCK_START.match(unit):
            current += " " + unit
        else:
            lines.append(current)
            current = indent + unit
    return [*lines, current]


class _Notes:
    """One footnote per claim, labelled by its id, in the order first cited."""

    def __init__(self, data: Dataset) -> None:
        self.data = data
        self.cited: dict[str, None] = {}  # an ordered set

    def ref(self, claim: Position | DatedItem) -> str:
        self.cited.setdefault(claim.id)
        return f"[^{claim.id}]"

    def _citation(self, excerpt: Excerpt) -> str:
        """'“quote” — Title, outlet, date': what is not known is left out, not said."""
        source = self.data.sources[excerpt.source]
        published = spoken(source.published) + (" (inferred)" if source.published_inferred else "")
        outlet = "" if source.outlet == UNNAMED_OUTLET else source.outlet
        facts = [source.title, outlet, published if source.published.known else ""]
        return f"“{md(excerpt.quote)}” — " + ", ".join(md(x) for x in facts if x)

    def definitions(self, claims: Mapping[str, Claim]) -> list[str]:
        """One footnote per claim; each of its excerpts on a line of its own, continuing it."""
        lines = []
        for claim_id in self.cited:
            quotes = [self._citation(e) for e in claims[claim_id].excerpts]
            lines.append(f"[^{claim_id}]: " + ";\n    ".join(quotes))
        return lines


def _when(item: DatedItem) -> str:
    """The date as people write it, or the source's own words; "" when neither is known."""
    if item.date.known:
        return date_label(item)
    if item.as_written:
        return f"“{item.as_written}”" + (" · inferred" if item.inferred else "")
    return ""


def _status(item: DatedItem, today: date) -> str:
    """The status against today; for an item with no date, only what the file records."""
    status, label = item_status(item, today)
    return (item.status or "") if status == "undated" else label


def _matrix(data: Dataset, notes: _Notes) -> list[str]:
    """Where the parties stand, issue by issue: the issue's note, then each party that has a
    position on it (a party with none is left out, not printed as a dash)."""
    out: list[str] = ["## Where the parties stand"]
    by_cell = positions_by_cell(data.current_positions)
    for issue in data.issues.values():
        # "unclear" is also what an issue with no recorded alignment gets: it says nothing.
        stand = f" (the parties are {issue.alignment})" if issue.alignment != "unclear" else ""
        out += ["", f"### {md(issue.name)}{stand}", ""]
        if issue.note:
            out += [md(issue.note), ""]
        held = [(party, by_cell.get((issue.id, party.id), [])) for party in data.parties.values()]
        held = [(party, here) for party, here in held if here]
        if not held:
            out.append("No party's position on this issue is recorded.")
        for party, here in held:
            out.append(f"- **{md(party.name)}**")
            out += [f"  - {KIND_WORDS[p.kind]}: {md(p.stance)}{notes.ref(p)}" for p in here]
    return out


def export_markdown(data: Dataset, today: date) -> str:
    notes = _Notes(data)
    fresh = freshness(data, today)
    out = [
        f"# {md(fresh.headline(data.title, today))}",
        "",
        md(fresh.long),
        "",
        f"Generated by peacedash from {md(data.path.name)}: {len(data.positions)} positions, "
        f"{len(data.timeline)} timeline items, {len(data.meetings)} meetings, "
        f"{data.excerpt_count} excerpts verified against {len(data.sources)} sources. "
        "Every claim is followed by a footnote quoting its source.",
        "",
        *_matrix(data, notes),
    ]
    by_cell = positions_by_cell(data.current_positions)
    for party in data.parties.values():
        out += ["", f"## {md(party.name)}"]
        for issue in data.issues.values():
            here = by_cell.get((issue.id, party.id), [])
            if not here:
                continue
            out += ["", f"### {md(issue.name)}", ""]
            for p in here:
                facts = "; ".join(
                    x for x in (f"stated {spoken(p.stated)}" if p.stated.known else "", backing(data, p)) if x
                )
                said = f" ({md(facts)})" if facts else ""
                out.append(f"- **{KIND_WORDS[p.kind]}**: {md(p.stance)}{said}{notes.ref(p)}")
    out += ["", "## Timeline", ""]
    for item in sorted(
        (i for i in data.timeline if i.id not in data.replaced_by), key=lambda i: i.date.sort_key()
    ):
        facts = "; ".join(
            x
            for x in (
                f"proposed by {party_names(data, item.proposed_by)}" if item.proposed_by else "",
                backing(data, item),
                _status(item, today),
            )
            if x
        )
        when = _when(item)
        out.append(
            f"- {f'**{md(when)}**: ' if when else ''}{md(item.title)}{notes.ref(item)}"
            + (f" ({md(facts)})" if facts else "")
        )
    out += ["", "## Meetings and events", ""]
    for item in sorted(
        (i for i in data.meetings if i.id not in data.replaced_by), key=lambda i: i.date.sort_key()
    ):
        facts = "; ".join(
            x
            for x in (
                _when(item),
                item.place,
                party_names(data, item.participants),
                item.format,
                backing(data, item),
                _status(item, today),
            )
            if x
        )
        outcome = f" Outcome: {md(item.outcome)}" if item.outcome else ""
        said = f" ({md(facts)})" if facts else ""
        out.append(f"- **{md(item.title)}**{said}.{outcome}{notes.ref(item)}")
    if data.figures:
        out += [
            "",
            "## Figures",
            "",
            "Figures on the same measure are listed side by side, never averaged.",
            "",
        ]
        for group in figure_groups(data.figures):
            out.append(f"- **{md(group[0].measures)}**")
            for figure in group:
                facts = "; ".join(
                    x
                    for x in (
                        f"as of {figure.as_of_text}" if figure.as_of.known else "",
                        cited_title(data, figure),
                        voice(figure),
                    )
                    if x
                )
                quote = f": “{md(figure.excerpts[0].quote)}”" if figure.excerpts else ""
                out.append(f"  - {md(figure.value_text)}" + (f" ({md(facts)})" if facts else "") + quote)
    out += plans_markdown(data)
    out += ["", "## Sources", ""]
    for source in data.sources.values():
        published = spoken(source.published) + (" (inferred)" if source.published_inferred else "")
        outlet = "" if source.outlet == UNNAMED_OUTLET else source.outlet
        known = [x for x in (outlet, published if source.published.known else "") if x]
        out.append(
            f"- **{md(source.title)}**" + "".join(f", {md(x)}" for x in known) + f" ({md(source.file)})"
        )
    out += ["", *notes.definitions(data.claims), ""]
    # Headings stay whole (a heading is one line); the rest is wrapped, line by line.
    return "\n".join(
        line
        for text in out
        for part in text.split("\n")
        for line in ([part] if part.startswith("#") else wrapped(part))
    )
