"""Every excerpt as a W3C Web Annotation (JSON-LD): the claim as the body, the quote in its stored
source text as the target, selected by quote (exact, prefix, suffix) and by position."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from tui.data.describe import KIND_WORDS, cited_title, party_names, voice
from tui.data.model import Cited, Dataset, Figure, Position
from tui.data.sources import SourceLibrary, SourceText
from tui.exports.jsondoc import json_text

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
AFFIX = 32  # characters of prefix and suffix, grown where the quote occurs more than once


def _body(data: Dataset, cited: Cited) -> str:
    """The claim in words, as one line of plain text."""
    said = f" ({voice(cited)})" if voice(cited) else ""
    if isinstance(cited, Position):
        party, issue = data.parties[cited.party].name, data.issues[cited.issue].name
        return f"{party} on {issue}, {KIND_WORDS[cited.kind]}: {cited.stance}{said}"
    if isinstance(cited, Figure):
        return f"{cited.measures}: {cited.value_text} as of {cited.as_of_text} ({cited_title(data, cited)}){said}"
    who = party_names(data, cited.proposed_by or cited.participants)
    return (
        f"{cited.kind.capitalize()}: {cited.title}, {cited.date.text}" + (f" ({who})" if who else "") + said
    )


def quote_selector(text: str, start: int, end: int) -> dict[str, str]:
    """A TextQuoteSelector for text[start:end], with a prefix and suffix long enough that the
    three together occur in the text only there (or as long as the text allows)."""
    reach = AFFIX
    while True:
        prefix, suffix = text[max(0, start - reach) : start], text[end : end + reach]
        whole = prefix + text[start:end] + suffix
        first = text.find(whole)
        unique = text.find(whole, first + 1) < 0
        if unique or (start - reach <= 0 and end + reach >= len(text)):
            return {"type": "TextQuoteSelector", "exact": text[start:end], "prefix": prefix, "suffix": suffix}
        reach *= 2


def _annotation(data: Dataset, cited: Cited, number: int, source_text: SourceText) -> dict[str, Any]:
    excerpt = cited.excerpts[number - 1]
    source = data.sources[excerpt.source]
    # Where the loader found the quote when it verified it (cached in the library): no new search.
    match = source_text.find(excerpt.quote)
    assert match is not None, "a sound load has found every quote"
    return {
        "@context": CONTEXT,
        "id": f"urn:peacedash:{cited.id}:excerpt:{number}",
        "type": "Annotation",
        "motivation": "describing",
        "body": {
            "type": "TextualBody",
            "value": _body(data, cited),
            "format": "text/plain",
            "purpose": "describing",
        },
        "target": {
            "source": {
                # The seed as stored beside the data file: a relative reference, so the
                # annotations name no folder of the machine that wrote them.
                "id": "seeds/" + quote(source.file),
                "type": "Text",
                "format": "text/plain",
                "title": source.title,
            },
            "selector": [
                quote_selector(source_text.text, match.start, match.end),
                {"type": "TextPositionSelector", "start": match.start, "end": match.end},
            ],
        },
    }


def annotation_list(data: Dataset, library: SourceLibrary) -> list[dict[str, Any]]:
    """One annotation per excerpt of every position, dated item and figure, in the file's order."""
    return [
        _annotation(data, cited, number, library.get(data.sources[excerpt.source].file))
        for cited in data.cited.values()
        for number, excerpt in enumerate(cited.excerpts, 1)
    ]


def export_annotations(data: Dataset, library: SourceLibrary) -> tuple[str, int]:
    """An AnnotationCollection holding every annotation on one page, and how many."""
    items = annotation_list(data, library)
    collection = {
        "@context": CONTEXT,
        "id": "urn:peacedash:annotations",
        "type": "AnnotationCollection",
        "label": f"{data.title}: the excerpts behind every claim",
        "total": len(items),
        "first": {
            "id": "urn:peacedash:annotations:page:1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }
    return json_text(collection), len(items)
