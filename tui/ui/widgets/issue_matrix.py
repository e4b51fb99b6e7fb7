"""Issues as rows, parties as columns: each cell the party's stance, each row where parties stand."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.color import Color
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnDoesNotExist, RowDoesNotExist

from tui.data.describe import latest_first
from tui.data.model import Dataset, Position
from tui.data.state import DashboardState
from tui.ui.glyphs import ALIGNMENT, KIND, SINCE_GLYPH
from tui.ui.literal import literal_text
from tui.ui.widgets.keys import VIM_MOVES
from tui.ui.widgets.messages import CellChosen, ClaimHighlighted, IssueChosen
from tui.ui.widgets.state_pane import StatePane

if TYPE_CHECKING:
    from tui.data.trends import Trend

_RowInputs = tuple[str, str, str, tuple[tuple[tuple[Position, ...], bool, bool], ...]]
"""What a row is drawn from: its name, stand and style, and each cell's positions and marks."""

_DrawnCaches = tuple[LRUCache[Any, Any], LRUCache[Any, Any], LRUCache[Any, Any], LRUCache[Any, Any]]
"""DataTable's caches of what it drew: rows, cells, row renderables, lines."""


ISSUE_WIDTH = (15, 30)  # narrowest and widest issue column
STAND_WIDTH = 9  # "≠ apart"; on narrow terminals the glyph alone (3)
# With a trend from git: "≈ close ↗ since 12 Feb 2026" where the width allows (TREND_ROOM
# columns to spare), else its arrow only ("≈ close ↗", or "≈↗" on narrow terminals).
TREND_WIDTH = 28
TREND_ROOM = 130
CELL_WIDTH = (10, 40)  # a party column shares what is left, within these bounds
NARROW = 100
WHY_COLUMNS = ("issue", "stand")  # the columns where Enter opens why the parties stand so
NARROW_CELL = 14  # below this a cell's marks take no space of their own


class IssueMatrix(DataTable[Text], StatePane):
    """A DataTable with a cell cursor; the cell under the cursor names its first position."""

    BINDINGS = [
        *VIM_MOVES,
        Binding("h", "cursor_left", "Left", show=False, tooltip="left / right across the matrix"),
        Binding("l", "cursor_right", "Right", show=False),
        # As in every list: DataTable's Home and End went to the row's first and last cell, and
        # g and G did nothing (a newcomer's trial).
        Binding("g,home", "row_edge(0)", "First", show=False, tooltip="first / last issue"),
        Binding("G,end", "row_edge(1)", "Last", show=False),
        # Enter does one of two things by the column the cursor is in, and the footer says which
        # (it read "All in cell" on the Issue column, where Enter opens why: a newcomer's trial).
        # The first binding whose check_action allows it is the one shown and run.
        Binding("enter", "why", "Why", tooltip="on the Issue or Stand column: why the parties stand so"),
        Binding("enter", "select_cursor", "All in cell", tooltip="every position in the cell, latest first"),
        Binding("a", "screen.article", "Article"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        self._looks: dict[tuple[object, ...], _DrawnCaches] = {}
        """What was drawn under other looks (see notify_style_update); before DataTable's own
        init, which clears caches (see _clear_caches)."""
        super().__init__(cursor_type="cell", zebra_stripes=True, classes="pane", **kwargs)
        self.border_title = "Issues × parties"
        self._cells: dict[tuple[str, str], list[Position]] = {}
        self._shape: object = None
        """The columns, their widths and the rows last drawn (a new shape rebuilds the table)."""
        self._drawn_rows: dict[str, object] = {}
        """Each row's issue id → what its cells were drawn from."""
        self._styles: dict[str, Style | None] = {}
        """Theme variables resolved for this draw (see _resolve)."""
        self._drawn_look: tuple[object, ...] | None = None
        self._drawn_size: Size | None = None
        self._kept_rows: dict[str, tuple[_RowInputs, int, list[Text], list[list[Position]], int]] = {}
        """Per issue, the row drawn from the most positions (see _row), for `_kept_for`: what it
        was drawn from, at which cell width, its cells, their positions in order, how many."""
        self._kept_for: Dataset | None = None
        self._enter: tuple[bool, bool] | None = None
        """What Enter does at the cursor, as the footer last showed it (on an issue, on a claim)."""

    REDRAW_ON_RESIZE = True  # column widths share the width out

    def slice(self, state: DashboardState) -> object:
        assert state.loaded is not None and state.view is not None  # NEEDS_DATA
        return (
            state.data,
            state.view.positions,
            state.view.issue_ids,
            state.loaded.marked,
            state.since_words,
            state.trends,
        )

    def draw(self, state: DashboardState) -> None:
        assert state.data is not None and state.view is not None and state.loaded is not None
        marked, since = state.loaded.marked, frozenset(state.since_words)
        keep = self.claim_at_cursor() or state.selected
        self.show(state.data, state.by_cell, state.view.issue_ids, keep, marked, since, state.trends)
        # A reload may empty or fill the cell under the cursor in place, with no cursor move.
        self._say_enter()

    def show(
        self,
        data: Dataset,
        by_cell: Mapping[tuple[str, str], list[Position]],
        issue_ids: frozenset[str],
        keep: str | None,
        marked: frozenset[str] = frozenset(),
        since: frozenset[str] = frozenset(),
        trends: Mapping[str, Trend] | None = None,
    ) -> None:
        trends = trends or {}
        self._styles = {}  # a new draw may follow a new theme
        if data is not self._kept_for:  # rows kept from another load: never drawn again
            self._kept_rows, self._kept_for = {}, data
        issue_width, stand_width, cell_width = self._widths(len(data.parties), bool(trends))
        rows = [issue for issue in data.issues.values() if issue.id in issue_ids]
        # The cells holding a marked claim, found from the marks (a reload marks a few claims):
        # looking for them in every cell's positions took 30 ms at 50,000 positions.
        marked_cells, since_cells = _cells_of(data, by_cell, marked), _cells_of(data, by_cell, since)
        # The table's shape: columns and their widths, and which rows in which order. The same
        # shape again (a reload, most often) changes only the cells whose content did (one cell
        # for a changed stance, where rebuilding the table took 200 ms at 50,000 positions).
        shape = (
            (issue_width, stand_width, cell_width),
            tuple((p.id, p.short, p.name) for p in data.parties.values()),
            tuple(issue.id for issue in rows),
        )
        rebuild = shape != self._shape or not rows
        if rebuild:
            self.clear(columns=True)
            self._shape, self._drawn_rows, self._cells = shape, {}, {}
            self.add_column("Issue", key="issue", width=issue_width)
            self.add_column("Stand" if stand_width >= STAND_WIDTH else "", key="stand", width=stand_width)
            for party in data.parties.values():
                # A str label would be read as Rich markup: hand DataTable a literal Text.
                self.add_column(
                    literal_text(party.short if cell_width < 20 else party.name),
                    key=party.id,
                    width=cell_width,
                )
        for issue in rows:
            glyph, word, style = ALIGNMENT[issue.alignment]
            stand = f"{glyph} {word}" if stand_width >= STAND_WIDTH else glyph
            if (trend := trends.get(issue.id)) is not None:
                arrow = trend.arrow
                if stand_width >= TREND_WIDTH and trend.short:
                    stand += f" {trend.short}"
                elif arrow:
                    stand += f" {arrow}" if stand_width >= STAND_WIDTH else arrow
            name = issue.label(issue_width)
            if len(name) > issue_width:
                name = name[: issue_width - 1].rstrip() + "…"
            # What each cell is drawn from: its positions (the same objects when unchanged, see
            # tui/data/reuse.py) and its marks.
            here = [tuple(by_cell.get((issue.id, party.id), ())) for party in data.parties.values()]
            inputs = (
                name,
                stand,
                style,
                tuple(
                    (cell, (issue.id, party.id) in marked_cells, (issue.id, party.id) in since_cells)
                    for cell, party in zip(here, data.parties.values(), strict=True)
                ),
            )
            before = self._drawn_rows.get(issue.id)
            if before == inputs:
                continue
            self._drawn_rows[issue.id] = inputs
            values, ordered_cells = self._row(issue.id, inputs, cell_width)
            for party, ordered in zip(data.parties.values(), ordered_cells, strict=True):
                if ordered:
                    self._cells[(issue.id, party.id)] = ordered
                else:
                    self._cells.pop((issue.id, party.id), None)
            if before is None:
                self.add_row(*values, key=issue.id)
            else:
                for key, value in zip(("issue", "stand", *data.parties), values, strict=True):
                    self.update_cell(issue.id, key, value)
        if not self.row_count:  # a filter that matches nothing here says so, not bare headers
            self.add_row(
                Text("no positions match", style="dim"), *[Text("")] * (len(data.parties) + 1), key=""
            )
        self.border_subtitle = f"{len(issue_ids & set(data.issues))}/{len(data.issues)} issues"
        if rebuild and not (keep and self.show_claim(keep)) and self.row_count:
            self.move_cursor(row=0, column=2)  # the first party's column, not the issue names
        elif not rebuild and self.has_focus and (now := self.claim_at_cursor()) and now != keep:
            # Changed in place under the cursor (no cursor move says so): the source follows.
            self.post_message(ClaimHighlighted(now))

    def _widths(self, parties: int, trends: bool = False) -> tuple[int, int, int]:
        """Share the visible width so every party column shows at 80 columns and up."""
        usable = max(self.room(), 78) - 4 - 2 * (parties + 2)  # borders, scrollbar, cell padding
        stand = STAND_WIDTH if usable >= NARROW else 3
        if trends:
            stand = TREND_WIDTH if usable >= TREND_ROOM else stand + 2
        issue = max(ISSUE_WIDTH[0], min(ISSUE_WIDTH[1], usable // 5))
        cell = (usable - issue - stand) // max(parties, 1)
        return issue, stand, max(CELL_WIDTH[0], min(CELL_WIDTH[1], cell))

    def _styled(self, text: str, style: str) -> Text:
        resolved = self._styles.get(style)
        if resolved is None:
            resolved = self._styles[style] = self._resolve(style)
        return literal_text(text, resolved) if resolved else literal_text(text)

    def _resolve(self, style: str) -> Style | None:
        """A theme variable as a Rich style, once per draw (per cell, parsing the colours was a
        tenth of the matrix's draw at 50,000 positions, bench/)."""
        # DataTable cells are Rich renderables, which know no theme variables: resolve them here.
        variables = self.app.theme_variables
        value = variables.get(style.lstrip("$"))
        if not value:
            return None
        # Muted colours carry alpha, which Rich cannot draw: blend them onto the surface first.
        color = Color.parse(variables.get("surface", "#000000")) + Color.parse(value)
        return Style(color=color.rich_color)

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle())

    # ── drawn cells kept across focus changes ───────────────────────────────
    # Focus coming or going restyles the table (its border, the cursor's colours), and DataTable
    # then throws away every cell, row and line it has drawn: each tab key into the matrix drew
    # every cell in view again through Rich (35-45 ms of the key at 120×40, bench/). What it
    # throws away is keyed by the content's version and the pseudo-classes it was drawn under, so
    # a cell drawn while focused is right the next time the table is focused, so long as its look
    # (the styles the keys do not hold: the component classes' and the table's own) is the same:
    # the drawn caches are put aside by look, and taken back when that look comes back.
    _KEPT_LOOKS = 3

    def notify_style_update(self) -> None:
        drawn = self._drawn_look
        if drawn is not None and len(self._line_cache):
            self._looks[drawn] = self._swap_caches(self._fresh_caches())
            while len(self._looks) > self._KEPT_LOOKS:
                del self._looks[next(iter(self._looks))]
        self._drawn_look = None
        super().notify_style_update()

    def _clear_caches(self) -> None:
        # DataTable empties its caches for what their keys do not hold (zebra stripes, the
        # cursor shown, fixed rows, padding, a clear()): what is put aside is as stale.
        super()._clear_caches()
        self._looks.clear()

    def _look(self) -> tuple[object, ...]:
        return (
            self.get_pseudo_class_state(),
            self.rich_style,
            *(self.get_component_rich_style(name) for name in sorted(self.COMPONENT_CLASSES)),
        )

    def _drawn_caches(self) -> _DrawnCaches:
        return self._row_render_cache, self._cell_render_cache, self._row_renderable_cache, self._line_cache

    def _fresh_caches(self) -> _DrawnCaches:
        """Empty caches of the sizes DataTable gave these."""
        rows, cells, renderables, lines = (LRUCache[Any, Any](c.maxsize) for c in self._drawn_caches())
        return rows, cells, renderables, lines

    def _swap_caches(self, caches: _DrawnCaches) -> _DrawnCaches:
        """Put these caches in, and give back those they replace (Textual is pinned; the tests
        check that a focus change keeps what was drawn and a new look does not)."""
        old = self._drawn_caches()
        self._row_render_cache, self._cell_render_cache, self._row_renderable_cache, self._line_cache = caches
        return old

    def _on_resize(self, event: events.Resize) -> None:
        # Textual sends a Resize to a widget each time it is shown (the matrix's tab coming back),
        # at the size it was already drawn at, and DataTable counts every one as a new version of
        # its content, which every cache above is keyed by: every cell was drawn again.
        if event.size == self._drawn_size:
            event.prevent_default()  # not DataTable's count; StatePane's redraw, below, still
            StatePane.on_resize(self)

    def render_lines(self, crop: Region) -> list[Strip]:
        look = self._look()
        if look != self._drawn_look:
            kept = self._looks.pop(look, None)
            if kept is not None:
                self._swap_caches(kept)
            self._drawn_look = look
        self._drawn_size = self.outer_size  # as a Resize gives it: with the border
        return super().render_lines(crop)

    def _restyle(self) -> None:
        """A new theme: every cell's colours are resolved again."""
        self._shape = None
        self._kept_rows = {}
        self.redraw()

    def _row(self, issue_id: str, inputs: _RowInputs, width: int) -> tuple[list[Text], list[list[Position]]]:
        """A row's cells and each cell's positions latest first, from what they are drawn from.

        The row drawn from the most positions is kept per issue, for the draw of this load, look
        and width (the cells are cut to it): clearing a filter at 50,000 positions drew every row of the whole matrix again
        from its positions (ordering and wording each cell: 200 ms of the key), for the rows it
        had drawn before the filter."""
        kept = self._kept_rows.get(issue_id)
        if kept is not None and kept[0] == inputs and kept[1] == width:
            return kept[2], kept[3]
        name, stand, style, cells = inputs
        ordered_cells = [latest_first(positions) for positions, _, _ in cells]
        values = [
            literal_text(name, "bold"),
            self._styled(stand, style),
            *(
                self._cell(ordered, is_marked, width, is_since)
                for ordered, (_, is_marked, is_since) in zip(ordered_cells, cells, strict=True)
            ),
        ]
        size = sum(len(positions) for positions, _, _ in cells)
        if kept is None or size >= kept[4] or width != kept[1]:
            self._kept_rows[issue_id] = (inputs, width, values, ordered_cells, size)
        return values, ordered_cells

    def _cell(self, positions: list[Position], marked: bool, width: int, since: bool = False) -> Text:
        """The latest position: its kind glyph and stance, '+N' for the others, '…' where cut;
        ✎ when the last reload changed one, ★ when one is new or changed since the since-point."""
        if not positions:
            return Text("—", style="dim")
        first = positions[0]
        glyph, _, style = KIND[first.kind]
        # In a narrow cell the marks sit against the kind's glyph: at 80 columns with a
        # since-point "★ ▲ Uk… +3" left two letters of the stance (a newcomer's trial).
        gap = " " if width >= NARROW_CELL else ""
        mark = f"✎{gap}" if marked else ""
        if since:
            mark += f"{SINCE_GLYPH}{gap}"
        more = f" +{len(positions) - 1}" if len(positions) > 1 else ""
        room = max(1, width - len(mark) - len(glyph) - 1 - len(more))
        stance = first.stance if len(first.stance) <= room else first.stance[: room - 1].rstrip() + "…"
        cell = self._styled(f"{glyph} {stance}", style)  # a new Text: "+N" takes its colour too
        cell.append(more, style="bold")
        return self._styled(mark, "$warning") + cell if mark else cell

    def claim_at_cursor(self) -> str | None:
        at = self._column_at_cursor()
        found = self._cells.get(at) if at is not None else None
        return found[0].id if found else None

    def show_claim(self, claim_id: str) -> bool:
        for (issue_id, party_id), positions in self._cells.items():
            if any(p.id == claim_id for p in positions):
                try:
                    row = self.get_row_index(issue_id)
                    column = self.get_column_index(party_id)
                except (RowDoesNotExist, ColumnDoesNotExist):
                    return False
                self.move_cursor(row=row, column=column)
                return True
        return False

    def _column_at_cursor(self) -> tuple[str, str] | None:
        """(issue id, column key) under the cursor; None in an empty table or the "no positions
        match" row."""
        if not self.row_count:
            return None
        row_key, column_key = self.coordinate_to_cell_key(self.cursor_coordinate)
        issue_id = str(row_key.value)
        return (issue_id, str(column_key.value)) if issue_id else None

    def _on_issue(self) -> bool:
        at = self._column_at_cursor()
        return at is not None and at[1] in WHY_COLUMNS

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "why":
            return self._on_issue()
        if action == "select_cursor":
            if self._on_issue():
                return False
            return True if self.claim_at_cursor() else None  # an empty cell: shown, dimmed
        return True

    def action_row_edge(self, last: int) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1 if last else 0)

    def action_why(self) -> None:
        at = self._column_at_cursor()
        if at is not None:
            self.post_message(IssueChosen(at[0]))

    def _say_enter(self) -> None:
        """Enter's words follow the cell (see BINDINGS): the footer is asked again when they
        change, not on every cursor move."""
        enter = (self._on_issue(), self.claim_at_cursor() is not None)
        if enter != self._enter:
            self._enter = enter
            self.refresh_bindings()

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        event.stop()
        self._say_enter()
        if self.has_focus:  # an empty cell selects nothing (the source pane kept another cell's)
            self.post_message(ClaimHighlighted(self.claim_at_cursor()))

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        # Enter on an issue is action_why; this is a cell's (or a double click, on either).
        row_key, column_key = self.coordinate_to_cell_key(event.coordinate)
        issue_id, column = str(row_key.value), str(column_key.value)
        if column in WHY_COLUMNS and issue_id:  # "" is the "no positions match" row
            self.post_message(IssueChosen(issue_id))
        elif self._cells.get((issue_id, column)):
            self.post_message(CellChosen(issue_id, column))

    OWNS_SELECTION = True

    def focus_claim(self) -> str | None:
        return self.claim_at_cursor()


def _cells_of(
    data: Dataset, by_cell: Mapping[tuple[str, str], list[Position]], ids: frozenset[str]
) -> frozenset[tuple[str, str]]:
    """The (issue, party) cells that show a position with one of these ids."""
    cells = set()
    for claim_id in ids:
        claim = data.claims.get(claim_id)
        if isinstance(claim, Position) and claim in by_cell.get(cell := (claim.issue, claim.party), ()):
            cells.add(cell)
    return frozenset(cells)
