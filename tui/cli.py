"""Command line: `peacedash [FILE]` opens the dashboard; `check` never imports Textual."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from tui.paths import default_data

COMMANDS = ("check",)


def _today(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date: write it as YYYY-MM-DD") from None


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", type=Path, help="the data file (default: ./data/positions.yaml, else the bundled one)")
    parser.add_argument("--today", type=_today, default=None, metavar="YYYY-MM-DD", help="judge deadlines against this date instead of today")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peacedash",
        description="A terminal dashboard of the Russia–Ukraine peace process.",
        epilog="Commands: 'peacedash check [FILE]' validates a data file and its excerpts.",
    )
    _common(parser)
    return parser


def build_check_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peacedash check",
        description="Validate a data file: structure, ids, dates, and every excerpt against its source.",
    )
    _common(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] == "check":
        args = build_check_parser().parse_args(args_list[1:])
        from tui.check import run_check

        return run_check(args.file or default_data(), args.today or date.today())
    args = build_parser().parse_args(args_list)
    from tui.app import run_app

    return run_app(args.file or default_data(), args.today)


if __name__ == "__main__":
    raise SystemExit(main())
