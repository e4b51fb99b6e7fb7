"""What changed between two loads of a dataset, in words: "2 positions changed, 1 meeting added"."""

from __future__ import annotations

from dataclasses import dataclass, fields

from tui.data.model import Dataset, DatedItem, Excerpt, Position


def _content(claim: Position | DatedItem) -> tuple[object, ...]:
    """A claim's content without where it stands in the file, so moved lines are not changes."""
    values = []
    for field in fields(claim):
        if field.name == "at":
            continue
        value = getattr(claim, field.name)
        if field.name == "excerpts":
            value = tuple((e.source, e.quote) for e in value if isinstance(e, Excerpt))
        values.append(value)
    return tuple(values)


@dataclass(frozen=True, slots=True)
class Changes:
    """Ids added, removed and changed between two loads, with a label for each kind of claim."""

    added: dict[str, str]
    removed: dict[str, str]
    changed: dict[str, str]

    @property
    def touched(self) -> frozenset[str]:
        """Ids to mark on screen until the next reload."""
        return frozenset(self.added) | frozenset(self.changed)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def summary(self) -> str:
        parts: list[str] = []
        for verb, ids in (("changed", self.changed), ("added", self.added), ("removed", self.removed)):
            counts: dict[str, int] = {}
            for kind in ids.values():
                counts[kind] = counts.get(kind, 0) + 1
            parts.extend(f"{n} {kind}{'s' if n != 1 else ''} {verb}" for kind, n in counts.items())
        return ", ".join(parts) if parts else "no claims changed"


def _claims(data: Dataset) -> dict[str, tuple[str, tuple[object, ...]]]:
    out: dict[str, tuple[str, tuple[object, ...]]] = {p.id: ("position", _content(p)) for p in data.positions}
    out |= {d.id: ("timeline item", _content(d)) for d in data.timeline}
    out |= {d.id: ("meeting", _content(d)) for d in data.meetings}
    return out


def compare(old: Dataset | None, new: Dataset) -> Changes:
    before = _claims(old) if old is not None else {}
    after = _claims(new)
    return Changes(
        added={i: kind for i, (kind, _) in after.items() if i not in before},
        removed={i: kind for i, (kind, _) in before.items() if i not in after},
        changed={i: kind for i, (kind, content) in after.items() if i in before and before[i][1] != content},
    )
