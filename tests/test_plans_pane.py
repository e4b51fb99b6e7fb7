"""The Plans pane: points × parties for a version, what changed from the one before, and the keys
to step through versions and differences (a fixture plan of three versions)."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from running import started

from tui.ui.app import PeaceDashApp
from tui.ui.widgets.plans_pane import PlansPane

FIXTURE = Path(__file__).parent / "fixtures" / "plans"


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "plans")
    return tmp_path / "plans" / "data" / "positions.yaml"


def rows(pane: PlansPane) -> list[str]:
    return [" ".join(str(pane.get_option_at_index(i).prompt).split()) for i in range(pane.option_count)]


def highlighted(pane: PlansPane) -> str:
    assert pane.highlighted is not None
    return rows(pane)[pane.highlighted]


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_the_pane_steps_through_versions_and_differences(plans, size):
    app = PeaceDashApp(plans, date(2026, 12, 1), clock=lambda: datetime(2026, 12, 1, 9, 0))
    async with started(app, size) as pilot:
        assert dict((name, key) for key, name in app.dashboard.pane_keys())["plans"] == "p"
        await pilot.press("p")
        await pilot.pause()
        pane = app.screen.query_one(PlansPane)
        assert app.focused is pane
        shown = rows(pane)
        assert shown[0] == "The accord"
        assert shown[1].startswith("Draft of 12 points · 3 Mar 2026 · version 1 of 3")
        assert shown[2] == "NO SO point"
        assert shown[3].startswith("accepts unknown 1. Ceasefire")
        await pilot.press("n")  # nothing differs in a first version
        await pilot.press("v")
        await pilot.pause()
        shown = rows(pane)
        assert shown[1].startswith("Revised text of ten points · April 2026 · version 2 of 3")
        assert highlighted(pane).startswith("~ accepts accepts Ceasefire")
        assert "changed: Southland: unknown → accepts" in highlighted(pane)
        await pilot.press("n")
        assert highlighted(pane).startswith("~ contests unknown River valley")
        await pilot.press("n")
        assert highlighted(pane).startswith("− — — 3. Referendum") and highlighted(pane).endswith(
            "dropped from this version"
        )
        await pilot.press("n")  # round to the first difference again
        assert highlighted(pane).startswith("~ accepts accepts Ceasefire")
        await pilot.press("N")  # back round to the last difference
        assert highlighted(pane).startswith("− — —")
        await pilot.press("N")
        assert highlighted(pane).startswith("~ contests unknown River valley")
        await pilot.press("v")
        await pilot.pause()
        assert rows(pane)[1].startswith("Final text · 20 May 2026 · version 3 of 3")
        assert highlighted(pane).startswith("~ accepts unknown River valley")
        await pilot.press("n")
        assert highlighted(pane).startswith(
            "+ unknown unknown Prisoners"
        ) and "new in this version" in highlighted(pane)
        await pilot.press("V", "V")
        await pilot.pause()
        assert rows(pane)[1].startswith("Draft of 12 points")


async def test_a_file_without_plans_says_so(mini):
    app = PeaceDashApp(mini, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 0))
    async with started(app, (120, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert rows(app.screen.query_one(PlansPane)) == ["no plans in the file"]


async def test_the_plans_title_names_the_plan_and_its_version(plans):
    """ "Plans · 1/2" counted versions across plans, beside the subtitle's "2/2" of points (a
    newcomer's trial)."""
    app = PeaceDashApp(plans, date(2026, 12, 1), clock=lambda: datetime(2026, 12, 1, 9, 0))
    async with started(app, (80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        pane = app.screen.query_one(PlansPane)
        assert str(pane.border_title) == "Plans · plan 1 of 1, version 1 of 3"


async def test_a_plan_without_versions_is_not_counted_in_the_title(plans):
    """The keys never reach a plan with no version; counted, the title said "plan 2 of 2" of
    a pane that could show one (a review)."""
    plans.write_text(
        plans.read_text().replace(
            "plans:\n", "plans:\n  empty:\n    name: Nothing yet\n    versions: {}\n", 1
        )
    )
    app = PeaceDashApp(plans, date(2026, 12, 1), clock=lambda: datetime(2026, 12, 1, 9, 0))
    async with started(app, (120, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert app.dashboard.state.problems == ()
        pane = app.screen.query_one(PlansPane)
        assert str(pane.border_title) == "Plans · plan 1 of 1, version 1 of 3"


async def test_g_in_the_plans_shows_the_plans_name_above_its_version_line(bundled):
    """After a move down, g put the cursor on the first point with only the version line above
    it: the plan's name stayed out of view (a newcomer's trial at 80×24, the bundled plans)."""
    app = PeaceDashApp(bundled, date(2026, 12, 1), clock=lambda: datetime(2026, 12, 1, 9, 0))
    async with started(app, (80, 24)) as pilot:
        await pilot.press("p", *"jjj")
        await pilot.pause()
        pane = app.screen.query_one(PlansPane)
        assert pane.scroll_offset.y > 0  # moved down far enough to scroll
        await pilot.press("g")
        await pilot.pause()
        assert pane.scroll_offset.y == 0  # the plan's name, its first row, in view


async def test_a_in_the_plans_opens_the_quotes_behind_the_row(plans):
    """a said "Select a claim first" in the plans, though each version and point cites its
    sources (a newcomer's trial): it opens the point's quotes, else its version's."""
    from tui.ui.screens.article import ArticleScreen

    app = PeaceDashApp(plans, date(2026, 12, 1), clock=lambda: datetime(2026, 12, 1, 9, 0))
    async with started(app, (120, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        pane = app.screen.query_one(PlansPane)
        version = app.dashboard.state.data.plans[0].versions[0]
        point = next(p for p in version.points if p.id == pane.claim_id)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.excerpts == (point.excerpts or version.excerpts)
