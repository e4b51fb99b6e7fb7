"""How strongly a claim is backed: the distinct outlets its excerpts come from, and whether the
only voice behind it is an anonymous one."""

from __future__ import annotations

import re
from typing import NamedTuple

from tui.data.model import Cited, Dataset
from tui.data.sentences import ANON

# Outlet texts that name no outlet: such a source counts as an outlet of its own.
_UNNAMED = ("unknown", "not named")
# Where a speaker text lists several voices ("the outlet (003); an unnamed adviser (000)").
_VOICES = re.compile(r";|,| and ")


class Strength(NamedTuple):
    """The outlets behind a claim."""

    outlets: int
    """Distinct outlets among the sources its excerpts cite (a source naming none counts once)."""
    anonymous: bool
    """The claim's only voice is an unnamed one ('an unnamed senior official', 'sources')."""

    @property
    def single(self) -> bool:
        return self.outlets <= 1

    @property
    def mark(self) -> str:
        """'1 outlet · anonymous only', '1 outlet', '' for a claim two outlets back: what a pane
        shows (short: a pane row at 80 columns has no room for more)."""
        parts = (["1 outlet"] if self.single else []) + (["anonymous only"] if self.anonymous else [])
        return " · ".join(parts)

    @property
    def words(self) -> str:
        """'2 outlets', '1 outlet only · anonymous only': for the detail, the brief and Markdown."""
        count = f"{self.outlets} outlet{'s' if self.outlets != 1 else ''}" + (" only" if self.single else "")
        return " · ".join(x for x in (count, "anonymous only" if self.anonymous else "") if x)


def _outlet(data: Dataset, source_id: str) -> str:
    source = data.sources.get(source_id)
    if source is None:
        return f"source {source_id}"
    outlet = " ".join(source.outlet.lower().split())
    return f"source {source_id}" if not outlet or outlet.startswith(_UNNAMED) else outlet


def strength(data: Dataset, claim: Cited) -> Strength:
    """The claim's strength, from its excerpts' sources and its speaker."""
    outlets = {_outlet(data, e.source) for e in claim.excerpts}
    voices = [v for v in _VOICES.split(claim.speaker) if v.strip()]
    return Strength(len(outlets), bool(voices) and all(ANON.search(v) for v in voices))


def strength_mark(data: Dataset, claim: Cited) -> str:
    """The marker text a pane shows beside a claim ('' when two outlets or more back it)."""
    return strength(data, claim).mark


def strength_counts(data: Dataset) -> dict[str, int]:
    """Current claims by strength: backed by several outlets, single-source, anonymous only."""
    shown: list[Cited] = [*data.current_positions, *data.current_dated]
    found = [strength(data, claim) for claim in shown]
    return {
        "several outlets": sum(not s.single for s in found),
        "single source": sum(s.single for s in found),
        "anonymous only": sum(s.anonymous for s in found),
    }
