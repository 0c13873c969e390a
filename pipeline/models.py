"""The records that flow through the pipeline: a document's clean text, and one frozen
dataclass per kind of mention. A mention table's columns are `doc_id`, `page`, then the
mention's fields in declaration order, so each schema is declared once, here."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, fields
from functools import cached_property


@dataclass(frozen=True)
class Document:
    """One source file after ingest: clean text, page map and what the file says about itself."""

    doc_id: str
    source: str
    format: str
    sha256: str
    text: str = ""
    page_starts: tuple[int, ...] = (0,)  # offset in `text` where each page begins
    footnote_spans: tuple[tuple[int, int], ...] = ()  # [start, end) of each footnote block
    # what only the layout shows, for the masthead reader (pipeline/extract/masthead.py):
    title: str = ""  # the large bold lines under a PDF's masthead
    symbol: str = ""  # the symbol of the masthead cell or of the running headers
    date: str = ""  # a date the caller knows (the spaCy component's config); the text's wins
    status: str = "ok"
    error: str = ""
    warnings: tuple[str, ...] = ()  # what cost the document part of its text
    text_source: str = ""  # text-file | text-layer | ocr | mixed: how the text was obtained
    ocr_confidence: float | None = None  # mean confidence of the recognized text, 0-1
    ocr_pages: int = 0  # pages whose text was recognized by OCR

    @property
    def pages(self) -> int:
        return len(self.page_starts)

    def page_of(self, offset: int) -> int:
        """1-based page of the character at `offset`."""
        return page_of(self.page_starts, offset)


def page_of(page_starts: tuple[int, ...] | list[int], offset: int) -> int:
    """1-based page of the character at `offset`, given the offset where each page begins."""
    return bisect.bisect_right(page_starts, offset) or 1


@dataclass(frozen=True)
class Context:
    """What every extractor may read about the document it works on."""

    text: str
    doc_symbol: str = ""  # the document's own symbol, e.g. "A/RES/62/270"
    doc_date: str = ""  # the document's own date, ISO 8601, e.g. "2008-06-20"
    footnote_spans: tuple[tuple[int, int], ...] = ()  # [start, end) of footnote blocks
    # what the extractors that ran before found, by kind (`pipeline.extract.ORDER`)
    found: dict[str, list[Mention]] = field(default_factory=dict, compare=False)

    # Analyses more than one extractor reads, computed on first use and kept with the document
    # (a frozen dataclass still takes a cached_property: it writes to the instance's __dict__).
    @cached_property
    def place_hits(self) -> list:
        """Every gazetteer match of the text (`pipeline.gazetteer.place_hits`)."""
        from pipeline.gazetteer import place_hits

        return place_hits(self.text)

    @cached_property
    def states(self) -> list:
        """Every state the text names, acting or not (`pipeline.states.state_hits`): read by
        the places extractor (a state acting is no location) and the actors extractor."""
        from pipeline.states import state_hits

        return state_hits(self.text, self.place_hits)

    @property
    def organ(self) -> str:
        """The body that issued the document (`A`, `S`, `E`, `A/HRC`...), from its symbol."""
        if not self.doc_symbol:
            return ""
        head = self.doc_symbol.split("/")
        return "A/HRC" if head[:2] == ["A", "HRC"] else head[0]


@dataclass(frozen=True)
class Mention:
    """A span of the clean text: `text == clean_text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class DateMention(Mention):
    """A date, range, partial date or UN session, as ISO 8601 at the text's precision."""

    date_start: str
    date_end: str
    precision: str  # day | month | year
    kind: str  # date | range | completed | relative | session
    completion: str = ""  # how a partial or relative date got its missing parts
    session: str = ""  # the session number, for kind=session


@dataclass(frozen=True)
class SymbolMention(Mention):
    """A UN document symbol in canonical ODS form."""

    symbol: str
    body: str = ""
    doc_type: str = ""
    session: str = ""
    number: str = ""
    date: str = ""
    pinpoint: str = ""
    relation: str = "cites"  # self | cites


@dataclass(frozen=True)
class PlaceMention(Mention):
    """A place named as a location, resolved to GeoNames and ISO 3166."""

    place: str
    place_type: str  # country | city | region | continent | other
    country_code: str = ""
    geonames_id: str = ""
    latitude: str = ""
    longitude: str = ""
    subdivision_code: str = ""  # ISO 3166-2 code of a first-level subdivision (`IN-GJ`)


@dataclass(frozen=True)
class ActorMention(Mention):
    """A named person, organization or state acting, under its canonical name."""

    actor: str
    actor_type: str  # person | organization | state
    role: str = ""
    actor_id: str = ""


MENTION_KINDS: dict[str, type[Mention]] = {
    "dates": DateMention,
    "symbols": SymbolMention,
    "places": PlaceMention,
    "actors": ActorMention,
}


def columns(kind: type) -> list[str]:
    """Table columns of a mention kind: provenance first, then the mention's own fields."""
    names = [f.name for f in fields(kind)]
    return ["doc_id", "page", *names]


def mention_row(doc_id: str, page_starts: tuple[int, ...] | list[int], mention: Mention) -> dict:
    """A mention's table row, column name → value: what its CSV row holds (before spreadsheet
    escaping), and what the spaCy component gives as `span._.row`."""
    values = {f.name: getattr(mention, f.name) for f in fields(mention)}  # asdict: 5x slower
    return {"doc_id": doc_id, "page": page_of(page_starts, mention.start), **values}


DOCUMENT_COLUMNS = [
    "doc_id", "source", "format", "sha256", "pages", "chars", "title", "symbol", "date",
    "status", "error",
]
# after the contract's columns: where the date came from, what a document lost, its kind, a
# letter's own date, and how its text was obtained
DOCUMENT_EXTRA = [
    "date_source", "warnings", "kind", "letter_date", "text_source", "ocr_confidence",
]
