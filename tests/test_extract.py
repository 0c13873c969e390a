"""The extract stage: the document's own symbol and date first, then the four extractors, and
the rules that span tables."""

from __future__ import annotations

import pytest

from pipeline.extract import extract, load
from pipeline.models import Document


@pytest.fixture(scope="module")
def extractors():
    return load()


def run(text: str, extractors, **doc) -> dict:
    result = extract(Document("doc", "doc.txt", "txt", "", text=text, **doc), extractors)
    return {kind: [(m.text, *list(vars(m).values())[3:5]) for m in ms]
            for kind, ms in result.mentions.items()}


def test_a_year_inside_a_symbol_is_not_a_date(extractors) -> None:
    # E/RES/2021/18: the resolution numbers look like year ranges
    text = ("Recalling its resolutions 2017/26 of 25 July 2017, 2018/19 of 24 July 2018, "
            "2019/32 of 24 July 2019")
    found = run(text, extractors, symbol="E/RES/2021/18")
    assert [d[0] for d in found["dates"]] == ["25 July 2017", "24 July 2018", "24 July 2019"]
    assert [s[:2] for s in found["symbols"]] == [
        ("2017/26", "E/RES/2017/26"), ("2018/19", "E/RES/2018/19"),
        ("2019/32", "E/RES/2019/32")]


def test_own_symbol_and_date_come_first(extractors) -> None:
    text = ("United Nations\n\nA/RES/75/17\n\nGeneral Assembly\n\nDistr.: General\n\n"
            "7 December 2020\n\nRequests the Secretary-General to report")
    result = extract(Document("doc", "doc.txt", "txt", "", text=text), extractors)
    own = result.masthead
    assert (own.symbol, own.date, own.date_source) == (
        "A/RES/75/17", "2020-12-07", "masthead")


def test_error_documents_yield_nothing(extractors) -> None:
    result = extract(Document("doc", "doc.txt", "txt", "", status="error", error="x"),
                     extractors)
    assert result.mentions == {}
