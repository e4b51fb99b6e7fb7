"""Command line: `peacedash [FILE]` opens the dashboard; `check` never imports Textual."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from tui.paths import default_data

COMMANDS = ("check", "export", "brief")


def _today(text: str) -> date:
    from tui.dates import EARLIEST, LATEST

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date: write it as YYYY-MM-DD") from None
    if not EARLIEST <= day <= LATEST:
        raise argparse.ArgumentTypeError(f"'{text}' is outside the years {EARLIEST.year}–{LATEST.year} peacedash works in")
    return day


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", type=Path, help="the data file (default: ./data/positions.yaml, else the bundled one)")
    parser.add_argument("--today", type=_today, default=None, metavar="YYYY-MM-DD", help="judge deadlines against this date instead of today")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peacedash",
        description="A terminal dashboard of the Russia–Ukraine peace process.",
        epilog=(
            "Commands: 'peacedash check [FILE]' validates a data file and its excerpts; "
            "'peacedash export {ics,md,json} [FILE] [-o OUT]' exports it; "
            "'peacedash brief [FILE]' prints the state of play as plain text."
        ),
    )
    _common(parser)
    return parser


def _command(name: str, description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"peacedash {name}", description=description)
    _common(parser)
    return parser


def build_check_parser() -> argparse.ArgumentParser:
    return _command("check", "Validate a data file: structure, ids, dates, and every excerpt against its source.")


def build_export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peacedash export",
        description="Export the timeline and meetings as an iCalendar file, a Markdown brief with citations, or JSON.",
    )
    parser.add_argument("format", choices=("ics", "md", "json"), help="what to write")
    _common(parser)
    parser.add_argument("-o", "--output", type=Path, default=None, metavar="OUT", help="write here instead of standard output")
    return parser


def build_brief_parser() -> argparse.ArgumentParser:
    return _command("brief", "Print the state of play as plain text: what is due next, what passed, where parties stand.")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = args_list[0] if args_list else ""
    if command == "check":
        args = build_check_parser().parse_args(args_list[1:])
        from tui.check import run_check

        return run_check(args.file or default_data(), args.today or date.today())
    if command in ("export", "brief"):
        from tui.export_cli import run_export

        if command == "export":
            args = build_export_parser().parse_args(args_list[1:])
            return run_export(args.format, args.file or default_data(), args.today or date.today(), args.output)
        args = build_brief_parser().parse_args(args_list[1:])
        return run_export("brief", args.file or default_data(), args.today or date.today(), None)
    args = build_parser().parse_args(args_list)
    from tui.app import run_app

    return run_app(args.file or default_data(), args.today)


if __name__ == "__main__":
    raise SystemExit(main())
