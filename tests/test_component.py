"""The spaCy component `un_mentions`: found through its entry point, the same rows as the CSV
tables, spans that cover exactly their rows, and rows that survive serialization."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import DocBin

from pipeline.models import MENTION_KINDS
from tests.test_build import make

# the sentence of issue 14's acceptance test
ISSUE_SENTENCE = (
    "On 14 September 2006 Secretary-General Kofi Annan opened the High-level Dialogue in New "
    "York (see General Assembly resolution 61/208 and document A/61/515)."
)
# footnote markers glued to a mention: the mention ends inside a token of spaCy's tokenizer
# (E/RES/2021/18 and E/RES/2022/24, corpus files un-ecosoc-res-2021-18.txt, -2022-24.txt)
HAITI_FOOTNOTE = ("Welcomes the report of the Ad Hoc Advisory Group on Haiti1 and its focus on "
                  "the multifaceted impact of the ongoing coronavirus disease (COVID-19) "
                  "pandemic on Haiti")
SENDAI_FOOTNOTE = ("the Sendai Framework for Disaster Risk Reduction 2015–2030,1 the SIDS "
                   "Accelerated Modalities of Action (SAMOA) Pathway2")

IN_A_FRESH_PROCESS = f"""
import json, sys, spacy
before = "pipeline.component" in sys.modules
nlp = spacy.blank("en")
nlp.add_pipe("un_mentions")
doc = nlp({ISSUE_SENTENCE!r})
print(json.dumps({{"imported_before": before, "rows": doc._.un_rows,
                   "spans": {{k: [[s.start_char, s.end_char, s.text] for s in g]
                             for k, g in doc.spans.items()}}}}))
"""


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("un_mentions")
    return nlp


def spans_of(doc) -> dict[str, list[tuple[str, dict]]]:
    return {kind: [(span.text, span._.row) for span in doc.spans[kind]] for kind in MENTION_KINDS}


def assert_spans_cover_their_rows(doc) -> None:
    for kind in MENTION_KINDS:
        for span in doc.spans[kind]:
            row = span._.row
            assert (span.start_char, span.end_char) == (row["start"], row["end"])
            assert span.text == row["text"] == doc.text[row["start"] : row["end"]]


def test_entry_point_finds_the_factory_and_the_issue_sentence_gives_its_rows() -> None:
    out = subprocess.run([sys.executable, "-c", IN_A_FRESH_PROCESS], check=True,
                         capture_output=True, text=True).stdout
    result = json.loads(out)
    assert result["imported_before"] is False
    rows = result["rows"]
    assert [r["date_start"] for r in rows["dates"]] == ["2006-09-14"]
    assert [r["symbol"] for r in rows["symbols"]] == ["A/RES/61/208", "A/61/515"]
    assert [(r["place"], r["geonames_id"]) for r in rows["places"]] == [("New York", "5128581")]
    assert ("Kofi Annan", "person") in [(r["actor"], r["actor_type"]) for r in rows["actors"]]
    for kind, spans in result["spans"].items():
        assert [[r["start"], r["end"], r["text"]] for r in rows[kind]] == spans
        assert all(ISSUE_SENTENCE[a:b] == text for a, b, text in spans)


def test_config_gives_doc_id_and_the_date_relative_dates_count_from() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("un_mentions", config={"doc_id": "gd-1991-isl", "doc_date": "1991-09-24"})
    # Iceland in the general debate, 1991 (corpus file gd-1991-isl.txt)
    doc = nlp("The failed coup in the Soviet Union last month demonstrated the tenacity of "
              "democratic aspirations")
    (span,) = doc.spans["dates"]
    assert span._.row == {
        "doc_id": "gd-1991-isl", "page": 1, "start": 36, "end": 46, "text": "last month",
        "date_start": "1991-08", "date_end": "1991-08", "precision": "month",
        "kind": "relative", "completion": "relative to the document date 1991-09-24",
        "session": ""}
    assert doc._.un_document["date"] == "1991-09-24"


@pytest.mark.parametrize(("text", "kind", "mention", "split"), [
    (HAITI_FOOTNOTE, "actors", "Ad Hoc Advisory Group on Haiti", ["Haiti", "1"]),
    (SENDAI_FOOTNOTE, "dates", "2015", ["2015", "–2030,1"]),
])
def test_mention_ending_inside_a_token_splits_the_token(nlp, text, kind, mention, split) -> None:
    assert "".join(split) in [t.text for t in spacy.blank("en")(text)]
    doc = nlp(text)
    assert mention in [span.text for span in doc.spans[kind]]
    assert split == [t.text for t in doc if t.idx >= text.index(split[0])][: len(split)]
    assert doc.text == text
    assert_spans_cover_their_rows(doc)


def test_split_keeps_the_spans_and_entities_of_earlier_components() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "Ad Hoc Advisory Group"},
                        {"label": "NOTE", "pattern": "Haiti1"}])
    nlp.add_pipe("un_mentions")
    doc = nlp.make_doc(HAITI_FOOTNOTE)
    doc = nlp.get_pipe("entity_ruler")(doc)
    doc.spans["mine"] = [doc.char_span(27, 48, label="ORG"), doc[10:11]]  # "...Group", "Haiti1"
    doc = nlp.get_pipe("un_mentions")(doc)
    assert [(s.text, s.label_) for s in doc.spans["mine"]] == [
        ("Ad Hoc Advisory Group", "ORG"), ("Haiti1", "")]
    assert [t.text for t in doc][10:12] == ["Haiti", "1"]
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Ad Hoc Advisory Group", "ORG"), ("Haiti1", "NOTE")]


def test_pipe_in_two_processes_gives_the_same_rows(nlp) -> None:
    texts = [ISSUE_SENTENCE, HAITI_FOOTNOTE, SENDAI_FOOTNOTE] * 2
    one = [spans_of(doc) for doc in nlp.pipe(texts)]
    two = [spans_of(doc) for doc in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert two == one
    assert [row["symbol"] for _, row in two[3]["symbols"]] == ["A/RES/61/208", "A/61/515"]
    assert ("Ad Hoc Advisory Group on Haiti", "ad-hoc-advisory-group-on-haiti") in [
        (text, row["actor_id"]) for text, row in two[4]["actors"]]


def test_docbin_keeps_spans_rows_and_document(nlp, tmp_path) -> None:
    docs = list(nlp.pipe([ISSUE_SENTENCE, HAITI_FOOTNOTE]))
    plain = DocBin(docs=docs)  # default: no user_data; the rows travel with the span groups
    with_user_data = DocBin(docs=docs, store_user_data=True)
    with_user_data.to_disk(tmp_path / "docs.spacy")
    for stored in (DocBin().from_bytes(plain.to_bytes()),
                   DocBin().from_disk(tmp_path / "docs.spacy")):
        back = list(stored.get_docs(spacy.blank("en").vocab))
        assert [spans_of(d) for d in back] == [spans_of(d) for d in docs]
        assert [[t.text for t in d] for d in back] == [[t.text for t in d] for d in docs]
        for doc in back:
            assert_spans_cover_their_rows(doc)
    assert back[0]._.un_document == docs[0]._.un_document
    assert back[0]._.un_document["date"] == "2006-09"


def test_to_json_keeps_spans_and_rows(nlp) -> None:
    doc = nlp(ISSUE_SENTENCE)
    data = doc.to_json(underscore=["un_rows"])
    places = data["spans"]["places"]
    assert places == [{"start": 84, "end": 92, "label": "PLACE", "kb_id": "5128581"}]
    assert data["_"]["un_rows"]["places"][0]["place"] == "New York"


def test_pipeline_round_trip_through_disk(tmp_path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("un_mentions", config={"doc_date": "2006-09-20"})
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["un_mentions"]
    assert loaded.get_pipe("un_mentions").doc_date == "2006-09-20"
    assert spans_of(loaded(ISSUE_SENTENCE)) == spans_of(nlp(ISSUE_SENTENCE))


# ---- one code path: the component's rows are the CSV rows, for every document of raw/

def read_csv(path) -> list[list[str]]:
    """The rows without the header, each cell without its spreadsheet-safety apostrophe."""
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))[1:]
    return [[c[1:] if c.startswith("'") else c for c in row] for row in rows]


@pytest.fixture(scope="module")
def raw_built(tmp_path_factory):
    from tests.conftest import ROOT

    base = tmp_path_factory.mktemp("raw-tables")
    make(ROOT / "raw", base / "out", base / "build")
    (build,) = (base / "build").iterdir()
    return build, base / "out"


def test_component_rows_equal_csv_rows_for_every_raw_document(nlp, raw_built) -> None:
    build, out = raw_built
    csv_rows = {kind: read_csv(out / f"{kind}.csv") for kind in MENTION_KINDS}
    documents = {r[0]: r for r in read_csv(out / "documents.csv")}
    entries = [e for e in json.loads((build / "docs.json").read_text(encoding="utf-8"))
               if documents[e["doc_id"]][9] == "ok"]
    assert len(entries) >= 8
    counted = 0
    for entry in entries:
        text = json.loads((build / "text" / f"{entry['key']}.json").read_text(encoding="utf-8"))
        doc = nlp.make_doc((out / "text" / f"{entry['doc_id']}.txt").read_text(encoding="utf-8"))
        doc._.un_document = {k: text[k] for k in
                             ("doc_id", "date", "symbol", "page_starts", "footnote_spans")}
        doc = nlp(doc)
        assert_spans_cover_their_rows(doc)
        own = documents[entry["doc_id"]]
        assert [doc._.un_document["symbol"], doc._.un_document["date"]] == own[7:9]
        for kind in MENTION_KINDS:
            expected = sorted(r for r in csv_rows[kind] if r[0] == entry["doc_id"])
            got = sorted([str(v) for v in span._.row.values()] for span in doc.spans[kind])
            assert got == expected, (entry["doc_id"], kind)
            counted += len(got)
    assert counted > 500
