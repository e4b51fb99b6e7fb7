"""'Changed since …' for the brief, the Markdown brief and the JSON export (`--since`)."""

from __future__ import annotations

import json
from collections import Counter

from tui.data.changelog import Changelog, SinceMark, marks_since
from tui.data.characters import one_line
from tui.data.describe import plural
from tui.data.history import CONTEXT
from tui.exports.jsondoc import json_text
from tui.exports.markdown import md


def _line(mark: SinceMark) -> str:
    change = mark.change
    # Quotes are counted in `changes`, not spelled out here; a claim dated since (no git) has its
    # date in `when` already. Every other field the engine lists is shown.
    fields = "; ".join(
        f"{f.field}: {f.before or '(none)'} → {f.after or '(none)'}"
        for f in change.fields
        if f.field != "excerpts" and change.change != "dated"
    )
    when = f", {mark.when}" if mark.when else ""
    return f"{change.change} {change.what}: {change.title}" + (f" ({fields})" if fields else "") + when


def _heading(log: Changelog, marks: tuple[SinceMark, ...]) -> str:
    where = f" (no git history: {log.without_git}; claims dated since)" if log.without_git else ""
    counts = Counter("claim" if m.change.what not in CONTEXT else m.change.what for m in marks)
    said = [
        plural(counts[w], w, "parties" if w == "party" else None) for w in ("claim", *CONTEXT) if counts[w]
    ]
    return f"Changed since {log.since}{where}: {', '.join(said) or '0 claims'}"


def with_changes(kind: str, body: str, log: Changelog) -> str:
    """The export `body` with the changes since the point added where a reader meets them first."""
    marks = marks_since(log)
    if kind == "json":
        document = json.loads(body)
        document["changes"] = {
            "since": log.since,
            "without_git": log.without_git or None,
            "claims": [
                {
                    "change": m.change.change,
                    "id": m.change.id,
                    "what": m.change.what,
                    "title": m.change.title,
                    "when": m.when,
                    "subject": m.subject,
                    "fields": [
                        {"field": f.field, "before": f.before, "after": f.after} for f in m.change.fields
                    ],
                }
                for m in marks
            ],
        }
        return json_text(document)
    if kind == "md":
        title, _, rest = body.partition("\n")
        section = [f"## {md(_heading(log, marks))}", ""]
        section += [f"- {md(_line(m))}" for m in marks] or ["Nothing changed."]
        return "\n".join([title, "", *section, "", rest.lstrip("\n")])
    head, _, rest = body.partition("\n\n")  # the brief's title lines, then the rest
    section = [one_line(_heading(log, marks) + ":")]
    section += [one_line(f"  - {_line(m)}") for m in marks] or ["  - nothing"]
    return "\n\n".join([head, "\n".join(section), rest])
