"""A changelog as plain text, Markdown or JSON: per commit, the claims added, removed and changed.

Every value comes from a data file or from git (author names, subjects): the text form shows
control characters as escapes, Markdown escapes its markup, JSON is JSON.
"""

from __future__ import annotations

from tui.data.changelog import Changelog, CommitReport
from tui.data.characters import one_line
from tui.data.compare import ClaimChange
from tui.exports.jsondoc import json_text
from tui.exports.markdown import md

SIGN = {"added": "+", "removed": "-", "changed": "~", "dated": "·"}


def _field_line(name: str, before: str, after: str) -> str:
    if name == "excerpts":
        old, new = set(before.splitlines()), set(after.splitlines())
        gained, lost = len(new - old), len(old - new)
        parts = ([f"{gained} added"] if gained else []) + ([f"{lost} removed"] if lost else [])
        return f"excerpts: {', '.join(parts) or 'reworded'}"
    return f"{name}: {before or '(none)'} → {after or '(none)'}"


def _heading(report: CommitReport) -> str:
    c = report.commit
    extra = f" ({report.note})" if report.note else ""
    return f"{c.when.strftime('%Y-%m-%d %H:%M')}  {c.short}  {c.author}: {c.subject}{extra}"


def _unloaded(report: CommitReport) -> str:
    if report.note.startswith("the file"):
        return report.note
    first = report.problems[0] if report.problems else None
    where = f"line {first.line}: " if first and first.line else ""
    return (
        f"this version did not load ({report.problem_count} problem{'s' if report.problem_count != 1 else ''}; "
        f"first: {where}{first.message if first else '?'}): skipped"
    )


def _claim_line(change: ClaimChange) -> str:
    return f"{SIGN[change.change]} {change.change} {change.what} {change.id}: {change.title}"


def changelog_text(log: Changelog) -> str:
    if log.without_git:
        lines = [
            one_line(
                f"Claims of {log.file} dated on or after {log.since} (no git history: {log.without_git})"
            ),
            "",
        ]
        lines.extend(one_line(f"  {_claim_line(c)} ({c.fields[0].after})") for c in log.dated)
        if not log.dated:
            lines.append("  none")
        return "\n".join(lines) + "\n"
    lines = [f"Changes to {log.file}" + (f" since {log.since}" if log.since else "") + ", newest first", ""]
    if not log.reports:
        lines.append("No commit touched the file" + (f" since {log.since}." if log.since else "."))
    for report in log.reports:
        lines.append(one_line(_heading(report)))
        if not report.loaded:
            lines.append(one_line(f"  {_unloaded(report)}"))
        elif not report.changes:
            lines.append("  no claims changed")
        for change in report.changes:
            lines.append(one_line(f"  {_claim_line(change)}"))
            lines.extend(one_line(f"      {_field_line(f.field, f.before, f.after)}") for f in change.fields)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def changelog_markdown(log: Changelog) -> str:
    if log.without_git:
        out = [
            f"# Claims of {md(str(log.file))} dated on or after {md(log.since)}",
            "",
            f"*No git history: {md(log.without_git)}*",
            "",
        ]
        out.extend(f"- {md(c.what)} `{md(c.id)}`: {md(c.title)} ({md(c.fields[0].after)})" for c in log.dated)
        return "\n".join(out).rstrip("\n") + "\n"
    out = [f"# Changes to {md(str(log.file))}" + (f" since {md(log.since)}" if log.since else ""), ""]
    if not log.reports:
        out.append("No commit touched the file.")
    for report in log.reports:
        out.append(f"## {md(_heading(report))}")
        out.append("")
        if not report.loaded:
            out.append(f"*{md(_unloaded(report))}*")
        elif not report.changes:
            out.append("No claims changed.")
        for change in report.changes:
            out.append(f"- **{change.change}** {md(change.what)} `{md(change.id)}`: {md(change.title)}")
            out.extend(f"  - {md(_field_line(f.field, f.before, f.after))}" for f in change.fields)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def changelog_document(log: Changelog) -> dict[str, object]:
    return {
        "format": "peacedash-changes",
        "version": 1,
        "file": str(log.file),
        "since": log.since or None,
        "without_git": log.without_git or None,
        "dated": [
            {"id": c.id, "what": c.what, "title": c.title, "as_of": c.fields[0].after} for c in log.dated
        ],
        "commits": [
            {
                "rev": r.commit.rev,
                "date": r.commit.when.isoformat(),
                "author": r.commit.author,
                "subject": r.commit.subject,
                "path": r.commit.path,
                "renamed_from": r.commit.renamed_from or None,
                "loaded": r.loaded,
                "note": r.note or None,
                "problem_count": r.problem_count,
                "problems": [{"line": p.line, "col": p.col, "message": p.message} for p in r.problems],
                "changes": [
                    {
                        "change": c.change,
                        "id": c.id,
                        "what": c.what,
                        "title": c.title,
                        "fields": [
                            {"field": f.field, "before": f.before, "after": f.after} for f in c.fields
                        ],
                    }
                    for c in r.changes
                ],
            }
            for r in log.reports
        ],
    }


def changelog_json(log: Changelog) -> str:
    return json_text(changelog_document(log))


RENDER = {"text": changelog_text, "md": changelog_markdown, "json": changelog_json}
