"""The Markdown brief's plans: each version's points × parties, and what changed from the version before."""

from __future__ import annotations

from tui.data.model import Dataset
from tui.data.plans import diff_words, point_label, stance_row, version_diff, version_when


def plans_markdown(data: Dataset) -> list[str]:
    """The lines of a '## Plans' section (none when the file records no plan)."""
    from tui.exports.markdown import md  # the one Markdown escape; imported late, markdown imports this

    if not data.plans:
        return []
    out = ["", "## Plans", ""]
    for plan in data.plans:
        out += [f"### {md(plan.name)}", ""]
        if plan.note:
            out += [md(plan.note), ""]
        for version in plan.versions:
            # Nothing printed where the date is unknown (the label and the quotes say what is known).
            when = f" ({md(version_when(version))})" if version.date.known else ""
            quotes = "; ".join(f"“{md(e.quote)}” ({md(e.source)})" for e in version.excerpts)
            out += [f"#### {md(version.label)}{when}", "", quotes, ""]
            out.append("| Point | " + " | ".join(md(p.name) for p in data.parties.values()) + " | Change |")
            out.append("|---|" + "---|" * len(data.parties) + "---|")
            for diff in version_diff(data, plan, version):
                label = md(point_label(diff.point)) + (
                    f": {md(diff.point.summary)}" if diff.point.summary else ""
                )
                stances = (
                    ["dropped"] * len(data.parties)
                    if diff.change == "dropped"
                    else list(stance_row(data, diff.point))
                )
                first = version is plan.versions[0]
                change = (
                    md(diff_words(data, diff))
                    if diff.differs
                    else ("first version" if first else "unchanged")
                )
                out.append(f"| {label} | " + " | ".join(stances) + f" | {change} |")
            out.append("")
    return out
