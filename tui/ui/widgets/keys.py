"""Vim-style movement keys shared by every list-like pane."""

from textual.binding import Binding

VIM_MOVES = [
    Binding("j", "cursor_down", "Down", show=False, tooltip="down / up (as ↓ ↑)"),
    Binding("k", "cursor_up", "Up", show=False),
]
