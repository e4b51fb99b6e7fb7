"""The file changes shape while the app runs: parties and issues added, removed, renamed, reordered; 1 to 12 parties."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from running import loaded, started
from textual.widgets import TabbedContent

from tui.ui.app import PeaceDashApp
from tui.ui.screens.help import HelpScreen
from tui.ui.widgets.issue_matrix import IssueMatrix
from tui.ui.widgets.party_pane import PartyPane

QUOTES = [
    ("alpha", "will never give up the river valley"),
    ("alpha", "asked for monitors"),
    ("alpha", "must start with the harbour"),
    ("beta", "to fund reconstruction"),
    ("beta", "offered to host a summit"),
]


def dataset(
    parties: list[tuple[str, str]], issues: tuple[tuple[str, str], ...] = (("valley", "River valley"),)
) -> str:
    """A data file with these parties (id, name) and issues, and one position per party on the first issue."""
    lines = [
        "version: 1",
        "title: Living file",
        "sources:",
        "  alpha:",
        "    file: alpha.txt",
        "    title: Talks resume in Geneva",
        "    published: 2026-02-10",
        "  beta:",
        "    file: beta.txt",
        "    title: Ministers sign a memorandum",
        "    published: February 2026",
        "parties:",
    ]
    for pid, name in parties:
        lines += [f"  {pid}:", f"    name: {name}", f"    short: {pid[:3].upper()}"]
    lines.append("issues:")
    for iid, name in issues:
        lines += [f"  {iid}:", f"    name: {name}"]
    lines.append("positions:")
    for n, (pid, name) in enumerate(parties):
        source, quote = QUOTES[n % len(QUOTES)]
        lines += [
            f"  {pid}-stance:",
            f"    party: {pid}",
            f"    issue: {issues[0][0]}",
            "    kind: stance",
            f"    stance: What {name} says",
            "    excerpts:",
            f"      - source: {source}",
            f'        quote: "{quote}"',
        ]
    return "\n".join(lines) + "\n"


def named(n: int) -> list[tuple[str, str]]:
    return [(f"p{i:02}", f"Party {i:02}") for i in range(1, n + 1)]


def make_app(path: Path) -> PeaceDashApp:
    return PeaceDashApp(
        path, date(2026, 3, 15), clock=lambda: datetime(2026, 3, 15, 9, 30), poll_seconds=None
    )


async def save_and_reload(app: PeaceDashApp, pilot, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    app.load(announce=True)
    await loaded(pilot)


def pane_titles(app: PeaceDashApp) -> list[str]:
    return [pane.party_name for pane in app.dashboard.panes() if isinstance(pane, PartyPane)]


async def agree_with_the_data(app: PeaceDashApp, pilot, names: list[str]) -> None:
    """Panes, tab labels, help and palette all name exactly these parties, in this order."""
    assert pane_titles(app) == names
    tabs = app.screen.query_one(TabbedContent)
    count = len(names)
    assert str(tabs.get_tab("tab-parties").label) == (
        "Parties 1" if count == 1 else f"Parties 1-{min(count, 10) % 10}"
    )
    matrix_key = count + 1
    matrix_label = f"Matrix {matrix_key % 10}" if matrix_key <= 10 else "Matrix"
    assert str(tabs.get_tab("tab-matrix").label) == matrix_label
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    listed = [name.split(" (at ")[0] for _, name in app.screen.sections[0].rows[:-1]]  # type: ignore[union-attr]
    # Every pane at every size, the ones not drawn at this size saying so.
    rest = ["issue × party matrix", "calendar agenda", "month grid", "source pane", "due and upcoming"]
    rest += ["changes since", "figures", "plans", "problems or warnings (while the file has any)"]
    assert listed[:count] == names and listed[count:] == rest
    await pilot.press("escape")
    await pilot.pause()
    from tui.ui.palette import GoToProvider

    hits = [hit.text async for hit in GoToProvider(app.screen).discover() if hit.text.startswith("party ")]
    assert hits == [f"party {name}" for name in names]


async def test_parties_added_renamed_reordered_and_removed_while_running(mini):
    mini.write_text(dataset([("north", "Northland"), ("south", "Southland")]), encoding="utf-8")
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        await agree_with_the_data(app, pilot, ["Northland", "Southland"])
        await save_and_reload(
            app, pilot, mini, dataset([("north", "Northland"), ("south", "Southland"), ("east", "Eastland")])
        )
        await agree_with_the_data(app, pilot, ["Northland", "Southland", "Eastland"])
        await pilot.press("3")
        await pilot.pause()
        assert (
            isinstance(app.focused, PartyPane) and app.focused.party_id == "east" and app.focused.is_on_screen
        )
        assert app.dashboard.selected == "east-stance"
        await save_and_reload(
            app, pilot, mini, dataset([("north", "Nordland"), ("south", "Southland"), ("east", "Eastland")])
        )
        await agree_with_the_data(app, pilot, ["Nordland", "Southland", "Eastland"])
        await save_and_reload(
            app, pilot, mini, dataset([("east", "Eastland"), ("north", "Nordland"), ("south", "Southland")])
        )
        await agree_with_the_data(app, pilot, ["Eastland", "Nordland", "Southland"])
        # Eastland's pane had focus before the panes were rebuilt, and has it again.
        assert isinstance(app.focused, PartyPane) and app.focused.party_id == "east"
        await save_and_reload(app, pilot, mini, dataset([("north", "Nordland")]))
        await agree_with_the_data(app, pilot, ["Nordland"])
        assert app.is_running and app.focused is not None and app.focused.is_attached


async def test_issues_added_and_removed_while_running(mini):
    parties = [("north", "Northland"), ("south", "Southland")]
    mini.write_text(dataset(parties), encoding="utf-8")
    app = make_app(mini)
    async with started(app, (120, 40)) as pilot:
        matrix = app.screen.query_one(IssueMatrix)
        assert matrix.row_count == 1
        await save_and_reload(
            app, pilot, mini, dataset(parties, (("valley", "River valley"), ("harbour", "Harbour")))
        )
        assert [str(r.value) for r in matrix.rows] == ["valley", "harbour"]
        await save_and_reload(app, pilot, mini, dataset(parties, (("harbour", "Harbour"),)))
        assert [str(r.value) for r in matrix.rows] == ["harbour"]
        assert app.is_running


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
@pytest.mark.parametrize("count", [1, 5, 12])
async def test_every_party_is_reachable_and_visible(mini, size, count):
    mini.write_text(dataset(named(count)), encoding="utf-8")
    app = make_app(mini)
    async with started(app, size) as pilot:
        screen = app.screen.region
        seen = []
        for n in range(1, count + 1):
            if n <= 9:
                await pilot.press(str(n))
            else:
                await pilot.press("tab")
            await pilot.pause()
            pane = app.focused
            assert isinstance(pane, PartyPane), (n, pane)
            assert pane.is_on_screen and screen.contains_region(pane.region), (n, pane.region)
            assert pane.region.height >= 3
            seen.append(pane.party_id)
        assert seen == [pid for pid, _ in named(count)]
        await agree_with_the_data(app, pilot, [name for _, name in named(count)])
