"""Write output/report.html and output/review/*.html from the tables in output/.

    python -m pipeline report OUTPUT

Everything the pages need is inside them: Plotly's JavaScript (from the plotly package), the
world outline (pipeline/report/world.geojson), the data and the styles, so they open from disk
with no network."""

from __future__ import annotations

import json
import time
from importlib.resources import files
from pathlib import Path

import jinja2
import pandas as pd
from markupsafe import Markup
from plotly.offline import get_plotlyjs

from pipeline.files import write_atomic, write_if_changed
from pipeline.report import charts, review
from pipeline.report.tables import read_tables

REVIEW_FOLDER = "review"


def _templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline.report", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["href"] = review.page_href
    return env


def script_json(obj) -> str:
    """JSON that is safe inside a <script> element: no `</` can close it early."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def document_index(tables: dict[str, pd.DataFrame], marks: dict) -> list[dict]:
    docs = tables["documents"].assign(kind=charts.document_kinds(tables))
    rows = []
    for doc in docs.itertuples(index=False):
        found = review.counts(marks.get(doc.doc_id, []))
        rows.append({**doc._asdict(), **found, "ok": doc.status == "ok"})
    return rows


def write_reviews(output: Path, tables: dict[str, pd.DataFrame], marks: dict,
                  env: jinja2.Environment) -> int:
    """One page per ok document; pages of documents no longer in the tables are removed."""
    template = env.get_template("review.html")
    folder = output / REVIEW_FOLDER
    written = set()
    ok = tables["documents"][tables["documents"]["status"] == "ok"]
    for doc in ok.itertuples(index=False):
        path = output / "text" / f"{doc.doc_id}.txt"
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            continue
        found = marks.get(doc.doc_id, [])
        name = review.page_name(doc.doc_id)
        page = template.render(doc=doc._asdict(), counts=review.counts(found),
                               tables=review.TABLES,
                               body=Markup(review.highlight(text, found)))
        write_if_changed(folder / name, page)
        written.add(name)
    if folder.is_dir():
        for stale in folder.glob("*.html"):
            if stale.name not in written:
                stale.unlink()
    return len(written)


def write_report(output: Path) -> dict:
    """Write both kinds of page; return what was written, for the log line."""
    started = time.perf_counter()
    tables = read_tables(output)
    marks = review.marks_by_document(tables)
    env = _templates()
    world = charts.world_outline()
    data = {
        "corpus": charts.corpus_figure(tables),
        "timeline": charts.timeline_rows(tables),
        "map": charts.map_figure(tables, world),
        "world": world,
        "placeDocs": charts.place_documents(tables),
        "network": charts.network_figure(tables),
        "topCited": charts.top_cited_figure(tables),
        "actors": charts.actors_figure(tables),
        "hrefs": {doc_id: review.page_href(doc_id) for doc_id in
                  tables["documents"].loc[tables["documents"]["status"] == "ok", "doc_id"]},
    }
    docs = tables["documents"]
    summary = {
        "documents": len(docs),
        "ok": int((docs["status"] == "ok").sum()),
        "errors": int((docs["status"] != "ok").sum()),
        **{kind: len(tables[kind]) for kind in review.TABLES},
    }
    page = env.get_template("report.html").render(
        summary=summary, index=document_index(tables, marks),
        errors=docs[docs["status"] != "ok"].to_dict("records"),
        data_json=Markup(script_json(data)),
        plotly_js=Markup(get_plotlyjs()),
        report_js=Markup(
            files("pipeline.report").joinpath("report.js").read_text("utf-8")),
        undated=data["timeline"]["undated"], top_symbols=charts.TOP_SYMBOLS,
        top_actors=charts.TOP_ACTORS)
    reviews = write_reviews(output, tables, marks, env)
    write_atomic(output / "report.html", page)  # always: make compares its time
    return {"reviews": reviews, "seconds": round(time.perf_counter() - started, 2), **summary}


def main(output: Path) -> int:
    if not (output / "documents.csv").exists():
        print(f"no tables in {output}: run `make` first")
        return 1
    done = write_report(output)
    print(f"{output / 'report.html'}: {done['documents']} documents, {done['reviews']} review "
          f"pages in {output / REVIEW_FOLDER}/, {done['seconds']} s")
    return 0
