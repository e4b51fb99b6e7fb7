"""The whole validated model as JSON, dates normalised; the shape is docs/export-json.md, version 1."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from tui.data.agenda import passed_without_outcome
from tui.data.characters import in_json
from tui.data.dates import PartialDate
from tui.data.describe import item_status
from tui.data.freshness import freshness
from tui.data.model import Cited, Dataset, DatedItem, Excerpt, Plan
from tui.data.plans import version_diff
from tui.data.strength import strength

FORMAT, VERSION = "peacedash-export", 1


def _date(when: PartialDate) -> dict[str, Any]:
    return {
        "text": when.text,
        "start": when.start.isoformat() if when.start else None,
        "end": when.end.isoformat() if when.end else None,
        "precision": when.precision,
        "qualifier": when.qualifier,
    }


def _excerpts(excerpts: tuple[Excerpt, ...]) -> list[dict[str, Any]]:
    return [{"source": e.source, "quote": e.quote, "line": e.at.line} for e in excerpts]


def _strength(data: Dataset, claim: Cited) -> dict[str, Any]:
    found = strength(data, claim)
    return {"outlets": found.outlets, "single_source": found.single, "anonymous_only": found.anonymous}


def _dated(data: Dataset, item: DatedItem, today: date) -> dict[str, Any]:
    status, label = item_status(item, today)
    return {
        "id": item.id,
        "kind": item.kind,
        "title": item.title,
        "date": _date(item.date) | {"as_written": item.as_written or None, "inferred": item.inferred},
        "status": status,
        "recorded_status": item.status,
        "status_label": label,
        "proposed_by": list(item.proposed_by),
        "participants": list(item.participants),
        "place": item.place or None,
        "format": item.format or None,
        "outcome": item.outcome or None,
        "note": item.note or None,
        "excerpts": _excerpts(item.excerpts),
        "line": item.at.line,
        "supersedes": item.supersedes or None,
        "speaker": item.speaker or None,
        "reported": item.reported,
        "hedged": item.hedged,
        "strength": _strength(data, item),
    }


def _freshness(data: Dataset, today: date) -> dict[str, Any]:
    found = freshness(data, today)
    return {
        "newest_source": found.newest.id if found.newest else None,
        "newest_date": _date(found.newest.published) if found.newest else None,
        "age_days": found.age,
        "stale_after_days": found.threshold,
        "stale": found.stale,
        "text": found.short,
    }


def _plan(data: Dataset, plan: Plan) -> dict[str, Any]:
    versions = []
    for version in plan.versions:
        diffs = version_diff(data, plan, version)
        changes = {d.point.key: d for d in diffs}
        versions.append(
            {
                "id": version.key,
                "label": version.label,
                "date": _date(version.date) | {"inferred": version.inferred},
                "note": version.note or None,
                "excerpts": _excerpts(version.excerpts),
                "line": version.at.line,
                "points": [
                    {
                        "id": point.key,
                        "number": point.number or None,
                        "topic": point.topic,
                        "summary": point.summary or None,
                        "excerpts": _excerpts(point.excerpts),
                        "line": point.at.line,
                        # Every party of the file, "unknown" where no stance is recorded.
                        "stances": {
                            party: {
                                "stance": point.stance_of(party),
                                "excerpts": _excerpts(
                                    next((s.excerpts for s in point.stances if s.party == party), ())
                                ),
                            }
                            for party in data.parties
                        },
                        "change": changes[point.key].change,
                    }
                    for point in version.points
                ],
                "dropped": [d.point.key for d in diffs if d.change == "dropped"],
            }
        )
    return {
        "id": plan.id,
        "name": plan.name,
        "note": plan.note or None,
        "line": plan.at.line,
        "versions": versions,
    }


def export_document(data: Dataset, today: date) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "today": today.isoformat(),
        "title": data.title,
        "file": data.path.name,
        "sources": [
            {
                "id": s.id,
                "file": s.file,
                "title": s.title,
                "outlet": s.outlet,
                "published": _date(s.published) | {"inferred": s.published_inferred},
                "note": s.note or None,
            }
            for s in data.sources.values()
        ],
        "parties": [
            {"id": p.id, "name": p.name, "short": p.short, "includes": list(p.includes)}
            for p in data.parties.values()
        ],
        "issues": [
            {
                "id": i.id,
                "name": i.name,
                "short": i.short or None,
                "alignment": i.alignment,
                "note": i.note or None,
                "excerpts": _excerpts(i.excerpts),
            }
            for i in data.issues.values()
        ],
        "positions": [
            {
                "id": p.id,
                "party": p.party,
                "issue": p.issue,
                "kind": p.kind,
                "stance": p.stance,
                "stated": _date(p.stated),
                "excerpts": _excerpts(p.excerpts),
                "line": p.at.line,
                "supersedes": p.supersedes or None,
                "speaker": p.speaker or None,
                "reported": p.reported,
                "hedged": p.hedged,
                "strength": _strength(data, p),
            }
            for p in data.positions
        ],
        "timeline": [_dated(data, item, today) for item in data.timeline],
        "meetings": [_dated(data, item, today) for item in data.meetings],
        "figures": [
            {
                "id": f.id,
                "measures": f.measures,
                "low": f.low,
                "high": f.high,
                "words": f.words or None,
                "unit": f.unit,
                "approximate": f.approximate,
                "as_of": _date(f.as_of),
                "as_of_inferred": f.as_of_inferred,
                "party": f.party or None,
                "issue": f.issue or None,
                "note": f.note or None,
                "speaker": f.speaker or None,
                "reported": f.reported,
                "excerpts": _excerpts(f.excerpts),
                "line": f.at.line,
                "strength": _strength(data, f),
            }
            for f in data.figures
        ],
        "freshness": _freshness(data, today),
        # Oldest first, with their age: deadlines and meetings past their window, no outcome recorded.
        "passed_without_outcome": [
            {"id": p.item.id, "days_ago": p.days}
            for p in passed_without_outcome(
                sorted(data.current_dated, key=lambda i: i.date.sort_key()), today
            )
        ],
        "plans": [_plan(data, plan) for plan in data.plans],
    }


def export_json(data: Dataset, today: date) -> str:
    # Readable (Cyrillic as it is), yet nothing a terminal would act on if it goes to stdout.
    return json_text(export_document(data, today))


def json_text(document: object) -> str:
    """Every JSON export's text: readable Cyrillic, and nothing a terminal would act on (in_json)."""
    return in_json(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"
