"""Extract: a `Document` → what its masthead says (kind, own symbol, date, title) and the
mentions of every table.

The masthead comes first (`masthead.read`): the extractors read the own symbol and date from the
`Context` (which organ a short symbol belongs to, the base of a relative date, who held an
office)."""

from __future__ import annotations

import importlib
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


def _module(kind: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"pipeline.extract.{kind}")
    except ModuleNotFoundError as exc:
        if exc.name != f"pipeline.extract.{kind}":
            raise
        return None


# a sentence that makes every extractor load its models and gazetteers
WARM_UP = ("Recalling resolution 61/208 of 20 December 2006, held in Brussels by the "
           "Government of Belgium.")


def load() -> dict[str, ModuleType]:
    """Import every extractor and let each load its data, once per process, so that no
    document's time limit pays for the loading."""
    extractors = {kind: mod for kind in MENTION_KINDS if (mod := _module(kind)) is not None}
    extract(Document("warm-up", "", "txt", "", text=WARM_UP), extractors)
    return extractors


def extract(doc: Document, extractors: dict[str, ModuleType]) -> Extraction:
    if doc.status != "ok":
        return Extraction()
    warnings = []
    own = masthead.read(doc)
    ctx = Context(text=doc.text, doc_symbol=own.symbol, doc_date=own.date,
                  footnote_spans=doc.footnote_spans)
    mentions: dict[str, list[Mention]] = {}
    for kind, module in extractors.items():
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
