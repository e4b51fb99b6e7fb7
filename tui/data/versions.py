"""Many versions of one data file, parsed fast: an entry unchanged since an earlier version is
not parsed again.

Consecutive versions in git differ in a few entries, and parsing is most of a load (about 50 of
60 ms at 1,000 positions, bench/). The text is cut at its top-level keys and at each entry of the
id-keyed sections; each entry is parsed alone (cached by its text) and the tree is put together
again. Anything this simple cut does not cover (flow style, tabs, odd indentation, several
documents, a refused tag or anchor, a duplicate id) is parsed whole by the ordinary parser, and a
version with problems is parsed whole again by the caller so that every problem has its true line.
"""

from __future__ import annotations

import re

from tui.data.yamlnodes import Node, YamlProblem, parse_nodes

SECTIONS = frozenset({"sources", "parties", "issues", "positions", "timeline", "meetings"})
TOP_KEY = re.compile(r"([A-Za-z_][\w-]*):[ \t]*(?:#.*)?$")
TOP_LINE = re.compile(r"[A-Za-z_][\w-]*:")
ENTRY_KEY = re.compile(r"  ([A-Za-z0-9_][A-Za-z0-9_.-]*):[ \t]*(?:#.*)?$")


def _blank(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


class VersionParser:
    """Parses successive versions of a file, reusing the entries it has parsed before."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[Node, Node] | None] = {}
        self.parsed_whole = 0
        """How many versions needed the ordinary whole-file parse (for the bench and tests)."""

    def parse(self, text: str) -> tuple[Node, list[YamlProblem]]:
        tree = self._by_entries(text)
        if tree is not None:
            return tree, []
        self.parsed_whole += 1
        return parse_nodes(text)

    def _by_entries(self, text: str) -> Node | None:
        head: list[str] = []
        sections: dict[str, list[list[str]]] = {}
        section: list[list[str]] | None = None
        for line in text.split("\n"):
            if line.startswith(("---", "...", "%", "\t", "\ufeff")):
                return None
            if line and not line[0].isspace() and not line.startswith("#"):
                key = TOP_KEY.match(line)
                if key and key.group(1) in SECTIONS:
                    if key.group(1) in sections:
                        return None  # a section twice: the whole parse says so, located
                    section = sections[key.group(1)] = []
                    head.append(f"{key.group(1)}: ~")
                    continue
                if not TOP_LINE.match(line):
                    return None
                section = None
                head.append(line)
                continue
            if section is None:
                head.append(line)
                continue
            if ENTRY_KEY.match(line):
                section.append([line])
            elif section:
                section[-1].append(line)
            elif not _blank(line):
                return None  # text between a section's key and its first entry
        root = self._parsed("\n".join(head))
        if root is None or not isinstance(root.value, dict):
            return None
        for name, chunks in sections.items():
            section_key, _ = root.value[name]
            entries: dict[str, tuple[Node, Node]] = {}
            for chunk in chunks:
                entry = self._entry(chunk)
                if entry is None or str(entry[0].value) in entries:
                    return None
                entries[str(entry[0].value)] = entry
            root.value[name] = (section_key, Node(entries, section_key.line, section_key.col))
        return root

    def _parsed(self, text: str) -> Node | None:
        try:
            node, soft = parse_nodes(text)
        except YamlProblem:
            return None
        return None if soft else node

    def _entry(self, chunk: list[str]) -> tuple[Node, Node] | None:
        text = "\n".join(chunk)
        if text in self._entries:
            return self._entries[text]
        entry: tuple[Node, Node] | None = None
        if all(not line or line.startswith("  ") or _blank(line) for line in chunk):
            node = self._parsed("\n".join(line[2:] if line.startswith("  ") else "" for line in chunk))
            if node is not None and isinstance(node.value, dict) and len(node.value) == 1:
                entry = next(iter(node.value.values()))
        self._entries[text] = entry
        return entry
