"""One document → what extraction learns and its table rows: the single code path under both
make's workers (`pipeline/work.py`) and the spaCy component (`pipeline/component.py`), so that
the tables and the Python API never differ. No spaCy pipeline here: the workers load only the
small English model's NER, for the few capitalized runs no rule reads
(`pipeline.extract.actors.named`), on the first document that has one."""

from __future__ import annotations

import functools
from types import ModuleType

from pipeline.extract import Extraction, extract, load
from pipeline.models import MENTION_KINDS, Document, mention_row


@functools.cache
def extractors() -> dict[str, ModuleType]:
    """The extractors with their models and gazetteers, loaded on first use, once per process."""
    return load()


def analyse(document: Document) -> Extraction:
    """The document's own symbol and date, and its mentions of every table."""
    return extract(document, extractors())


def table_rows(document: Document, extraction: Extraction) -> dict[str, list[dict]]:
    """The rows of each mention table (`dates`, `symbols`, `places`, `actors`) for the document,
    in text order: column name → value, as in the CSV tables."""
    return {
        kind: [mention_row(document.doc_id, document.page_starts, m)
               for m in extraction.mentions.get(kind, [])]
        for kind in MENTION_KINDS
    }
