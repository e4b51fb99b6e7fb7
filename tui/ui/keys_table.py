"""The one table of keys, read from the bindings themselves: the help screen and the README's key
table are both printed from it, so neither can drift from what is bound.

`python -m tui.ui.keys_table` prints the README's table.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass

from textual.app import App
from textual.binding import Binding, BindingType
from textual.keys import format_key

import tui.ui.screens
from tui.ui.screens.dashboard import DashboardScreen
from tui.ui.screens.overlay import Overlay
from tui.ui.screens.pane_table import PANES, slots_for


@dataclass(frozen=True, slots=True)
class KeySection:
    title: str
    rows: tuple[tuple[str, str], ...]
    """(keys as shown, what they do)."""


def _binding(entry: BindingType) -> Binding:
    return entry if isinstance(entry, Binding) else Binding(*entry)


def class_bindings(cls: type, ours: bool | None = None) -> list[Binding]:
    """The bindings a class has, its bases' first, a subclass's replacing a base's for the same
    key, as Textual merges them. `ours` keeps only the project's (True) or only Textual's (False)."""
    # A key may have several bindings in one class (the matrix's Enter: "Why" on the issue's
    # columns, "All in cell" on a party's), each shown where its check_action allows it; a
    # class's bindings for a key replace all of its bases' for that key.
    merged: dict[str, list[Binding]] = {}
    for klass in reversed(cls.__mro__):
        if ours is not None and klass.__module__.startswith("tui.") != ours:
            continue
        own: dict[str, list[Binding]] = {}
        for entry in klass.__dict__.get("BINDINGS", ()):
            binding = _binding(entry)
            own.setdefault(binding.key, []).append(binding)
        merged.update(own)
    return [binding for bindings in merged.values() for binding in bindings]


# How format_key writes these keys, and how a person reads them.
NAMES = {
    "tab": "Tab",
    "esc": "Esc",
    "⏎": "Enter",
    "pgup": "PgUp",
    "pgdn": "PgDn",
    "home": "Home",
    "end": "End",
    "space": "Space",
    "escape": "Esc",
    "enter": "Enter",
}


def shown(binding: Binding) -> str:
    """A binding's keys as a person types them: '?', 'j ↓', 'Ctrl+P', 'Shift+Tab'."""
    if binding.key_display:
        return binding.key_display
    keys = []
    for key in binding.key.split(","):
        *modifiers, last = key.strip().split("+")
        name = NAMES.get(format_key(last), format_key(last))
        name = name.upper() if modifiers and len(name) == 1 else name
        keys.append("+".join([*(m.capitalize() for m in modifiers), name]))
    return " ".join(keys)


def _rows(bindings: Iterable[Binding], pairs: bool = True) -> tuple[tuple[str, str], ...]:
    """A row per action: bindings of one action with other arguments ('month(-1)', 'month(1)';
    'article(0)' … 'article(8)') share the row of the first, which says what they do. With
    `pairs`, a binding without a tooltip shares the row of the one before it that has one:
    the project writes `j` "down / up" and `k` after it."""
    groups: list[tuple[Binding, list[str]]] = []
    for b in bindings:
        if b.system or not (b.tooltip or b.description):
            continue
        same_action = groups and b.action.split("(")[0] == groups[-1][0].action.split("(")[0]
        if groups and (same_action or (pairs and not b.tooltip and groups[-1][0].tooltip)):
            groups[-1][1].append(shown(b))
        else:
            groups.append((b, [shown(b)]))
    return tuple((_keys(first, keys), first.tooltip or first.description) for first, keys in groups)


def _keys(first: Binding, keys: list[str]) -> str:
    """'[ ]' where the first binding shows the pair itself; 'a, 1 … 9'; 'n / N'."""
    if first.key_display:
        return first.key_display
    digits = [k for k in keys if k.isdigit()]
    words = [k for k in keys if not k.isdigit()]
    if len(digits) > 2:
        words.append(f"{digits[0]} … {digits[-1]}")
    else:
        words.extend(digits)
    return " / ".join(words)


def overlays() -> list[type[Overlay]]:
    """Every screen opened over the dashboard, each imported once (they load lazily otherwise)."""
    for module in pkgutil.iter_modules(tui.ui.screens.__path__):
        importlib.import_module(f"tui.ui.screens.{module.name}")
    found: list[type[Overlay]] = []
    bases = [Overlay]
    while bases:  # every subclass, not only the direct ones (ExcerptsOverlay's views)
        subclasses = bases.pop().__subclasses__()
        found.extend(subclasses)
        bases.extend(subclasses)
    return sorted((cls for cls in found if cls.HELP_TITLE), key=lambda c: c.__name__)


def key_sections(
    app: type[App[int]], panes: list[tuple[str, str]], first: type | None = None
) -> list[KeySection]:
    """Every key, grouped by where it works. `panes` are (key, pane name) as the dashboard has
    them now; `first` puts that screen's or pane's keys at the head (the help opened over an
    overlay, or from the plans: it opened at "Panes" with the plans' keys far below, a newcomer)."""
    dashboard = class_bindings(DashboardScreen, ours=True)
    cycling = [b for b in dashboard if b.action.startswith("cycle")]
    rest = [b for b in dashboard if not b.action.startswith(("cycle", "pane_key"))]
    palette = Binding(
        app.COMMAND_PALETTE_BINDING,
        "command_palette",
        tooltip="command palette: go to a pane, party, issue, deadline or meeting; export; theme",
    )
    sections = [
        KeySection("Panes", (*panes, *_rows(cycling))),
        KeySection("Everywhere on the dashboard", _rows([*rest, *class_bindings(app, ours=True), palette])),
    ]
    # A key bound alike in several panes is listed once, under "In every list"; the rest under
    # their pane. Textual's own keys (arrows, Home/End, Tab between widgets) once at the end.
    kinds = list(dict.fromkeys(row.kind for row in PANES))
    # A pane's binding that only repeats a dashboard key for its footer ('a', 't') is the
    # dashboard's, listed there.
    repeated = {(b.key, f"screen.{b.action}") for b in dashboard}
    own = {
        kind: [b for b in class_bindings(kind, ours=True) if (b.key, b.action) not in repeated]
        for kind in kinds
    }

    def same(b: Binding) -> tuple[str, str, str]:
        return (b.key, b.action, b.description)

    seen: dict[tuple[str, str, str], int] = {}
    for bindings in own.values():
        for b in bindings:
            seen[same(b)] = seen.get(same(b), 0) + 1
    shared = {k for k, n in seen.items() if n > 1}
    common = {same(b): b for bindings in own.values() for b in bindings if same(b) in shared}
    sections.append(KeySection("In every list or text where they apply", _rows(common.values())))
    pane_sections: list[tuple[type, KeySection]] = []
    for row in PANES:
        if row.kind in own:
            title = "In a party pane" if row.per_party else f"In the {row.name.split(' (')[0]}"
            mine = (b for b in own.pop(row.kind) if same(b) not in shared)
            if unique := _rows(mine):
                section = KeySection(title, unique)
                sections.append(section)
                pane_sections.append((row.kind, section))
    screens = [(cls, KeySection(cls.HELP_TITLE, _rows(class_bindings(cls, ours=True)))) for cls in overlays()]
    # Textual's own keys, but for those the dashboard gives another meaning (Tab: next pane).
    textual: dict[str, Binding] = {}
    classes: list[type] = [*kinds, DashboardScreen, *(cls for cls, _ in screens), app]
    for cls in classes:
        textual |= {b.key: b for b in class_bindings(cls, ours=False)}
    ours = {b.key for b in dashboard}
    textual = {key: b for key, b in textual.items() if key not in ours}
    sections.append(KeySection("Textual's own keys", _rows(textual.values(), pairs=False)))
    ahead = [section for cls, section in [*screens, *pane_sections] if cls is first]
    behind = [section for cls, section in screens if cls is not first]
    return [*ahead, *(section for section in sections if section not in ahead), *behind]


def markdown(sections: list[KeySection]) -> str:
    """The README's key table."""
    lines = ["| where | key | does |", "|---|---|---|"]
    for section in sections:
        for keys, meaning in section.rows:
            cell, does = keys.replace("|", "\\|"), meaning.replace("|", "\\|")
            lines.append(f"| {section.title} | `{cell}` | {does} |")
    return "\n".join(lines) + "\n"


def readme_sections() -> list[KeySection]:
    """The sections for the README: the panes as the bundled four-party file has them, at any size."""
    from tui.ui.app import PeaceDashApp

    slots = slots_for([(str(n), "") for n in range(4)])
    parties = [slot for slot in slots if slot.row.per_party]
    panes = [
        (f"{parties[0].shown_key}-{parties[-1].shown_key}", "party panes, one per party in the file's order")
    ]
    panes += [(slot.shown_key, slot.name) for slot in slots if not slot.row.per_party]
    return key_sections(PeaceDashApp, panes)


if __name__ == "__main__":
    print(markdown(readme_sections()), end="")
