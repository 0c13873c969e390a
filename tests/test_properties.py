"""Property-based tests of every extractor over arbitrary Unicode text, and over text stitched
from real UN fragments so that the patterns actually fire."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import load, masthead
from pipeline.extract.symbol_grammar import is_symbol
from pipeline.models import Context

EXTRACTORS = load()
ISO = re.compile(r"(\d{4}|XXXX)(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
FRAGMENTS = [  # real phrases from UN documents (tests/corpus)
    "Recalling its resolutions 61/208 of 20 December 2006",
    "resolutions 59/241 of 22 December 2004 and 60/227 of 23 December 2005",
    "Security Council resolution 1325 (2000)", "A/C.2/62/2, annex", "See A/60/871.",
    "held in Brussels from 9 to 11 July 2007", "the Government of Belgium",
    "The 14-15 September High-level Dialogue", "at its sixty-third session",
    "Distr.: General 18 May 2006", "the biennium 2008-2009", "2020–2021", "resolution 217 A (III)",
    "Sheikha Haya Rashed Al Khalifa", "Secretary-General Annan", "UN DESA’s Population Division",
    "the Democratic Republic of the Congo", "New York", "E/RES/2022/5", "A /RES/ 62/270",
    "0F\n\n1 \n", "\f", "\n", " ", "may", "March", "next year", "—", "(", ")", "/", "-",
]
text_strategy = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=25).map(
        "".join),
)
contexts = st.builds(
    Context, text=text_strategy,
    doc_symbol=st.sampled_from(["", "A/RES/62/270", "E/RES/2022/5", "S/RES/1325(2000)"]),
    doc_date=st.sampled_from(["", "2008-06-20", "2020-12-30"]),
)


@pytest.mark.parametrize("kind", sorted(EXTRACTORS))
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ctx=contexts)
def test_mentions_index_the_text(kind: str, ctx: Context) -> None:
    for m in EXTRACTORS[kind].find(ctx):
        assert 0 <= m.start < m.end <= len(ctx.text)
        assert ctx.text[m.start : m.end] == m.text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ctx=contexts)
def test_dates_are_valid_iso_and_ordered(ctx: Context) -> None:
    for m in EXTRACTORS["dates"].find(ctx):
        assert ISO.fullmatch(m.date_start), m
        if m.kind == "session" and not m.date_end:
            continue  # a session still open (an emergency special session) has no end yet
        assert ISO.fullmatch(m.date_end), m
        assert m.date_start.replace("XXXX", "0000") <= m.date_end.replace("XXXX", "9999"), m
        assert m.precision in ("day", "month", "year")
        assert m.kind in ("date", "range", "completed", "relative", "session")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ctx=contexts)
def test_symbols_match_the_grammar(ctx: Context) -> None:
    for m in EXTRACTORS["symbols"].find(ctx):
        assert is_symbol(m.symbol), m
        assert " " not in m.symbol
        assert m.relation in ("self", "cites")


@given(ctx=contexts)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_documents_own_symbol_and_date(ctx: Context) -> None:
    symbol = masthead.document_symbol(ctx.text)
    assert symbol == "" or is_symbol(symbol)
    date, source = masthead.document_date(ctx.text)
    assert date == "" or ISO.fullmatch(date)
    assert bool(date) == bool(source)
