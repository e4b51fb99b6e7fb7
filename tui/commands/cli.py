"""Command line: `peacedash [FILE]` opens the dashboard; `check` never imports Textual."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple

from tui.data.paths import DataFile, choice_note, choose_data


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
        help="the data file (default: data/positions.yaml here or in a folder above, else the bundled one)",
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
        epilog=_commands_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _common(parser)
    parser.add_argument(
        "--since",
        metavar="DATE|REV|last",
        default="",
        help="mark what changed since this day (YYYY-MM-DD) or commit, from the file's git history; "
        "'last': since your last look",
    )
    parser.add_argument(
        "--no-remember",
        action="store_true",
        help="do not remember this look (a shared screen): the next 'since your last look' ignores it",
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="run no editor and write no file (the e key and exports say so instead)",
    )
    return parser


def _commands_help() -> str:
    """The commands, each with its usage and what it does, from the command table (COMMANDS)."""
    import textwrap

    rows = ["commands (each takes -h for its own help):"]
    for command in COMMANDS.values():
        sub = command.build()
        usage = " ".join(sub.format_usage().removeprefix("usage:").replace("[-h] ", "").split())
        summary = (sub.description or "").split(". ")[0].rstrip(".") + "."
        rows.append(f"  {usage}")
        rows += textwrap.wrap(summary, 78, initial_indent="      ", subsequent_indent="      ")
    rows.append(
        "With no FILE, every command uses data/positions.yaml in this folder or the first folder "
        "above it that has one (up to a git repository's root), else the bundled sample."
    )
    return "\n".join(rows[:-1]) + "\n\n" + textwrap.fill(rows[-1], 78)


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
        help="exit 1 on warnings too (a dropped hedge, speaker or estimative word; a date from the source the sentence contradicts)",
    )
    return parser


def build_export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peacedash export",
        description=(
            "Export the timeline and meetings as an iCalendar file, a Markdown brief with citations, "
            "JSON, a CSV data package (csv, into a folder) or W3C Web Annotations of every excerpt."
        ),
    )
    parser.add_argument(
        "format",
        choices=("ics", "md", "json", "csv", "annotations"),
        help="what to write (csv: a Frictionless data package, needs -o DIR)",
    )
    _common(parser)
    parser.add_argument(
        "-o", "--output", type=Path, default=None, metavar="OUT", help="write here instead of standard output"
    )
    _since(parser, "md and json: open with / carry what changed since this day (YYYY-MM-DD) or commit")
    return parser


def build_serve_parser() -> argparse.ArgumentParser:
    parser = _command(
        "serve",
        "Serve the dashboard to web browsers (textual-serve): each browser gets a fresh, read-only "
        "dashboard. Bound to this machine only (127.0.0.1) unless --host is given.",
    )
    parser.add_argument("--port", type=_port, default=8000, metavar="N", help="the port (default: 8000)")
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="H",
        help="the address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for every network)",
    )
    return parser


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port: give a number from 1 to 65535")
    return int(text)


def _since(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--since", metavar="DATE|REV|last", default="", help=what + "; 'last': since your last look"
    )


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
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="the data file (default: data/positions.yaml here or in a folder above)",
    )
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
    parser.add_argument(
        "--sentence",
        action="store_true",
        help="quote the whole sentence the words stand in (default: the words typed, first to last)",
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
        help="the data file (default: data/positions.yaml here or in a folder above, else the bundled one)",
    )
    parser.add_argument(
        "--since",
        metavar="DATE|REV|last",
        help="only commits after this day (YYYY-MM-DD) or commit; 'last': since your last look",
    )
    parser.add_argument("--format", choices=("text", "md", "json"), default="text", help="how to print it")
    return parser


def build_coverage_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peacedash coverage",
        description=(
            "List each source's notable sentences (a number, a date, a quotation, a speaker, a "
            "demand or refusal) that no excerpt cites, most to record first, with their lines, "
            "and the share of notable sentences cited. Never edits the file."
        ),
    )
    parser.add_argument("source", nargs="?", help="one source id (default: every source)")
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="the data file (default: data/positions.yaml here or in a folder above, else the bundled one)",
    )
    return parser


def _data(parser: argparse.ArgumentParser, args: argparse.Namespace, announce: bool = True) -> DataFile:
    """The data file; one that is named but missing is a usage error (exit 2), before anything runs.
    One found elsewhere than ./data/positions.yaml is said on stderr."""
    chosen = choose_data(args.file)
    if args.file is not None and not os.path.lexists(args.file):
        parser.error(f"{args.file}: no such file (name a data file, or run 'peacedash init' to make one)")
    if announce:
        _announce(chosen, args.file)
    return chosen


def _announce(chosen: DataFile, named: Path | None) -> None:
    if note := choice_note(chosen, named):
        print(note, file=sys.stderr)


def _run_init(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from tui.commands.init import run_init

    return run_init(args.folder)


def _run_check(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from tui.commands.check import run_check

    return run_check(_data(parser, args).path, args.today or date.today(), args.strict)


def _run_export(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from tui.commands.export import run_export

    kind = getattr(args, "format", "brief")
    if kind == "csv" and args.output in (None, Path("-")):
        parser.error("export csv writes a folder of files: name it with -o DIR")
    path = _data(parser, args).path
    return run_export(kind, path, args.today or date.today(), getattr(args, "output", None), args.since)


def _run_serve(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    # The server and the served apps draw with Textual: they live in the dashboard's layer.
    from tui.ui.serve import serve_dashboard

    data = _data(parser, args)
    return serve_dashboard(data.path, data.bundled, args.today, args.host, args.port)


def _run_changes(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from tui.commands.changes import run_changes

    return run_changes(_data(parser, args).path, args.since, args.format)


def _run_add_source(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from tui.commands.add_source import run_add_source

    return run_add_source(_data(parser, args).path, args.article, args.id)


def _run_cite(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from tui.commands.cite import run_cite

    words = list(args.words)
    args.file = Path(words.pop()) if len(words) > 1 and words[-1].endswith((".yaml", ".yml")) else None
    return run_cite(_data(parser, args).path, args.source, words, args.sentence)


def _run_coverage(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from tui.commands.coverage import run_coverage

    if args.file is None and args.source and args.source.endswith((".yaml", ".yml")):
        args.file, args.source = Path(args.source), None  # one argument: the data file
    return run_coverage(_data(parser, args).path, args.source)


class Command(NamedTuple):
    """A subcommand: how its arguments are read and what runs it."""

    build: Callable[[], argparse.ArgumentParser]
    run: Callable[[argparse.ArgumentParser, argparse.Namespace], int]


# The one list of subcommands: main dispatches through it and --help lists it.
COMMANDS: dict[str, Command] = {
    "init": Command(build_init_parser, _run_init),
    "check": Command(build_check_parser, _run_check),
    "export": Command(build_export_parser, _run_export),
    "brief": Command(build_brief_parser, _run_export),
    "changes": Command(build_changes_parser, _run_changes),
    "add-source": Command(build_add_source_parser, _run_add_source),
    "cite": Command(build_cite_parser, _run_cite),
    "coverage": Command(build_coverage_parser, _run_coverage),
    "serve": Command(build_serve_parser, _run_serve),
}


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = COMMANDS.get(args_list[0]) if args_list else None
    if command is not None:
        parser = command.build()
        return command.run(parser, parser.parse_args(args_list[1:]))
    parser = build_parser()
    args = parser.parse_args(args_list)
    data = _data(parser, args, announce=False)
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        # Drawing the dashboard into a file or a pipe fills it with escape codes until killed.
        print(
            "peacedash: the dashboard needs a terminal; for plain text use 'peacedash brief', "
            "or 'peacedash export md|json|ics'",
            file=sys.stderr,
        )
        return 2
    _announce(data, args.file)
    # Start-up builds many objects and frees few: the collector's passes over them are wasted
    # time before the first screen (measured in bench/). The app collects once and turns the
    # collector back on when the first screen has settled (PeaceDashApp._settle_memory).
    gc.disable()
    from tui.ui.app import run_app

    if args.read_only:
        data = DataFile(data.path, data.bundled, read_only=True)
    return run_app(data, args.today, args.since, remember=not args.no_remember)


def entry() -> int:
    """The console script: `main`, then an exit that does not scan what the run made.

    The interpreter's last act is a full cyclic collection over every object still alive: after
    `check` of the bundled file, ≈ 16 ms of its ≈ 260 (measured side by side), and more after
    the dashboard. A run that is over has no cycles worth freeing, so they are moved out of the
    collector's sight; the rest of the exit (flushing, atexit) is Python's own. Only here, never
    in `main`: a process that goes on (a test calling `main`) must keep collecting."""
    code = main()
    gc.freeze()
    return code


if __name__ == "__main__":
    raise SystemExit(entry())
