"""Command line: `peacedash [FILE]` opens the dashboard; `check` never imports Textual."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from tui.data.paths import DataFile, choose_data

COMMANDS = ("init", "check", "export", "brief", "changes", "cite", "add-source")


def _today(text: str) -> date:
    from tui.data.dates import EARLIEST, LATEST

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date: write it as YYYY-MM-DD") from None
    if not EARLIEST <= day <= LATEST:
        raise argparse.ArgumentTypeError(
            f"'{text}' is outside the years {EARLIEST.year}–{LATEST.year} peacedash works in"
        )
    return day


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="the data file (default: ./data/positions.yaml, else the bundled one)",
    )
    parser.add_argument(
        "--today",
        type=_today,
        default=None,
        metavar="YYYY-MM-DD",
        help="judge deadlines against this date instead of today",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peacedash",
        description="A terminal dashboard of the Russia–Ukraine peace process.",
        epilog=(
            "Commands: 'peacedash init [DIR]' writes an editable copy of the sample data; "
            "'peacedash check [FILE]' validates a data file and its excerpts; "
            "'peacedash export {ics,md,json} [FILE] [-o OUT]' exports it; "
            "'peacedash brief [FILE]' prints the state of play as plain text; "
            "'peacedash changes [FILE] [--since DATE|REV]' lists what changed, from git."
        ),
    )
    _common(parser)
    parser.add_argument(
        "--since",
        metavar="DATE|REV",
        default="",
        help="mark what changed since this day (YYYY-MM-DD) or commit, from the file's git history",
    )
    return parser


def _command(name: str, description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"peacedash {name}", description=description)
    _common(parser)
    return parser


def build_check_parser() -> argparse.ArgumentParser:
    parser = _command(
        "check", "Validate a data file: structure, ids, dates, and every excerpt against its source."
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 on warnings too (a quote that drops its sentence's hedge or speaker)",
    )
    return parser


def build_export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peacedash export",
        description="Export the timeline and meetings as an iCalendar file, a Markdown brief with citations, or JSON.",
    )
    parser.add_argument("format", choices=("ics", "md", "json"), help="what to write")
    _common(parser)
    parser.add_argument(
        "-o", "--output", type=Path, default=None, metavar="OUT", help="write here instead of standard output"
    )
    _since(parser, "md and json: open with / carry what changed since this day (YYYY-MM-DD) or commit")
    return parser


def _since(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--since", metavar="DATE|REV", default="", help=what)


def build_init_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peacedash init",
        description="Write an editable copy of the sample data (data/positions.yaml and seeds/) into a folder.",
    )
    parser.add_argument(
        "folder", nargs="?", type=Path, default=Path("."), help="where to write it (default: here)"
    )
    return parser


def build_brief_parser() -> argparse.ArgumentParser:
    parser = _command(
        "brief", "Print the state of play as plain text: what is due next, what passed, where parties stand."
    )
    _since(parser, "open with what changed since this day (YYYY-MM-DD) or commit, from git")
    return parser


def build_add_source_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peacedash add-source",
        description=(
            "Copy an article (UTF-8 text) into the seeds folder, never over a file, and print a ready "
            "'sources:' entry of what the text prints: headline, dateline or date, credit, byline, "
            "each with the line it came from, or 'unknown'. Never edits the data file."
        ),
    )
    parser.add_argument("article", type=Path, help="the article as a text file")
    parser.add_argument("file", nargs="?", type=Path, help="the data file (default: ./data/positions.yaml)")
    parser.add_argument("--id", default=None, help="the source id (default: from the headline)")
    return parser


def build_cite_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peacedash cite",
        description=(
            "Find words in a source (exactly, else the closest passage), show the sentence they "
            "stand in, and print a ready 'excerpts:' entry whose quote passes check. Warns when "
            "the sentence carries a hedge or a speaker the quote would drop. Never edits the file."
        ),
    )
    parser.add_argument("source", help="a source id of the data file, or a file in its seeds folder")
    parser.add_argument(
        "words", nargs="+", help="the words to find (a last argument ending .yaml is the data file)"
    )
    return parser


def build_changes_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peacedash changes",
        description=(
            "What changed in the data file, commit by commit, from its git history: claims added, "
            "removed and changed, field by field. Without git history, --since DATE lists the "
            "claims dated on or after DATE."
        ),
    )
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="the data file (default: ./data/positions.yaml, else the bundled one)",
    )
    parser.add_argument(
        "--since", metavar="DATE|REV", help="only commits after this day (YYYY-MM-DD) or commit"
    )
    parser.add_argument("--format", choices=("text", "md", "json"), default="text", help="how to print it")
    return parser


def _data(parser: argparse.ArgumentParser, args: argparse.Namespace) -> DataFile:
    """The data file; one that is named but missing is a usage error (exit 2), before anything runs."""
    chosen = choose_data(args.file)
    if args.file is not None and not os.path.lexists(args.file):
        parser.error(f"{args.file}: no such file (name a data file, or run 'peacedash init' to make one)")
    return chosen


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = args_list[0] if args_list else ""
    if command == "init":
        from tui.commands.init import run_init

        init_args = build_init_parser().parse_args(args_list[1:])
        return run_init(init_args.folder)
    if command == "check":
        parser = build_check_parser()
        args = parser.parse_args(args_list[1:])
        from tui.commands.check import run_check

        return run_check(_data(parser, args).path, args.today or date.today(), args.strict)
    if command == "add-source":
        from tui.commands.add_source import run_add_source

        parser = build_add_source_parser()
        args = parser.parse_args(args_list[1:])
        return run_add_source(_data(parser, args).path, args.article, args.id)
    if command == "cite":
        from tui.commands.cite import run_cite

        parser = build_cite_parser()
        args = parser.parse_args(args_list[1:])
        words = list(args.words)
        named = Path(words.pop()) if len(words) > 1 and words[-1].endswith((".yaml", ".yml")) else None
        args.file = named
        return run_cite(_data(parser, args).path, args.source, words)
    if command == "changes":
        from tui.commands.changes import run_changes

        parser = build_changes_parser()
        args = parser.parse_args(args_list[1:])
        return run_changes(_data(parser, args).path, args.since, args.format)
    if command in ("export", "brief"):
        from tui.commands.export import run_export

        parser = build_export_parser() if command == "export" else build_brief_parser()
        args = parser.parse_args(args_list[1:])
        kind = args.format if command == "export" else "brief"
        return run_export(
            kind,
            _data(parser, args).path,
            args.today or date.today(),
            getattr(args, "output", None),
            args.since,
        )
    parser = build_parser()
    args = parser.parse_args(args_list)
    data = _data(parser, args)
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        # Drawing the dashboard into a file or a pipe fills it with escape codes until killed.
        print(
            "peacedash: the dashboard needs a terminal; for plain text use 'peacedash brief', "
            "or 'peacedash export md|json|ics'",
            file=sys.stderr,
        )
        return 2
    # Start-up builds many objects and frees few: the collector's passes over them are wasted
    # time before the first screen (measured in bench/). The app collects once and turns the
    # collector back on when the first screen has settled (PeaceDashApp._settle_memory).
    gc.disable()
    from tui.ui.app import run_app

    return run_app(data, args.today, args.since)


if __name__ == "__main__":
    raise SystemExit(main())
