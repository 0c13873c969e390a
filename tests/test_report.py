"""`make report`: the pieces (file names, marks, dates as spans), then the real pages.

The browser test opens the pages in headless Chromium (Debian's `chromium`, driven through
Playwright with no browser of its own) and skips only when no Chromium is installed."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pandas as pd
import pytest

from pipeline.report import build, charts, review
from pipeline.report.tables import read_table
from tests.conftest import real_doc
from tests.test_build import make

# un-ga-res-75-226 (raw/), its first preambular paragraph
RESOLUTION = "Recalling its resolutions 58/208 of 23 December 2003, 59/241 of 22 December 2004"


# --- the pieces ------------------------------------------------------------------------------

@pytest.mark.parametrize("doc_id, name", [
    ("gd-2007-bel", "gd-2007-bel.html"),
    ("A_RES_62_270", "A_RES_62_270.html"),
    ("ga/res-62-270", "ga_res-62-270-"),
    ("ga res/62 <270> & \"x\"", "ga_res_62_270_x-"),
    ("../../etc/passwd", "etc_passwd-"),
    ("Résolution 62", "R_solution_62-"),
])
def test_page_name_is_a_flat_safe_file_name(doc_id, name) -> None:
    page = review.page_name(doc_id)
    assert page.startswith(name) and page.endswith(".html")
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.html", page)


def test_page_names_of_doc_ids_differing_in_unsafe_characters_differ() -> None:
    assert review.page_name("ga/res-1") != review.page_name("ga res-1")
    assert review.page_name("ga/res-1") != review.page_name("ga_res-1")


def test_highlight_keeps_the_text_and_marks_each_mention_with_its_value() -> None:
    marks = [review.Mark(26, 32, "symbols", "A/RES/58/208 (cites)"),
             review.Mark(36, 52, "dates", "2003-12-23 (date, day)")]
    out = review.highlight(RESOLUTION, marks)
    assert re.sub(r"<[^>]+>", "", out) == RESOLUTION
    assert ('<mark class="symbols start" title="symbols: A/RES/58/208 (cites)">58/208</mark>'
            in out)
    assert ('<mark class="dates start" title="dates: 2003-12-23 (date, day)">23 December 2003'
            in out)
    assert out.count("<mark") == 2


def test_highlight_joins_overlapping_mentions_and_escapes_the_text() -> None:
    # gd-2007-bel: "Belgium" is both a place and the state acting
    text = "Belgium <is> here"
    marks = [review.Mark(0, 7, "places", "Belgium (country, BEL)"),
             review.Mark(0, 7, "actors", "Belgium (state)")]
    out = review.highlight(text, marks)
    assert out.startswith('<mark class="places actors start" '
                          'title="places: Belgium (country, BEL)\nactors: Belgium (state)">')
    assert "&lt;is&gt;" in out


def test_leading_apostrophe_of_the_spreadsheet_escape_is_removed(tmp_path) -> None:
    path = tmp_path / "actors.csv"
    path.write_text("doc_id,page,start,end,text\r\nd,1,0,5,'=SUM\r\nd,1,6,9,''quoted\r\n",
                    encoding="utf-8")
    frame = read_table(path)
    assert frame["text"].tolist() == ["=SUM", "'quoted"]
    assert frame["start"].tolist() == [0, 6]


@pytest.mark.parametrize("iso, first, after", [
    ("2006-09-14", "2006-09-14", "2006-09-15"),
    ("2006-09", "2006-09-01", "2006-10-01"),
    ("2006", "2006-01-01", "2007-01-01"),
    ("2006-12", "2006-12-01", "2007-01-01"),
])
def test_a_date_spans_what_its_precision_covers(iso, first, after) -> None:
    series = pd.Series([iso])
    assert charts._first_day(series)[0] == pd.Timestamp(first)
    assert charts._day_after(series)[0] == pd.Timestamp(after)


def test_a_corpus_of_unreadable_files_still_gets_its_report(tmp_path) -> None:
    (tmp_path / "documents.csv").write_text(
        "doc_id,source,format,sha256,pages,chars,title,symbol,date,status,error\r\n"
        "scan,scan.pdf,pdf,,,,,,,error,no text layer: this PDF is a scan\r\n", encoding="utf-8")
    done = build.write_report(tmp_path)
    assert (done["documents"], done["errors"], done["reviews"]) == (1, 1, 0)
    assert "no text layer: this PDF is a scan" in (tmp_path / "report.html").read_text("utf-8")


# --- the real pages --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """`make report` on three real documents, one in a subfolder with an awkward name."""
    base = tmp_path_factory.mktemp("report")
    raw, out, build = base / "raw", base / "out", base / "build"
    (raw / "general debate").mkdir(parents=True)
    shutil.copy(real_doc("gd-2007-bel.txt"), raw / "general debate" / "gd 2007 (bel).txt")
    shutil.copy(real_doc("un-ga-res-75-226.txt"), raw)
    shutil.copy(real_doc("004_42a0f7cf2bba071a.txt"), raw)
    (raw / "empty.txt").write_bytes(b"")
    result = make(raw, out, build, "report")
    return out, result


def test_make_report_writes_the_page_and_a_review_page_per_ok_document(report) -> None:
    out, _ = report
    assert (out / "report.html").stat().st_size > 1_000_000  # Plotly's JavaScript is inside
    docs = read_table(out / "documents.csv")
    ok = docs.loc[docs["status"] == "ok", "doc_id"]
    assert sorted(p.name for p in (out / "review").iterdir()) == sorted(
        review.page_name(d) for d in ok)
    assert len(ok) == 3


def test_report_links_every_review_page(report) -> None:
    out, _ = report
    page = (out / "report.html").read_text(encoding="utf-8")
    links = set(re.findall(r'<a href="(review/[^"]+)"', page))
    assert {unquote(link) for link in links} == {
        f"review/{p.name}" for p in (out / "review").iterdir()}


def test_review_page_holds_the_clean_text_with_every_mention_marked(report) -> None:
    out, _ = report
    doc_id = "general debate/gd 2007 (bel)"
    page = (out / "review" / review.page_name(doc_id)).read_text(encoding="utf-8")
    body = re.search(r'<div class="text" id="text">(.*)</div>', page, re.S).group(1)
    clean = (out / "text" / f"{doc_id}.txt").read_text(encoding="utf-8")
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == clean
    tables = {kind: read_table(out / f"{kind}.csv") for kind in review.TABLES}
    starts = set()
    for frame in tables.values():
        starts |= set(frame.loc[frame["doc_id"] == doc_id, "start"])
    assert body.count(" start\"") == len(starts)
    assert 'title="places: Chad (country, TCD)' in body
    assert 'title="actors: Ban Ki-moon (person, Secretary-General)' in body


def test_report_is_not_remade_when_the_tables_have_not_changed(report) -> None:
    out, _ = report
    raw, build = out.parent / "raw", out.parent / "build"
    assert "report.html" not in make(raw, out, build, "report").stdout


# --- in a real browser -----------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not CHROMIUM:
        pytest.skip("no chromium on this machine (apt-get install chromium; .ci/run does)")
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield context
        context.close()


def open_page(browser, path: Path):
    """Open a page from disk; every request that is not for a local file is refused and kept,
    and so is every console error."""
    page = browser.new_page()
    seen = {"network": [], "errors": []}

    def route(request_route):
        url = request_route.request.url
        if url.startswith(("file:", "data:", "blob:")):
            request_route.continue_()
        else:
            seen["network"].append(url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.goto(path.resolve().as_uri())
    return page, seen


def test_report_renders_its_charts_offline_in_chromium(report, browser) -> None:
    out, _ = report
    page, seen = open_page(browser, out / "report.html")
    page.wait_for_selector("#chart-actors .main-svg")
    assert page.locator("#chart-timeline .point").count() > 10  # the single days
    assert page.locator("#chart-timeline .bars path").count() > 0  # the ranges
    assert page.locator("#chart-map .choroplethlocation").count() > 150  # the world's countries
    assert page.locator("#chart-map .scattergeo .point").count() > 0  # the located places
    assert page.locator("#chart-network .point").count() > 10
    assert page.locator("#chart-corpus .scatterlayer .point").count() == 3
    remote = page.eval_on_selector_all(
        "script[src], link[href], img[src]",
        "els => els.map(e => e.src || e.href).filter(u => !u.startsWith('file:'))")
    assert remote == []
    assert seen == {"network": [], "errors": []}
    page.close()


def test_timeline_filters_by_document(report, browser) -> None:
    out, _ = report
    page, seen = open_page(browser, out / "report.html")
    page.wait_for_selector("#chart-timeline .point")
    every = page.locator("#chart-timeline .point").count()
    page.select_option("#timeline-doc", label="un-ga-res-75-226")
    page.wait_for_function(f"document.querySelectorAll('#chart-timeline .point').length < {every}")
    assert 0 < page.locator("#chart-timeline .point").count() < every
    assert page.get_attribute("#timeline-review", "href") == "review/un-ga-res-75-226.html"
    assert seen["errors"] == []
    page.close()


def test_clicking_a_place_lists_the_documents_naming_it(report, browser) -> None:
    out, _ = report
    page, seen = open_page(browser, out / "report.html")
    page.wait_for_selector("#chart-map .scattergeo .point")
    point = page.locator("#chart-map .scattergeo .point").first
    point.scroll_into_view_if_needed()
    box = point.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)  # Plotly finds what a click hits by hovering it first
    page.mouse.click(x, y)
    page.wait_for_selector("#map-docs a")
    hrefs = page.eval_on_selector_all("#map-docs a", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs and all(h.startswith("review/") for h in hrefs)
    assert seen["errors"] == []
    page.close()


def test_review_page_shows_its_marked_mentions_in_chromium(report, browser) -> None:
    out, _ = report
    page, seen = open_page(browser, out / "review" / "un-ga-res-75-226.html")
    marks = page.locator("#text mark")
    assert marks.count() > 100
    symbol = page.locator('#text mark.symbols.start', has_text="58/208").first
    assert symbol.get_attribute("title") == "symbols: A/RES/58/208 (cites, 2003-12-23)"
    assert symbol.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.uncheck("input[data-table=symbols]")
    assert symbol.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    assert seen == {"network": [], "errors": []}
    page.close()
