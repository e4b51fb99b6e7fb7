"""An OptionList that says where its cursor is among its items ("12/33"), and how many the filter left."""

from __future__ import annotations

from bisect import bisect_left

from textual.widgets import OptionList


class CountedList(OptionList):
    """Headings and placeholders are disabled options: only the items are counted."""

    _items: list[int] = []
    _of_all = ""

    def count_items(self, shown: int, total: int) -> None:
        """Call after refilling: `shown` items of `total` in the data (fewer under a filter)."""
        self._items = [i for i in range(self.option_count) if not self.get_option_at_index(i).disabled]
        self._of_all = f" · {total} in all" if shown != total else ""
        self._say_where(self.highlighted)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        self._say_where(highlighted)

    def _say_where(self, highlighted: int | None) -> None:
        count = len(self._items)
        at = bisect_left(self._items, highlighted) if highlighted is not None else count
        here = f"{at + 1}/{count}" if at < count and self._items[at] == highlighted else f"{count}"
        self.border_subtitle = here + self._of_all
