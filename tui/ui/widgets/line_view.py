"""Giving a Line API view a new scrollable size without laying the whole screen out again."""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.widget import Widget


def set_virtual_size(view: ScrollView, size: Size) -> None:
    """Set the size a view that draws its own lines scrolls over.

    Textual's `virtual_size` is a layout reactive: setting it lays out the whole screen (every
    widget placed again and the screen repainted, about 15 ms a frame at 120×40 in bench/), once
    per cursor move in the source pane. A view of fixed height needs none of that: only its
    scrollbars change, which is what `_scroll_update` does when a layout hands a ScrollView a new
    virtual size (textual is pinned, so this private call is checked by the tests on every bump).
    Were a scrollbar to appear or go, Textual lays out as usual. A view whose height follows its
    content (`height: auto`) takes the usual path: its height may change with the size.
    """
    if size == view.virtual_size:
        return
    height = view.styles.height
    if height is None or height.is_auto or not view.is_mounted:
        view.virtual_size = size
        return
    view.set_reactive(Widget.virtual_size, size)
    view._scroll_update(size)  # the layout-free half of Textual's own path (see above)
    view.refresh()
