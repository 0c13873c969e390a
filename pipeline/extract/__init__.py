"""Extract: a `Document` → what its masthead says (kind, own symbol, date, title) and the
mentions of every table.

The masthead comes first (`masthead.read`). Then the extractors run in one stated order
(`ORDER`), each reading what the ones before it found from the `Context`: the document's own
symbol and date (which organ a short symbol belongs to, the base of a relative date, who held an
office), then symbols, dates, places and actors. Analyses two extractors read are computed once
per document by the `Context` itself: the gazetteer's matches and the states the text names,
acting or not (`Context.states`, read by places, where a state acting is no location, and by
actors)."""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import ModuleType

from pipeline.extract import masthead
from pipeline.extract.masthead import Masthead
from pipeline.models import MENTION_KINDS, Context, Document, Mention


@dataclass(frozen=True)
class Extraction:
    """What extraction learned about one document."""

    masthead: Masthead = field(default_factory=Masthead)
    mentions: dict[str, list[Mention]] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


# a sentence that makes every extractor load its models and gazetteers
WARM_UP = ("Recalling resolution 61/208 of 20 December 2006, held in Brussels by the "
           "Government of Belgium.")


# symbols before dates (a year inside a symbol is no date), places and actors after both
ORDER = ("symbols", "dates", "places", "actors")


def in_order(kinds: Iterable[str]) -> list[str]:
    """The kinds in `ORDER`, any other kind after them."""
    return sorted(kinds, key=lambda k: ORDER.index(k) if k in ORDER else len(ORDER))


def load() -> dict[str, ModuleType]:
    """Import every extractor, in `ORDER`, and let each load its data, once per process, so
    that no document's time limit pays for the loading."""
    extractors = {kind: importlib.import_module(f"pipeline.extract.{kind}")
                  for kind in in_order(MENTION_KINDS)}
    extract(Document("warm-up", "", "txt", "", text=WARM_UP), extractors)
    return extractors


def extract(doc: Document, extractors: dict[str, ModuleType]) -> Extraction:
    if doc.status != "ok":
        return Extraction()
    warnings = []
    own = masthead.read(doc)
    ctx = Context(text=doc.text, doc_symbol=own.symbol, doc_date=own.date,
                  footnote_spans=doc.footnote_spans)
    mentions = ctx.found
    for kind in in_order(extractors):
        module = extractors[kind]
        try:
            found = module.find(ctx)
        except Exception as exc:
            warnings.append(f"{kind} extractor failed: {type(exc).__name__}: {exc}")
            continue
        mentions[kind] = sorted(
            (m for m in found if doc.text[m.start : m.end] == m.text),
            key=lambda m: (m.start, m.end),
        )
    if "dates" in mentions and "symbols" in mentions:
        mentions["dates"] = outside(mentions["dates"], mentions["symbols"])
    return Extraction(own, mentions, tuple(warnings))


def outside(dates: list[Mention], symbols: list[Mention]) -> list[Mention]:
    """The dates that overlap no symbol: a year inside a symbol is never a date
    (`resolution 2018/19` is not the years 2018 to 2019)."""
    spans = [(s.start, s.end) for s in symbols]
    return [d for d in dates if not any(a < d.end and d.start < b for a, b in spans)]
