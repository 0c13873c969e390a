"""The extractors as a spaCy pipeline component, the factory `un_mentions`.

    import spacy
    nlp = spacy.blank("en")               # any English pipeline
    nlp.add_pipe("un_mentions")           # registered by the package's entry point
    doc = nlp("... General Assembly resolution 61/208 ...")
    [span._.row for span in doc.spans["symbols"]]   # the rows symbols.csv would hold

It fills `doc.spans["dates"]`, `["symbols"]`, `["places"]` and `["actors"]`. Each span's
`span._.row` is the row of that table, column name → value, from the same function that the
make workers run (`pipeline.analysis`), so the tables and this component never differ.

Offsets: a row's `start` and `end` index `doc.text`, and `row["text"] == doc.text[start:end]`.
Where a mention begins or ends inside a token (a footnote marker glued to a name, `Group on
Haiti1`; another tokenizer), that token is split, so every span covers exactly its row:
`span.text == row["text"]` and `span.start_char == row["start"]`. Span groups that earlier
components made are re-aligned after such a split; entities and tags carry over.

The rows live in each span group's `attrs["rows"]` (a span's `id_` is `<table>:<index>`), so
they travel with the spans through `Doc.to_bytes`, `DocBin` and `nlp.pipe(n_process=...)`.
`doc._.un_rows` gives every table's rows at once (`doc.to_json(underscore=["un_rows"])`).

What the make path reads from a file, a caller may give per document before the component runs,
as `doc._.un_document` (a dict; keys as in `pipeline.models.Document`): `doc_id`, `date` (the
document's date when known: the base of relative dates, used when the text does not state
one), `symbol`, `page_starts`, `footnote_spans`. The component's config gives defaults for the
first three. Afterwards `doc._.un_document` also holds what extraction found: the document's
own `symbol`, `date`, `date_source` and `warnings`.
"""

from __future__ import annotations

import bisect
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.analysis import analyse, extractors, table_rows
from pipeline.models import MENTION_KINDS, Document

LABELS = {"dates": "DATE", "symbols": "SYMBOL", "places": "PLACE", "actors": "ACTOR"}
# the column that names what a span refers to, given to spaCy as the span's kb_id
KB_COLUMNS = {"dates": "date_start", "symbols": "symbol", "places": "geonames_id",
              "actors": "actor_id"}


class UNMentions:
    """spaCy component: dates, UN document symbols, places and actors of a UN text, as
    `doc.spans[table]` whose `span._.row` holds that table's CSV row (see the module's help)."""

    def __init__(self, name: str = "un_mentions", doc_id: str = "", doc_date: str = "",
                 doc_symbol: str = "") -> None:
        self.name = name
        self.doc_id = doc_id
        self.doc_date = doc_date
        self.doc_symbol = doc_symbol
        extractors()  # now, so that the processes of nlp.pipe(n_process=...) inherit them

    def __call__(self, doc: Doc) -> Doc:
        """Find the mentions of `doc.text`; set `doc.spans[table]` (replacing any group of
        that name) and `doc._.un_document`; split the tokens a mention begins or ends inside."""
        document = self.document(doc)
        extraction = analyse(document)
        rows = table_rows(document, extraction)
        split_tokens_at(doc, {r[k] for table in rows.values() for r in table
                              for k in ("start", "end")})
        for kind, table in rows.items():
            doc.spans[kind] = [_span(doc, kind, i, row) for i, row in enumerate(table)]
            doc.spans[kind].attrs["rows"] = table
        doc._.un_document = {
            **(doc._.un_document or {}), "doc_id": document.doc_id,
            "symbol": extraction.masthead.symbol, "date": extraction.masthead.date,
            "date_source": extraction.masthead.date_source, "warnings": extraction.warnings,
        }
        return doc

    def document(self, doc: Doc) -> Document:
        """The `Document` the extractors read: the Doc's text, with what `doc._.un_document`
        and the config say about it."""
        given = doc._.un_document or {}
        return Document(
            doc_id=given.get("doc_id") or self.doc_id, source="", format="txt", sha256="",
            text=doc.text,
            page_starts=tuple(given.get("page_starts") or (0,)),
            footnote_spans=tuple(tuple(s) for s in given.get("footnote_spans") or ()),
            symbol=given.get("symbol") or self.doc_symbol,
            date=given.get("date") or self.doc_date,
        )


@Language.factory(
    "un_mentions",
    default_config={"doc_id": "", "doc_date": "", "doc_symbol": ""},
    assigns=["doc.spans"],
)
def make_un_mentions(nlp: Language, name: str, doc_id: str, doc_date: str,
                     doc_symbol: str) -> UNMentions:
    """Create the `un_mentions` component. Config: `doc_id`, `doc_date` (ISO 8601, the date of
    the documents when known) and `doc_symbol`, defaults for `doc._.un_document`."""
    return UNMentions(name, doc_id=doc_id, doc_date=doc_date, doc_symbol=doc_symbol)


def _span(doc: Doc, kind: str, index: int, row: dict) -> Span:
    args = {"label": LABELS[kind], "kb_id": str(row[KB_COLUMNS[kind]]),
            "span_id": f"{kind}:{index}"}
    span = doc.char_span(row["start"], row["end"], **args)
    # only a mention with white space at an edge can miss the token boundaries made for it
    return span or doc.char_span(row["start"], row["end"], alignment_mode="expand", **args)


def span_row(span: Span) -> dict | None:
    """The table row of a span that `un_mentions` made (`span._.row`), else None."""
    kind, _, index = span.id_.partition(":")
    group = span.doc.spans.get(kind) if kind in MENTION_KINDS else None
    rows = group.attrs.get("rows") if group is not None else None
    if not rows or not index.isdigit() or int(index) >= len(rows):
        return None
    return dict(rows[int(index)])


def doc_rows(doc: Doc) -> dict[str, list[dict]]:
    """Every table's rows for the Doc (`doc._.un_rows`), in text order."""
    return {kind: [dict(r) for r in doc.spans[kind].attrs.get("rows", [])]
            for kind in MENTION_KINDS if kind in doc.spans}


def split_tokens_at(doc: Doc, offsets: set[int]) -> None:
    """Make every character offset a token boundary, splitting the tokens they fall inside.
    Subtokens keep the token's annotations; span groups are re-aligned by character offsets."""
    starts = [t.idx for t in doc]
    cuts: dict[int, list[int]] = {}
    for offset in offsets:
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and starts[i] < offset < starts[i] + len(doc[i]):
            cuts.setdefault(i, []).append(offset)
    if not cuts:
        return
    groups = {key: (list(group), dict(group.attrs)) for key, group in doc.spans.items()}
    with doc.retokenize() as retokenizer:
        for i, inner in cuts.items():
            token = doc[i]
            bounds = [token.idx, *sorted(inner), token.idx + len(token)]
            orths = [doc.text[a:b] for a, b in pairwise(bounds)]
            retokenizer.split(token, orths, _heads(doc, token, len(orths)),
                              attrs=_inherited(doc, token, len(orths)))
    for key, (spans, attrs) in groups.items():
        doc.spans[key] = [doc.char_span(s.start_char, s.end_char, label=s.label,
                                        kb_id=s.kb_id, span_id=s.id) for s in spans]
        doc.spans[key].attrs.update(attrs)


def _heads(doc: Doc, token, n: int) -> list:
    if not doc.has_annotation("DEP"):
        return [(token, k) for k in range(n)]  # no parse: each subtoken its own head
    first = (token, 0) if token.head.i == token.i else token.head
    return [first] + [(token, 0)] * (n - 1)


def _inherited(doc: Doc, token, n: int) -> dict:
    # split subtokens would otherwise take these from stale token slots
    attrs = {"ENT_TYPE": [token.ent_type_] * n, "ENT_KB_ID": [token.ent_kb_id_] * n}
    for attr, value in (("TAG", token.tag_), ("POS", token.pos_), ("MORPH", str(token.morph))):
        if doc.has_annotation(attr):
            attrs[attr] = [value] * n
    if doc.has_annotation("DEP"):
        attrs["DEP"] = [token.dep_] + ["subtok"] * (n - 1)
    if doc.has_annotation("SENT_START"):
        first = {True: 1, False: -1, None: 0}[token.is_sent_start]
        attrs["SENT_START"] = [first] + [-1] * (n - 1)
    return attrs


for _name, _kwargs in (("un_document", {"default": None}), ("un_rows", {"getter": doc_rows})):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, **_kwargs)
if not Span.has_extension("row"):
    Span.set_extension("row", getter=span_row)
