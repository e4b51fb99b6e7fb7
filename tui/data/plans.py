"""Plans point by point: each party's stance per point of a version, and what changed from the
version before, read by the one change engine's field comparison (compare.field_changes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tui.data.compare import FieldChange, field_changes
from tui.data.dates import spoken
from tui.data.model import Dataset, Location, PartyStance, Plan, PlanPoint, PlanVersion, PointStance

PointChange = Literal["added", "dropped", "changed", "same"]
# A version's own quotes differ from the last one's as a rule (another source): not a change of the plan.
NOT_A_CHANGE = ("excerpts", "stances")
NOWHERE = Location(0, 0)


@dataclass(frozen=True, slots=True)
class PointDiff:
    """One point of a version against the same point (same key) of the version before."""

    point: PlanPoint
    """The point in this version (for a dropped point, in the version before)."""
    change: PointChange
    fields: tuple[FieldChange, ...] = ()
    """Its number, topic or summary as they read before and now."""
    stances: tuple[FieldChange, ...] = ()
    """Each party whose stance changed: field is the party's id, before and after the stances."""

    @property
    def differs(self) -> bool:
        return self.change != "same"


def previous_version(plan: Plan, version: PlanVersion) -> PlanVersion | None:
    """The version listed before this one (versions are oldest first), or None for the first."""
    index = next(i for i, v in enumerate(plan.versions) if v.id == version.id)
    return plan.versions[index - 1] if index else None


def _stance(point: PlanPoint, party: str) -> PartyStance:
    found = next((s for s in point.stances if s.party == party), None)
    return found or PartyStance(party, "unknown", (), NOWHERE)


def _stance_changes(data: Dataset, old: PlanPoint, new: PlanPoint) -> tuple[FieldChange, ...]:
    out: list[FieldChange] = []
    for party in data.parties:
        diffs = field_changes(_stance(old, party), data, _stance(new, party), data)
        out.extend(FieldChange(party, d.before, d.after) for d in diffs if d.field == "stance")
    return tuple(out)


def version_diff(data: Dataset, plan: Plan, version: PlanVersion) -> tuple[PointDiff, ...]:
    """Each point of `version` against the version before it, in its order, then the points it
    dropped. Against no earlier version every point is 'same' (nothing to compare it with)."""
    before = previous_version(plan, version)
    if before is None:
        return tuple(PointDiff(point, "same") for point in version.points)
    old = {p.key: p for p in before.points}
    out = []
    for point in version.points:
        was = old.get(point.key)
        if was is None:
            out.append(PointDiff(point, "added"))
            continue
        fields = tuple(
            f
            for f in field_changes(was, data, point, data)
            # A source that numbers no point says nothing of its number: renumbered only when both do.
            if f.field not in NOT_A_CHANGE and (f.field != "number" or (f.before and f.after))
        )
        stances = _stance_changes(data, was, point)
        out.append(PointDiff(point, "changed" if fields or stances else "same", fields, stances))
    keys = {p.key for p in version.points}
    out.extend(PointDiff(p, "dropped") for p in before.points if p.key not in keys)
    return tuple(out)


def stance_row(data: Dataset, point: PlanPoint) -> tuple[PointStance, ...]:
    """The point's stance of each party of the file, in the parties' order ('unknown' unless recorded)."""
    return tuple(point.stance_of(party) for party in data.parties)


def diff_words(data: Dataset, diff: PointDiff) -> str:
    """'Southland: unknown → accepts; summary: … → …' or 'new point', 'dropped': in words."""
    if diff.change == "added":
        return "new in this version"
    if diff.change == "dropped":
        return "dropped from this version"
    parts = [f"{f.field}: {f.before or '(none)'} → {f.after or '(none)'}" for f in diff.fields]
    parts += [
        f"{data.parties[f.field].name if f.field in data.parties else f.field}: {f.before} → {f.after}"
        for f in diff.stances
    ]
    return "; ".join(parts)


def version_when(version: PlanVersion) -> str:
    """'2–8 Feb 2026, inferred', 'date unknown': the version's date with its honesty."""
    when = spoken(version.date) if version.date.known else "date unknown"
    return when + (", inferred" if version.inferred else "")


def point_label(point: PlanPoint) -> str:
    """'1. Ceasefire' where the source numbers the point, else its topic."""
    return f"{point.number}. {point.topic}" if point.number else point.topic
