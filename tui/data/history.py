"""Supersession: which claim replaces which, checked at load, and each claim's earlier versions.

A position may say `supersedes: ID` of an earlier position of the same party on the same issue;
a timeline item or meeting may supersede another timeline item or meeting (a deadline moved, a
meeting rescheduled). The current claim is the one nothing replaces; the ones it replaced are
its history.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from tui.data.dates import PartialDate, spoken
from tui.data.fields import Problems, did_you_mean
from tui.data.model import Claim, DatedItem, Position, Source
from tui.data.yamlnodes import Node

# What a change may be about besides claims and figures (which share one namespace of ids);
# the panes mark claims only. Plans, their versions and points have ids of their own.
CONTEXT = ("issue", "party", "source", "plan", "plan version", "plan point")


def what_of(claim: Claim) -> str:
    """'position', 'meeting' or 'timeline item': how messages and change lists name a claim."""
    if isinstance(claim, Position):
        return "position"
    return "meeting" if claim.is_meeting else "timeline item"


def as_of(claim: Claim, sources: Mapping[str, Source]) -> PartialDate | None:
    """When the claim was made: a position's stated date; for a dated item, the earliest known
    publication date of the sources it cites. None when neither is known."""
    if isinstance(claim, Position):
        return claim.stated if claim.stated.known else None
    dates = _published(claim, sources)
    return min(dates, key=lambda d: d.sort_key()) if dates else None


def last_reported(claim: Claim, sources: Mapping[str, Source]) -> PartialDate | None:
    """A position's stated date; for a dated item, the latest known publication date of its sources."""
    if isinstance(claim, Position):
        return as_of(claim, sources)
    dates = _published(claim, sources)
    return max(dates, key=lambda d: d.sort_key()) if dates else None


def _published(claim: DatedItem, sources: Mapping[str, Source]) -> list[PartialDate]:
    """The known publication dates of the sources a dated item cites."""
    return [
        sources[e.source].published
        for e in claim.excerpts
        if e.source in sources and sources[e.source].published.known
    ]


def _start(when: PartialDate) -> date:
    assert when.start is not None  # only known dates are compared
    return when.start


def check_supersession(
    claims: Mapping[str, Claim],
    links: list[tuple[Claim, Node]],
    sources: Mapping[str, Source],
    problems: Problems,
) -> dict[str, str]:
    """Validate every `supersedes:` (the node is its value, for the location) and return the
    map from each replaced claim's id to its replacement's. Each rule broken is a located problem."""
    replaced_by: dict[str, str] = {}
    first_link: dict[str, Node] = {}
    for claim, node in links:
        old_id = claim.supersedes
        what = f"{what_of(claim)} '{claim.id}'"
        old = claims.get(old_id)
        if old is None:
            kin = [c.id for c in claims.values() if isinstance(c, Position) == isinstance(claim, Position)]
            problems.add(
                node,
                f"{what} supersedes '{old_id}', which is not the id of a claim{did_you_mean(old_id, kin)}",
            )
            continue
        if old is claim:
            problems.add(node, f"{what} supersedes itself: name the earlier claim it replaces")
            continue
        if isinstance(old, Position) != isinstance(claim, Position):
            wanted = (
                "an earlier position"
                if isinstance(claim, Position)
                else "an earlier timeline item or meeting"
            )
            problems.add(
                node,
                f"{what} supersedes '{old_id}', which is a {what_of(old)}: it can only supersede {wanted}",
            )
            continue
        if (
            isinstance(claim, Position)
            and isinstance(old, Position)
            and (claim.party, claim.issue) != (old.party, old.issue)
        ):
            problems.add(
                node,
                f"{what} ({claim.party}, {claim.issue}) supersedes '{old_id}' ({old.party}, {old.issue}): "
                "a position replaces an earlier one of the same party on the same issue",
            )
            continue
        if old_id in replaced_by:
            earlier = first_link[old_id]
            problems.add(
                node,
                f"'{old_id}' is already superseded by '{replaced_by[old_id]}' (line {earlier.line}): a claim is "
                f"replaced once; let {what} supersede '{replaced_by[old_id]}' instead",
            )
            continue
        # Dated items: the newest report of the new claim must not precede the first report of the
        # old one (sources that print no day give windows; only a clear inversion is refused).
        new_when, old_when = last_reported(claim, sources), as_of(old, sources)
        if new_when is not None and old_when is not None and _start(new_when) < _start(old_when):
            said = "stated" if isinstance(claim, Position) else "reported"
            problems.add(
                node,
                f"{what} ({said} {spoken(new_when)}) is dated before '{old_id}' ({said} {spoken(old_when)}), "
                "which it supersedes: the replacing claim comes later",
            )
            continue
        replaced_by[old_id] = claim.id
        first_link[old_id] = node
    # Cycles: a → b → a never reaches a current claim. Each is reported once, at one of its links.
    reported: set[str] = set()
    for start in replaced_by:
        seen: list[str] = []
        here: str | None = start
        while here is not None and here not in seen:
            seen.append(here)
            here = replaced_by.get(here)
        if here is not None and here not in reported:
            loop = seen[seen.index(here) :]
            reported.update(loop)
            problems.add(
                first_link[here],
                "supersedes forms a loop: "
                + " → ".join([*reversed(loop), loop[-1]])
                + ": one of them must be the current claim",
            )
    return replaced_by


def current_id(replaced_by: Mapping[str, str], claim_id: str) -> str:
    """The claim that now stands in for this one (itself, if nothing replaced it)."""
    seen = {claim_id}
    while claim_id in replaced_by and replaced_by[claim_id] not in seen:
        claim_id = replaced_by[claim_id]
        seen.add(claim_id)
    return claim_id


def earlier(claims: Mapping[str, Claim], claim: Claim) -> list[Claim]:
    """The claims this one replaced, the most recent first (empty for a claim with no history)."""
    out: list[Claim] = []
    seen = {claim.id}
    here = claims.get(claim.supersedes) if claim.supersedes else None
    while here is not None and here.id not in seen:
        out.append(here)
        seen.add(here.id)
        here = claims.get(here.supersedes) if here.supersedes else None
    return out
