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


def test_extractors_run_in_the_stated_order_and_see_what_ran_before() -> None:
    from types import SimpleNamespace

    from pipeline.extract import ORDER

    seen = {}

    def recorder(kind):
        def find(ctx):
            seen[kind] = sorted(ctx.found)
            return []
        return SimpleNamespace(find=find, document_symbol=lambda text: "",
                               document_date=lambda text: ("", ""))

    extract(Document("doc", "doc.txt", "txt", "", text="No mention here."),
            {kind: recorder(kind) for kind in reversed(ORDER)})
    assert seen == {"symbols": [], "dates": ["symbols"], "places": ["dates", "symbols"],
                    "actors": ["dates", "places", "symbols"]}


def test_the_state_analysis_runs_once_for_places_and_actors(monkeypatch, extractors) -> None:
    # A/RES/62/270 (seed 004_42a0f7cf2bba071a): the Government of Belgium acts (an actor, no
    # place); Brussels is a place
    from pipeline import states

    calls = []
    real = states.state_hits
    monkeypatch.setattr(states, "state_hits", lambda *a: calls.append(1) or real(*a))
    found = run("the first meeting of the Global Forum on Migration and Development, held in "
                "Brussels from 9 to 11 July 2007 under the auspices of the Government of Belgium",
                extractors)
    assert calls == [1]
    assert [p[0] for p in found["places"]] == ["Brussels"]
    assert ("Belgium", "Belgium", "state") in found["actors"]
