"""Vim-style movement keys shared by every list-like pane."""

from textual.binding import Binding

VIM_MOVES = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
]
