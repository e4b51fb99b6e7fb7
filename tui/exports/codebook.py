"""What each column of the CSV data package means: the one place its descriptions are kept, and
the codebook (docs/codebook.md) printed from them and from the package's own schemas."""

from __future__ import annotations

DATE_PARTS = ("text", "start", "end", "precision", "qualifier")

TABLES = {
    "sources": "One row per stored article (`sources:` in the data file).",
    "parties": "One row per party to the talks (`parties:`).",
    "issues": "One row per issue on the table (`issues:`).",
    "positions": "One row per position a party holds on an issue (`positions:`), current and superseded.",
    "dated_items": "One row per timeline item (`timeline:`: deadline, milestone, election) and meeting "
    "(`meetings:`: meeting, event), current and superseded.",
    "dated_item_parties": "Who proposed each timeline item (`proposed_by`) and who took part in each "
    "meeting (`participants`), one row per party, in the file's order.",
    "figures": "One row per number a source gives (`figures:`).",
    "excerpts": "One row per verbatim quote backing a position, dated item or figure, with where it "
    "stands in its stored source text.",
    "history": "One row per `supersedes:` link: the claim `id` replaces the earlier claim `supersedes`.",
}

# Descriptions by column name; (table, column) entries say what differs in one table.
COLUMNS = {
    "id": "The entry's id in the data file (unique within its table; claims and figures share one namespace).",
    "line": "The line of the data file the entry starts on.",
    "file": "The file name of the article under the data's seeds/ folder.",
    "title": "The headline or title, as written in the data file.",
    "outlet": "Who published it ('not named' where the article does not say).",
    "published_inferred": "true when the publication date is worked out by the curator, not printed in the article.",
    "note": "The curator's note (empty for none).",
    "name": "The full name.",
    "short": "A short label for narrow columns (empty for none).",
    "includes": "Who the party stands for besides itself, separated by ';' (empty for none).",
    "alignment": "Where the parties stand relative to each other on the issue, as the curator reads the "
    "sources (unclear when not recorded).",
    "party": "The id of the party (parties.id).",
    "issue": "The id of the issue (issues.id).",
    "kind": "What kind of entry it is (see the values).",
    "stance": "The position in a few words, as shown in the matrix.",
    "supersedes": "The id of the earlier entry of the same table this one replaces (empty for none).",
    "speaker": "Who the source quotes ('Foreign Minister Sybiha', 'an unnamed senior official'; empty when not said).",
    "reported": "true when the source reports the claim second-hand ('reportedly', 'sources said').",
    "hedged": "true when the source's words are estimative ('likely', 'could', 'about') and the claim "
    "keeps them by this mark rather than in its own words.",
    "dated_by_source": "true when the data file gives the claim no date of its own, so its date is its "
    "first excerpt's source date (check warns when the quoted sentence says otherwise).",
    "as_written": "The source's own words for the date (empty when the data does not give them).",
    "inferred": "true when the date, or its year, is not printed in the source.",
    "status": "The status the data file records (empty when none is recorded).",
    "status_today": "The status against the export's --today: recorded outcomes (held, met, missed, "
    "cancelled) first, else upcoming, due, past or undated from the date.",
    "place": "Where it happens (empty when not said).",
    "format": "The format of the meeting ('trilateral talks'; empty when not said).",
    "outcome": "What came of it (empty when not recorded).",
    "measures": "What the figure measures; figures with the same words are on the same measure and are never averaged.",
    "low": "The figure's value, or the low end of its range (empty for a figure in words).",
    "high": "The figure's value, or the high end of its range (empty for a figure in words).",
    "unit": "The unit ('%', 'drones'; empty for a figure in words with no unit).",
    "approximate": "true when the source says 'about', 'around', 'close to'.",
    "words": "The amount in the source's words, where it gives no number ('the largest since 2022').",
    "as_of_inferred": "true when the as-of date is worked out, not printed.",
    ("figures", "party"): "The id of the party the figure is about (empty for none).",
    ("figures", "issue"): "The id of the issue the figure is about (empty for none).",
    ("dated_item_parties", "dated_item"): "The id of the timeline item or meeting (dated_items.id).",
    ("dated_item_parties", "role"): "proposed_by for a proposer, participants for a participant.",
    ("dated_item_parties", "number"): "The party's place in that list of the data file, from 1.",
    ("excerpts", "cites"): "The id of the position, dated item or figure the excerpt backs.",
    ("excerpts", "number"): "The excerpt's place among that entry's excerpts, from 1.",
    ("excerpts", "position"): "The same id when it is a position (positions.id), else empty.",
    (
        "excerpts",
        "dated_item",
    ): "The same id when it is a timeline item or meeting (dated_items.id), else empty.",
    ("excerpts", "figure"): "The same id when it is a figure (figures.id), else empty.",
    ("excerpts", "source"): "The id of the source quoted (sources.id).",
    ("excerpts", "quote"): "The quote as the data file writes it (verified against the source; typographic "
    "quotes, dashes and spacing may differ from the source's own characters).",
    ("excerpts", "line"): "The line of the data file the excerpt starts on.",
    ("excerpts", "start"): "Where the quote starts in the source's text: an offset in Unicode characters "
    "(code points) from the start of the file, after a leading byte-order mark if any.",
    ("excerpts", "end"): "Where the quote ends in the source's text (exclusive), counted as start.",
    ("history", "id"): "The id of the claim that replaces another.",
    ("history", "supersedes"): "The id of the claim it replaces.",
    ("history", "what"): "The table both claims are in.",
}

DATES = {
    "published": "publication date",
    "stated": "date the position was stated (default: its first excerpt's source date)",
    "date": "date",
    "as_of": "as-of date (default: its first excerpt's source date)",
}
PART_WORDS = {
    "text": "as written in the data file ('by end of June 2026', 'unknown')",
    "start": "first day of the window the text names (ISO date; empty when unknown)",
    "end": "last day of that window, inclusive (ISO date; empty when unknown)",
    "precision": "how precise the text is (see the values)",
    "qualifier": "how the text qualifies the window: by, before, after, early, mid, late, end, around, "
    "or a combination such as 'by end' (empty for a plain date)",
}


def describe(table: str, column: str) -> str:
    """The column's description; "" when none is kept (a test makes sure there is one for each)."""
    if (table, column) in COLUMNS:
        return COLUMNS[(table, column)]
    if column in COLUMNS:
        return COLUMNS[column]
    stem, _, part = column.rpartition("_")
    if stem in DATES and part in PART_WORDS:
        return f"The {DATES[stem]}: {PART_WORDS[part]}."
    return ""


def codebook_markdown() -> str:
    """docs/codebook.md, from the tables' own schemas and descriptions (a test keeps them equal)."""
    from tui.exports.package import all_tables  # the package describes its columns from here

    out = [
        "# Codebook of the CSV data package",
        "",
        "<!-- printed by `python -m tui.exports.codebook` from the package's schemas; a test keeps it so -->",
        "",
        "`peacedash export csv [FILE] -o DIR` writes a [Frictionless](https://frictionlessdata.io) tabular",
        "data package: `datapackage.json` (a Table Schema per table: types, primary and foreign keys) and",
        "one CSV per table below, UTF-8, comma-separated, RFC 4180 quoting, a header row. An empty cell",
        "means the data file gives no value. Booleans are `true`/`false`, dates ISO `YYYY-MM-DD`.",
        "",
        "**Dates.** A date is as precise as its text, so each is five columns: `…_text` as written,",
        '`…_start` and `…_end` the window it names (inclusive; "by March 2026" is 1–31 March 2026,',
        '"2026" the whole year), `…_precision` how precise the text is (`day`, `range` for',
        "`2026-02-02/2026-02-08`, `week`, `month`, `season`, `quarter`, `half`, `year`, `unknown`) and",
        "`…_qualifier` its qualifier (`by`, `before`, `early`, `late`, `end`, `around`, …). Never read",
        "`…_start` alone as the day something happened: check the precision.",
        "",
        "**Text that looks like a formula.** A spreadsheet runs a cell starting with `=`, `+`, `-` or `@`",
        "as a formula. Every text value that starts with one of those characters, a tab, a carriage",
        "return or an apostrophe is written with one apostrophe in front (`'=SUM(…)`); spreadsheets show",
        "it as text. To get the data's own text, remove the first character of any text value that",
        "starts with `'`. Numbers keep their sign.",
    ]
    for table in all_tables():
        out += ["", f"## `{table.name}.csv`", "", TABLES[table.name], ""]
        out.append(f"Primary key: {', '.join(f'`{k}`' for k in table.primary_key)}.")
        keys = [f"`{c.name}` → `{c.references}.id`" for c in table.columns if c.references]
        if keys:
            out.append(f"Foreign keys: {', '.join(keys)}.")
        out += ["", "| column | type | meaning | values |", "|---|---|---|---|"]
        for column in table.columns:
            values = ", ".join(f"`{v}`" for v in column.enum)
            kind = column.type + (" (required)" if column.required else "")
            out.append(f"| `{column.name}` | {kind} | {describe(table.name, column.name)} | {values} |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(codebook_markdown(), end="")
