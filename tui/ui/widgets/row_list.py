"""A keyboard list drawn through the Line API: only the rows in view are wrapped and drawn.

Textual's OptionList measures every option before the first frame (it wraps each to learn its
height): 12,500 rows a pane at 50,000 positions kept the first key waiting for seconds. Here the
scroll position counts rows, not lines: the top row is `scroll_offset.y`, and a frame wraps only
the rows from there until the view is full, so the cost of a frame, a key or a resize follows the
rows in view. Rows are built lazily at the width they are drawn at, and cached per width.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from tui.ui.literal import literal
from tui.ui.widgets.line_view import set_subtitle, set_virtual_size
from tui.ui.widgets.state_pane import StatePane

Make = Callable[[int], Content]
"""A row's text wrapped to a width (the columns its text may use)."""


@dataclass(frozen=True, slots=True, eq=False)
class Row:
    """One entry: an item with an id the cursor can rest on, or a heading or placeholder."""

    make: Make
    id: str | None = None
    disabled: bool = False


def fixed(content: Content, id: str | None = None, disabled: bool = False) -> Row:
    """A row whose text does not depend on the width (a heading, a placeholder)."""
    return Row(lambda _width: content, id, disabled)


@dataclass(frozen=True, slots=True)
class ShownRow:
    """A row as drawn at the list's width now (what tests and the palette read)."""

    id: str | None
    disabled: bool
    prompt: Content


class RowList(ScrollView, StatePane, can_focus=True):
    """Rows under headings, a cursor on the items, and where it is ("12/33 · 40 in all")."""

    DEFAULT_CSS = """
    RowList {
        height: auto;
        max-height: 100%;
        color: $foreground;
        overflow-x: hidden;
        border: tall $border-blurred;
        background: $surface;
        & > .row-list--cursor {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .row-list--cursor {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .row-list--heading { color: $text-disabled; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--row", "row-list--cursor", "row-list--heading"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False, tooltip="next / previous item"),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("g,home", "first", "First", show=False, tooltip="first / last item"),
        Binding("G,end", "last", "Last", show=False),
        Binding("pagedown", "page_down", "Page down", show=False, tooltip="a page of items down / up"),
        Binding("pageup", "page_up", "Page up", show=False),
        # No words here: a list that opens something on Enter says what in its own binding (the
        # help lists none for a list where Enter does nothing, such as the plans).
        Binding("enter", "select", "", show=False),
    ]

    SELECTS = False
    """Moving the cursor here selects the row's claim (the source pane follows it)."""

    highlighted: reactive[int | None] = reactive(None, init=False, repaint=False)
    """The row under the cursor (always an item, never a heading), or None in an empty list.
    Its watcher repaints what the move changed; a repainting reactive redrew the whole pane."""

    class Highlighted(Message):
        """The cursor moved to the row with this id."""

        def __init__(self, row_list: RowList, row_id: str) -> None:
            super().__init__()
            self.row_list = row_list
            self.row_id = row_id

        @property
        def control(self) -> RowList:
            return self.row_list

    class Selected(Highlighted):
        """Enter (or a double click) on the row with this id."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: Sequence[Row] = ()
        self._items: list[int] = []
        """Indexes of the rows the cursor may rest on, in order."""
        self._index: dict[str, int] = {}
        self._of_all = ""
        self._lines: LRUCache[tuple[int, int], list[Content]] = LRUCache(1024)
        self._strips: LRUCache[tuple[int, int, int, str], Strip] = LRUCache(1024)
        """Lines as drawn: (row, line, width, look) → strip. A cursor move that scrolls redraws
        the pane, and styling every line in view again was half of that frame's time (bench/)."""
        self._window: list[tuple[int, int]] = []
        """(row, line of that row) for each line of the view, built once per frame."""
        self._max_top = 0
        self._announced: str | None = None

    # ── the rows ────────────────────────────────────────────────────────────
    def text_width(self) -> int:
        """Columns a row's text may use (one column of padding each side)."""
        return max(0, self.scrollable_content_region.width - 2)

    def set_rows(
        self,
        rows: Sequence[Row],
        keep: str | None = None,
        empty: str = "nothing here",
        counts: tuple[int, int] | None = None,
    ) -> None:
        """Replace the rows, putting the cursor back on `keep` where it is still listed; `counts`
        is (items shown, items in the data) when a filter may have left fewer."""
        self._rows = rows or [fixed(literal(empty, "$foreground-muted"), disabled=True)]
        self._items = [i for i, row in enumerate(self._rows) if not row.disabled]
        self._index = {
            row.id: i for i, row in enumerate(self._rows) if row.id is not None and not row.disabled
        }
        self._lines.clear()
        self._strips.clear()
        shown, total = counts or (len(self._items), len(self._items))
        self._of_all = f" · {total} in all" if shown != total else ""
        self._measure()
        at = self._index.get(keep) if keep is not None else None
        self.set_reactive(RowList.highlighted, at if at is not None else next(iter(self._items), None))
        self._reveal(self.highlighted)
        self._say_where()
        self.refresh()
        self._announce()

    @property
    def option_count(self) -> int:
        return len(self._rows)

    def get_option_at_index(self, index: int) -> ShownRow:
        row = self._rows[index]
        return ShownRow(row.id, row.disabled, Content("\n").join(self._wrapped(index)))

    def get_option(self, row_id: str) -> ShownRow:
        return self.get_option_at_index(self._index[row_id])

    @property
    def options(self) -> list[ShownRow]:
        """Every row as drawn now (wraps them all: for reading a list whole, not for drawing)."""
        return [self.get_option_at_index(i) for i in range(len(self._rows))]

    @property
    def highlighted_option(self) -> ShownRow | None:
        return None if self.highlighted is None else self.get_option_at_index(self.highlighted)

    def has_claim(self, row_id: str) -> bool:
        return row_id in self._index

    def show_claim(self, row_id: str) -> bool:
        """Move the cursor to the row with this id, if listed here."""
        if row_id not in self._index:
            return False
        self.highlighted = self._index[row_id]
        return True

    def owns_selection(self) -> bool:
        # An empty list leaves the selection to the source pane, which says when the filter
        # hides it ("no figures match" beside "hidden by the filter", not a bare prompt).
        return self.OWNS_SELECTION and any(not row.disabled for row in self._rows)

    def focus_claim(self) -> str | None:
        return self.claim_id if self.SELECTS else None

    @property
    def claim_id(self) -> str | None:
        """The id of the row under the cursor."""
        return self._rows[self.highlighted].id if self.highlighted is not None else None

    # ── lines: only those of rows in view are ever made ─────────────────────
    def _wrapped(self, index: int, width: int | None = None) -> list[Content]:
        width = self.text_width() if width is None else width
        key = (index, width)
        lines = self._lines.get(key)
        if lines is None:
            content = self._rows[index].make(width)
            lines = content.split("\n", allow_blank=width > 0)
            if width > 0 and ("\t" in content.plain or any(line.cell_length > width for line in lines)):
                # Wrapped here only when a line is too long: most rows come wrapped already
                # (literal.hanging), and wrapping them again was half of drawing a party pane.
                lines = content.wrap(width)
            self._lines[key] = lines
        return lines

    def _height(self, index: int, width: int | None = None) -> int:
        return max(1, len(self._wrapped(index, width)))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """For `height: auto` (party panes stacked on a narrow terminal): the rows' lines, counted
        only as far as the container could show."""
        cap, total = max(container.height, viewport.height), 0
        for index in range(len(self._rows)):
            total += self._height(index, max(0, width - 2))
            if total >= cap:
                break
        return total

    def _measure(self) -> None:
        """The last top row that still fills the view, walking up from the end (rows in view only)."""
        room = self.scrollable_content_region.height
        used, top = 0, len(self._rows)
        while top > 0 and used < room:
            top -= 1
            used += self._height(top)
        self._max_top = top if used >= room else 0
        set_virtual_size(self, Size(self.scrollable_content_region.width, self._max_top + max(room, 1)))

    def on_resize(self) -> None:
        self._lines.clear()
        self._strips.clear()
        self._measure()
        self._reveal(self.highlighted)

    def render_lines(self, crop: Region) -> list[Strip]:
        window: list[tuple[int, int]] = []
        index, room = int(self.scroll_offset.y), self.scrollable_content_region.height
        while index < len(self._rows) and len(window) < room:
            window.extend((index, line) for line in range(self._height(index)))
            index += 1
        self._window = window
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y >= len(self._window):
            return Strip.blank(width, self.get_visual_style("row-list--row").rich_style)
        index, line = self._window[y]
        row = self._rows[index]
        look = "heading" if row.disabled else "cursor" if index == self.highlighted else "row"
        key = (index, line, width, look)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._draw_line(index, line, width, look)
        return strip

    def _draw_line(self, index: int, line: int, width: int, look: str) -> Strip:
        parts = ["row-list--row"] if look == "row" else ["row-list--row", f"row-list--{look}"]
        style = self.get_visual_style(*parts)
        rich = style.rich_style
        text_width = max(0, width - 2)
        strips = Visual.to_strips(self, self._wrapped(index)[line], text_width, 1, style)
        body = strips[0] if strips else Strip.blank(0)
        blank = Strip.blank(1, rich)
        joined = Strip.join([blank, body.extend_cell_length(text_width, rich), blank])
        return joined.crop_extend(0, width, rich).apply_meta({"row": index})

    def notify_style_update(self) -> None:
        # Focus, a theme or a class changes how every line looks: draw them again.
        self._strips.clear()
        super().notify_style_update()

    # ── the cursor ──────────────────────────────────────────────────────────
    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        top = self.scroll_offset.y
        self._reveal(new)
        if self.scroll_offset.y == top:
            # The view did not move: only the lines of the row left and the row reached change
            # (a whole-pane repaint drew every line again through Textual's styles cache).
            width = self.scrollable_content_region.width
            for y, (row, _line) in enumerate(self._window):
                if row in (old, new):
                    self.refresh(Region(0, y, width, 1))
        else:
            self.refresh()
        self._say_where()
        self._announce()

    def _announce(self) -> None:
        """Say when the row under the cursor is another one (a refill may put another row at the
        same index, or the same row at another)."""
        row_id = self.claim_id
        if row_id is not None and row_id != self._announced:
            self.post_message(self.Highlighted(self, row_id))
        self._announced = row_id

    def _reveal(self, index: int | None) -> None:
        """Scroll so the row (and a heading right above it) is in view, moving as little as can be."""
        if index is None or not self._rows:
            return
        top = int(self.scroll_offset.y)
        room = self.scrollable_content_region.height
        if room <= 0:  # not laid out (a hidden tab): on_resize reveals it once it is
            return
        # The headings right above it too, as many as fit with it (a plan's name and version
        # line above its first point: `g` left the name out of view, a newcomer's trial).
        want, used = index, self._height(index)
        while want > 0 and self._rows[want - 1].disabled and used + self._height(want - 1) <= room:
            want -= 1
            used += self._height(want)
        if want < top:
            top = want
        else:
            # The lowest top row that still shows the whole of `index`: walk up from it while the
            # rows fit (at most a screenful of rows is measured).
            lowest, used = index, self._height(index)
            while lowest > 0 and used + self._height(lowest - 1) <= room:
                lowest -= 1
                used += self._height(lowest)
            top = max(top, lowest) if top <= index else index
        top = min(top, self._max_top)
        if top != int(self.scroll_offset.y):
            self.scroll_to(y=top, animate=False, immediate=True)

    def cursor_region(self) -> Region | None:
        """Where the cursor's row is drawn, in the list's own region (its border counted), or None
        when it is not in view: for a container that clips the list to keep it in sight."""
        at, top = self.highlighted, int(self.scroll_offset.y)
        room = self.scrollable_content_region.height
        if at is None or at < top or room <= 0:
            return None
        y = 0
        for index in range(top, at):  # rows in view only: the cursor's row is in view
            y += self._height(index)
            if y >= room:
                return None
        offset = self.content_offset
        return Region(0, offset.y + y, self.outer_size.width, min(self._height(at), room - y))

    def _say_where(self) -> None:
        count, at = len(self._items), self.highlighted
        where = bisect_left(self._items, at) if at is not None else count
        here = f"{where + 1}/{count}" if where < count and self._items[where] == at else f"{count}"
        note = self.where_note()
        set_subtitle(self, here + self._of_all + (f" · {note}" if note else ""))

    def where_note(self) -> str:
        """Words said after where the cursor is, in the subtitle (a list's own keys)."""
        return ""

    def _step(self, by: int) -> None:
        if not self._items:
            return
        at = self.highlighted
        if at is None:
            self.highlighted = self._items[0]
            return
        where = bisect_right(self._items, at) if by > 0 else bisect_left(self._items, at) - 1
        if by > 0:
            where += by - 1
        else:
            where += by + 1
        self.highlighted = self._items[max(0, min(len(self._items) - 1, where))]

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_first(self) -> None:
        if self._items:
            self.highlighted = self._items[0]

    def action_last(self) -> None:
        if self._items:
            self.highlighted = self._items[-1]

    def action_page_down(self) -> None:
        self._step(max(1, len({row for row, _ in self._window}) - 1))

    def action_page_up(self) -> None:
        self._step(-max(1, len({row for row, _ in self._window}) - 1))

    def action_select(self) -> None:
        if self.highlighted is not None and self._rows[self.highlighted].id is not None:
            self.post_message(self.Selected(self, self._rows[self.highlighted].id or ""))

    async def _on_click(self, event: events.Click) -> None:
        # A click puts the cursor on the row; a double click opens it, like Enter.
        clicked = event.style.meta.get("row")
        if not isinstance(clicked, int) or clicked >= len(self._rows) or self._rows[clicked].disabled:
            return
        self.focus()
        self.highlighted = clicked
        if event.chain >= 2:
            self.action_select()
