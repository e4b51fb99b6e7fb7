"""Synthetic datasets of any size whose every excerpt is a real passage of the bundled seeds."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
KINDS = ("demand", "red-line", "offer", "proposal", "rejects", "stance")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
PARTIES = {"ua": "Ukraine", "ru": "Russia", "us": "United States", "eu": "Europe"}


def _passages(seed_dir: Path) -> dict[str, list[str]]:
    """Word-aligned windows of 8–20 words from each seed's paragraphs: verbatim, so they verify."""
    out: dict[str, list[str]] = {}
    for path in sorted(seed_dir.glob("*.txt")):
        windows = []
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            words = paragraph.split()
            for start in range(0, max(0, len(words) - 20), 7):
                windows.append(" ".join(words[start : start + 8 + start % 13]))
        out[path.name] = windows
    return out


def generate(positions: int, target: Path, seed: int = 7) -> Path:
    """Write target/data/positions.yaml (and target/seeds) with `positions` positions,
    a tenth as many timeline items and as many meetings, and one or two excerpts each."""
    rng = random.Random(seed)
    shutil.copytree(REPO / "seeds", target / "seeds", dirs_exist_ok=True)
    passages = _passages(target / "seeds")
    files = list(passages)
    issues = max(10, positions // 100)
    lines = ["version: 1", f"title: Synthetic negotiation ({positions} positions)", "sources:"]
    for n, name in enumerate(files):
        lines += [
            f"  s{n}:",
            f"    file: {name}",
            f"    title: Source {n}",
            f"    published: 2026-02-0{n + 1}",
        ]
    lines.append("parties:")
    for pid, name in PARTIES.items():
        lines += [f"  {pid}:", f"    name: {name}", f"    short: {pid.upper()}"]
    lines.append("issues:")
    for i in range(issues):
        lines += [
            f"  issue-{i}:",
            f"    name: Issue number {i}",
            f"    alignment: {rng.choice(['agreed', 'close', 'apart', 'unclear'])}",
        ]

    def excerpts() -> list[str]:
        out = ["    excerpts:"]
        for _ in range(rng.choice((1, 1, 2))):
            n = rng.randrange(len(files))
            out += [
                f"      - source: s{n}",
                f"        quote: {json.dumps(rng.choice(passages[files[n]]), ensure_ascii=False)}",
            ]
        return out

    lines.append("positions:")
    for i in range(positions):
        lines += [
            f"  p-{i}:",
            f"    party: {rng.choice(list(PARTIES))}",
            f"    issue: issue-{rng.randrange(issues)}",
            f"    kind: {rng.choice(KINDS)}",
            f"    stance: Stance number {i} on the matter at hand",
            *excerpts(),
        ]
    for section, kinds in (
        ("timeline", ("deadline", "milestone", "election")),
        ("meetings", ("meeting", "event")),
    ):
        lines.append(f"{section}:")
        for i in range(max(1, positions // 10)):
            month = 1 + i % 12
            lines += [
                f"  {section[0]}-{i}:",
                f"    kind: {rng.choice(kinds)}",
                f"    title: {section.title()} item {i}",
                f"    date: {rng.choice([f'2026-{month:02d}-{1 + i % 28:02d}', f'by end of {MONTHS[month - 1]} 2026', f'2026-{month:02d}', 'Q3 2026', 'summer 2026'])}",
                f"    status: {rng.choice(['proposed', 'held', 'scheduled'])}",
                f"    proposed_by: [{rng.choice(list(PARTIES))}]",
                *excerpts(),
            ]
    data = target / "data" / "positions.yaml"
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return data


if __name__ == "__main__":
    import sys

    print(generate(int(sys.argv[1]), Path(sys.argv[2])))
