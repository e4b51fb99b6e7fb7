"""The one change engine: what changed between two versions of a dataset, entry by entry and
field by field, in the reader's words. The reload's ✎ marks and note, `changes`, `--since`, the
Changes tab and the exports all read it; the fields compared are the model's own (reading.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tui.data.describe import plural
from tui.data.history import CONTEXT
from tui.data.model import Dataset, Issue, Party, PartyStance, Source, plan_entries
from tui.data.reading import Entry, readings, title_of, what


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    """The field as a reader names it: 'proposed by', 'as of', 'value'."""
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class ClaimChange:
    """An entry added, removed or changed; for a change, each field that reads differently."""

    change: str  # added | removed | changed (| dated, see changelog.dated_since)
    id: str
    what: str  # position | timeline item | meeting | figure | issue | party | source
    title: str
    fields: tuple[FieldChange, ...] = ()


def field_changes(
    old: Entry | PartyStance, old_data: Dataset, new: Entry | PartyStance, new_data: Dataset
) -> tuple[FieldChange, ...]:
    """Each field of `new` that reads differently from `old`, each read in its own dataset (a
    party's name as it was then); a party's stance on a plan's point compares alike."""
    if type(old) is type(new):
        out = []
        for reading in readings(type(new)):
            if any(getattr(old, name) != getattr(new, name) for name in reading.names):
                before, after = reading.speak(old, old_data), reading.speak(new, new_data)
                if before != after:  # what reads the same (a figure's words beside its number) is no change
                    out.append(FieldChange(reading.label, before, after))
        return tuple(out)
    # An id that changed kind (a position that became a meeting): what it has now, against what
    # it had under the same label, or nothing.
    was = {r.label: r.speak(old, old_data) for r in readings(type(old))}
    return tuple(
        FieldChange(r.label, was.get(r.label, ""), now)
        for r in readings(type(new))
        if (now := r.speak(new, new_data)) != was.get(r.label, "")
    )


def _context(data: Dataset) -> dict[tuple[str, str], Entry]:
    """Issues, parties and sources, each kind its own namespace of ids."""
    entries: Iterable[Issue | Party | Source] = (
        *data.issues.values(),
        *data.parties.values(),
        *data.sources.values(),
    )
    return {(what(e), e.id): e for e in entries}


def _compare(
    old_data: Dataset, before: Mapping[Any, Entry], new_data: Dataset, after: Mapping[Any, Entry]
) -> list[ClaimChange]:
    """The entries of `after` added or changed, in its order, then those of `before` removed."""
    out: list[ClaimChange] = []
    for key, entry in after.items():
        was = before.get(key)
        if was is None:
            out.append(ClaimChange("added", entry.id, what(entry), title_of(entry)))
        # == leaves out the compare=False fields, and stops most entries of most versions here.
        elif was != entry and (diffs := field_changes(was, old_data, entry, new_data)):
            out.append(ClaimChange("changed", entry.id, what(entry), title_of(entry), diffs))
    out.extend(
        ClaimChange("removed", entry.id, what(entry), title_of(entry))
        for key, entry in before.items()
        if key not in after
    )
    return out


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed from one version of a dataset to the next: claims and figures (added and
    changed in the new file's order, then removed), then issues, parties and sources."""

    items: tuple[ClaimChange, ...] = ()

    def _ids(self, change: str) -> dict[str, str]:
        return {c.id: c.what for c in self.items if c.change == change and c.what not in CONTEXT}

    @property
    def added(self) -> dict[str, str]:
        """Claims and figures added: id → what."""
        return self._ids("added")

    @property
    def removed(self) -> dict[str, str]:
        return self._ids("removed")

    @property
    def changed(self) -> dict[str, str]:
        return self._ids("changed")

    @property
    def touched(self) -> frozenset[str]:
        """Claims and figures added or changed: the ids marked ✎ until the next reload."""
        return frozenset(self.added) | frozenset(self.changed)

    def __bool__(self) -> bool:
        return bool(self.items)

    def summary(self) -> str:
        """'2 positions changed, 1 meeting added, 1 issue changed'."""
        parts: list[str] = []
        for verb in ("changed", "added", "removed"):
            counts: dict[str, int] = {}
            for c in self.items:
                if c.change == verb:
                    counts[c.what] = counts.get(c.what, 0) + 1
            parts.extend(
                f"{plural(n, kind, 'parties' if kind == 'party' else None)} {verb}"
                for kind, n in counts.items()
            )
        return ", ".join(parts) if parts else "no claims changed"


def compare(old: Dataset | None, new: Dataset) -> Changes:
    """What changed from old to new. Against no old version every claim and figure is added,
    and the issues, parties and sources are not listed (its claims say enough)."""
    if old is None:
        return Changes(tuple(_compare(new, {}, new, new.cited)))
    found = _compare(old, old.cited, new, new.cited)
    found += _compare(old, _context(old), new, _context(new))
    # Plans, version by version and point by point: each its own entry (a point's ids are
    # 'plan/version/point', so the same point in two versions of the file is matched).
    found += _compare(old, plan_entries(old.plans), new, plan_entries(new.plans))
    return Changes(tuple(found))
