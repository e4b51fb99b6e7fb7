"""Reading typed fields out of located YAML nodes, collecting every problem with its place."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from tui.data.dates import DateError, PartialDate, parse_date
from tui.data.model import Location, Problem
from tui.data.yamlnodes import Node

ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
TRUE, FALSE = frozenset({"true", "yes"}), frozenset({"false", "no"})


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a close choice exists, else ''."""
    options = list(choices)
    lowered = word.lower()
    # A case slip or an extra/missing tail letter is the likeliest typo for short ids.
    close = [c for c in options if c.lower() == lowered]
    close = close or [c for c in options if lowered.startswith(c.lower()) or c.lower().startswith(lowered)]
    if not close:
        import difflib  # only a file with problems pays for it

        close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def describe(node: Node) -> str:
    return {"text": "text", "list": "a list", "mapping": "a mapping"}[node.kind]


class Problems:
    """Every problem found in one file, in the order found."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Problem] = []

    def add(self, where: Node | Location | None, message: str) -> None:
        if where is None:
            self.items.append(Problem(self.file, message))
        else:
            self.items.append(Problem(self.file, message, where.line, where.col))


class Fields:
    """The keys of one mapping node, read once each; unknown and missing keys become problems."""

    def __init__(self, node: Node, what: str, known: tuple[str, ...], problems: Problems) -> None:
        self.node, self.what, self.problems = node, what, problems
        assert isinstance(node.value, dict)
        self.entries = node.value
        for key, (key_node, _) in self.entries.items():
            if key not in known:
                problems.add(
                    key_node,
                    f"unknown key '{key}' in {what}{did_you_mean(key, known)}; "
                    f"known keys: {', '.join(known)}",
                )

    def get(self, key: str) -> Node | None:
        entry = self.entries.get(key)
        return entry[1] if entry else None

    def _missing(self, key: str) -> None:
        self.problems.add(self.node, f"{self.what} has no '{key}'")

    def text(self, key: str, default: str | None = None) -> str:
        node = self.get(key)
        if node is None:
            if default is None:
                self._missing(key)
            return default or ""
        if not isinstance(node.value, str):
            self.problems.add(node, f"'{key}' of {self.what} should be text, not {describe(node)}")
            return default or ""
        if not node.value.strip() and default is None:
            self.problems.add(node, f"'{key}' of {self.what} is empty")
        return node.value.strip()

    def flag(self, key: str) -> bool:
        node = self.get(key)
        if node is None:
            return False
        word = node.value.lower() if isinstance(node.value, str) else ""
        if word in TRUE or word in FALSE:
            return word in TRUE
        self.problems.add(node, f"'{key}' of {self.what} should be true or false")
        return False

    def choice(self, key: str, choices: tuple[str, ...], default: str | None = None) -> str:
        value = self.text(key, default)
        if value and value not in choices:
            node = self.get(key)
            self.problems.add(
                node or self.node,
                f"'{key}' of {self.what} is '{value}'{did_you_mean(value, choices)}; "
                f"use one of: {', '.join(choices)}",
            )
            return default or choices[0]
        return value

    def date(self, key: str, default: PartialDate | None = None) -> PartialDate | None:
        node = self.get(key)
        if node is None:
            if default is None:
                self._missing(key)
            return default
        if not isinstance(node.value, str):
            self.problems.add(node, f"'{key}' of {self.what} should be a date as text, not {describe(node)}")
            return None
        try:
            return parse_date(node.value)
        except DateError as error:
            self.problems.add(node, f"{key} of {self.what}: {error}")
            return None

    def texts(self, key: str) -> list[tuple[str, Node]]:
        """A list of text items (or one text, taken as a list of one)."""
        node = self.get(key)
        if node is None:
            return []
        if isinstance(node.value, str):
            return [(node.value.strip(), node)]
        if isinstance(node.value, dict):
            self.problems.add(node, f"'{key}' of {self.what} should be a list, not a mapping")
            return []
        out = []
        for item in node.value:
            if isinstance(item.value, str):
                out.append((item.value.strip(), item))
            else:
                self.problems.add(item, f"each item of '{key}' in {self.what} should be text")
        return out

    def items(self, key: str) -> list[Node]:
        """A list of mapping nodes under key."""
        node = self.get(key)
        if node is None:
            return []
        if not isinstance(node.value, list):
            self.problems.add(node, f"'{key}' of {self.what} should be a list ('- ' items)")
            return []
        return node.value


def entries(node: Node | None, section: str, problems: Problems) -> Iterator[tuple[str, Node, Node]]:
    """(id, key node, value node) of a top-level section that maps ids to mappings."""
    if node is None:
        return
    if not isinstance(node.value, dict):
        problems.add(node, f"'{section}' should be a mapping of ids to entries, not {describe(node)}")
        return
    for key, (key_node, value) in node.value.items():
        if not ID.match(key):
            problems.add(
                key_node,
                f"'{key}' is not a usable id in '{section}': use lower-case letters, digits and '-'",
            )
            continue
        if not isinstance(value.value, dict):
            problems.add(
                value, f"'{section}' entry '{key}' should be a mapping of fields, not {describe(value)}"
            )
            continue
        yield key, key_node, value
