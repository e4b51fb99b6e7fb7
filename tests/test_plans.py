"""Plans point by point: loaded and validated like every claim, compared version by version, in
brief, JSON, Markdown and `changes` (a fixture plan of three versions, tests/fixtures/plans)."""

from __future__ import annotations

import json
import shutil
import typing
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from repos import commit, git

from tui.commands.cli import main
from tui.data.load import load_positions
from tui.data.model import POINT_STANCES, PointStance
from tui.data.plans import version_diff

FIXTURE = Path(__file__).parent / "fixtures" / "plans"
REPO = Path(__file__).parent.parent
TODAY = date(2026, 12, 1)


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "plans")
    return tmp_path / "plans" / "data" / "positions.yaml"


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def problems(path: Path) -> list[str]:
    result = load_positions(path)
    assert not result.ok
    return [str(p) for p in result.problems]


def line_of(path: Path, text: str, nth: int = 1) -> int:
    lines = [i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line]
    return lines[nth - 1]


def test_a_plan_loads_version_by_version_point_by_point(plans):
    result = load_positions(plans)
    assert result.ok, result.problems
    (plan,) = result.dataset.plans
    assert [v.key for v in plan.versions] == ["draft", "revised", "final"]
    draft = plan.versions[0]
    assert [(p.number, p.topic) for p in draft.points] == [
        ("1", "Ceasefire"),
        ("2", "River valley"),
        ("3", "Referendum"),
    ]
    assert draft.points[1].stance_of("south") == "rejects"
    assert draft.points[1].stance_of("north") == "unknown"  # none recorded: never guessed
    assert draft.date.precision == "day" and plan.versions[1].date.precision == "month"


def test_the_stance_vocabulary_is_one_literal_and_the_schema_says_the_same():
    assert POINT_STANCES == typing.get_args(PointStance) == ("accepts", "contests", "rejects", "unknown")
    schema = json.loads((REPO / "docs" / "export.schema.json").read_text())
    enum = schema["$defs"]["planPoint"]["properties"]["stances"]["additionalProperties"]["properties"][
        "stance"
    ]["enum"]
    assert tuple(enum) == POINT_STANCES


def test_a_bad_party_an_unknown_stance_and_a_duplicate_point_are_located_at_once(plans):
    edit(
        plans,
        "              south:\n                stance: rejects",
        "              sooth:\n                stance: rejects",
    )
    edit(plans, "stance: contests", "stance: contest")
    edit(
        plans, "          referendum:\n            number: 3", "          referendum:\n            number: 2"
    )
    found = problems(plans)
    assert any(
        f":{line_of(plans, 'sooth:')}:" in p and "unknown party 'sooth'" in p and "did you mean 'south'?" in p
        for p in found
    ), found
    assert any(
        f":{line_of(plans, 'stance: contest')}:" in p and "'contest'" in p and "did you mean 'contests'?" in p
        for p in found
    ), found
    assert any(
        f":{line_of(plans, '          referendum:')}:" in p and "number 2, as point 'valley' does" in p
        for p in found
    ), found


def test_a_repeated_point_key_is_a_duplicate(plans):
    edit(plans, "          referendum:\n            number: 3", "          valley:\n            number: 3")
    found = problems(plans)
    assert any("valley" in p and "line" in p for p in found), found


def test_plan_quotes_are_verified_and_a_claimed_stance_needs_one(plans):
    edit(
        plans,
        'quote: "Northland contests the new wording on the valley"',
        'quote: "Northland contests every word"',
    )
    edit(
        plans,
        "          referendum:\n",
        "          referendum:\n            stances:\n              north: {stance: accepts}\n",
    )
    found = problems(plans)
    assert any("quote not found in source 'revised'" in p for p in found), found
    assert any("the stance of 'north'" in p and "no 'excerpts'" in p for p in found), found


def test_a_version_dated_before_the_one_above_it_is_refused(plans):
    edit(plans, "        date: 2026-05-20", "        date: 2026-01-20")
    found = problems(plans)
    assert any("version 'final'" in p and "oldest first" in p for p in found), found


def test_each_version_says_what_changed_from_the_one_before(plans):
    data = load_positions(plans).dataset
    plan = data.plans[0]
    revised = {d.point.key: d for d in version_diff(data, plan, plan.versions[1])}
    assert revised["referendum"].change == "dropped"
    assert [(s.field, s.before, s.after) for s in revised["ceasefire"].stances] == [
        ("south", "unknown", "accepts")
    ]
    assert revised["ceasefire"].fields == ()  # the revised text numbers no point: no renumbering said
    final = {d.point.key: d.change for d in version_diff(data, plan, plan.versions[2])}
    assert final == {"ceasefire": "same", "valley": "changed", "prisoners": "added"}


def test_brief_json_and_markdown_show_the_plans(plans, capsys):
    assert main(["brief", str(plans), "--today", "2026-12-01"]) == 0
    brief = capsys.readouterr().out
    assert "    Revised text of ten points (April 2026):" in brief
    assert "      - 3. Referendum: dropped from this version." in brief
    assert "Changed: Northland: contests → accepts." in brief
    assert main(["export", "json", str(plans), "--today", "2026-12-01"]) == 0
    document = json.loads(capsys.readouterr().out)
    jsonschema.validate(document, json.loads((REPO / "docs" / "export.schema.json").read_text()))
    final = document["plans"][0]["versions"][2]
    assert [p["change"] for p in final["points"]] == ["same", "changed", "added"]
    assert final["points"][1]["stances"]["north"]["stance"] == "accepts"
    assert document["plans"][0]["versions"][1]["dropped"] == ["referendum"]
    assert main(["export", "md", str(plans), "--today", "2026-12-01"]) == 0
    markdown = capsys.readouterr().out
    assert "| Point | Northland | Southland | Change |" in markdown
    assert "| Prisoners: An exchange of prisoners | unknown | unknown | new in this version |" in markdown


def test_changes_lists_a_plan_point_changed_between_commits(tmp_path, capsys):
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURE, repo)
    git(repo, "init", "-q", "-b", "main")
    commit(repo, "Three versions of the accord", 10)
    path = repo / "data" / "positions.yaml"
    edit(path, "The valley's status left to later talks\n", "The valley shared for ten years\n")
    commit(repo, "The final text shares the valley", 12)
    assert main(["changes", str(path)]) == 0
    out = capsys.readouterr().out
    assert "~ changed plan point accord/revised/valley: River valley" in out
    assert "summary: The valley's status left to later talks → The valley shared for ten years" in out


def test_the_bundled_plans_record_only_what_the_sources_say():
    result = load_positions(REPO / "data" / "positions.yaml")
    assert result.ok and not result.warnings
    plans = {p.id: p for p in result.dataset.plans}
    assert set(plans) == {"plan-28-point", "framework-20-point"}  # two plans: no source joins them
    for plan in plans.values():
        assert len(plan.versions) == 1
        assert all(point.number == "" for v in plan.versions for point in v.points)  # no source numbers one
    framework = plans["framework-20-point"].versions[0]
    assert [p.topic for p in framework.points] == ["Territory", "Security arrangements"]
    assert plans["plan-28-point"].versions[0].date.precision == "unknown"


def test_check_counts_the_plans_and_their_quotes(plans, capsys):
    assert main(["check", str(plans), "--today", "2026-12-01"]) == 0
    # 23 quotes: 1 issue's, 1 position's, 2 dated items', 3 versions', 8 points' and 8 stances'.
    assert (
        capsys.readouterr()
        .out.splitlines()[0]  # the second line says what backs the claims
        .endswith(
            "(2 dated, 1 upcoming or due on 2026-12-01), 1 plan, 23 excerpts verified against 3 sources"
        )
    )
