"""The party panes' container: a grid on a wide screen, a scrolling column on a narrow one."""

from __future__ import annotations

from functools import partial
from weakref import WeakSet

from textual import events
from textual.containers import VerticalScroll
from textual.screen import Screen

from tui.ui.widgets.row_list import RowList


class PaneStack(VerticalScroll):
    """Keeps the focused pane's cursor in view when the stack scrolls its panes.

    On a narrow terminal a party pane may be taller than the stack shows (12 rows, and the filter
    box opening took 3 of the stack's 11 at 80×24): the pane kept its cursor within its own rows
    while the stack clipped them, and the claim the source pane showed was out of sight. Textual
    scrolls a container to a focused widget, not to a row inside it.
    """

    _last: RowList | None = None
    """The pane that last had the focus: the filter box takes it as it opens, and the pane the
    user was on is the one whose cursor must stay in sight as the stack gets shorter."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._watched: WeakSet[RowList] = WeakSet()

    def keep_in_view(self, pane: RowList) -> None:
        region = pane.cursor_region()
        if region is not None and self.max_scroll_y > 0:
            self.scroll_to_region(region.translate(pane.virtual_region.offset), animate=False, immediate=True)

    def on_mount(self) -> None:
        # After every layout of the screen, not on this stack's Resize: the filter box opening
        # may lay the stack out at its new height without a Resize reaching it (Textual's fast
        # scroll layout, once the pane has scrolled its own rows), and a filter's refill moves
        # the pane's cursor without its watcher (a review found both).
        self.screen.screen_layout_refresh_signal.subscribe(self, self._laid_out)

    _seen: object = None

    def _laid_out(self, _screen: Screen[object]) -> None:
        pane = self._last
        if pane is None or pane.parent is not self or not self.size.height:
            return
        # Only when the stack's height or the pane's rows, cursor or place changed: Textual
        # publishes this after a plain scroll too, and the stack was dragged back to the cursor
        # whenever its own scrollbar moved it (a review).
        seen = (
            self.size,
            pane.highlighted,
            pane.option_count,
            int(pane.scroll_offset.y),
            pane.virtual_region,
        )
        if seen != self._seen:
            self._seen = seen
            self.keep_in_view(pane)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Textual scrolls the whole pane into view, its top first when it is taller than the stack.
        pane = event.widget
        if isinstance(pane, RowList) and pane.parent is self:
            self._last = pane
            self.call_after_refresh(self.keep_in_view, pane)
            if pane not in self._watched:
                # The pane's own watcher has scrolled its rows when this one runs (a message
                # would come a frame later, and the lists stop their own).
                self._watched.add(pane)
                self.watch(pane, "highlighted", partial(self._moved, pane), init=False)

    def _moved(self, pane: RowList) -> None:
        if pane is self._last:  # not another pane's cursor, moved by a go-to in the background
            self.keep_in_view(pane)
