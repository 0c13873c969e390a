"""The report's charts: pandas groups the tables, Plotly draws them.

Each function takes the tables and returns a Plotly figure (as its JSON-ready dict), except the
timeline, whose rows go to the page as data because the page filters them by document."""

from __future__ import annotations

import json
from importlib.resources import files

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from pipeline.report.review import page_href

TOP_SYMBOLS = 40  # the network draws the symbols cited by most documents ...
TOP_CITERS = 300  # ... and at most this many of the documents citing them
TOP_ACTORS = 15  # per actor type
DOCS_IN_HOVER = 8
DAY = np.timedelta64(1, "D")


def figure_dict(fig: go.Figure) -> dict:
    return json.loads(fig.to_json())


def _doc_list(doc_ids: pd.Series) -> str:
    names = sorted(set(doc_ids))
    shown = "<br>".join(names[:DOCS_IN_HOVER])
    more = len(names) - DOCS_IN_HOVER
    return shown + (f"<br>… and {more} more" if more > 0 else "")


# --- the corpus at a glance -----------------------------------------------------------------

def document_kinds(tables: dict[str, pd.DataFrame]) -> pd.Series:
    """A document's kind: the table's own `kind` column where there is one, else the series of
    its own symbol (`A/RES`, `S/PV`, `A/HRC`), else `no symbol`; failed files are `error`."""
    docs = tables["documents"]
    if "kind" in docs.columns:
        kinds = docs["kind"].replace("", "other")
    else:
        own = tables["symbols"]
        own = own[own["relation"] == "self"].drop_duplicates("doc_id").set_index("doc_id")
        series = (own["body"] + "/" + own["doc_type"]).where(own["doc_type"] != "", own["body"])
        by_doc = series.to_dict()
        kinds = docs["doc_id"].map(lambda doc_id: by_doc.get(doc_id, "no symbol"))
    return kinds.where(docs["status"] == "ok", "error")


def corpus_figure(tables: dict[str, pd.DataFrame]) -> dict:
    docs = tables["documents"].assign(kind=document_kinds(tables))
    by_kind = docs.groupby("kind").size().sort_values()
    dated = docs[docs["date"].str.match(r"^\d{4}(-\d\d){0,2}$")].copy()
    dated["href"] = dated["doc_id"].map(page_href)
    fig = make_subplots(rows=1, cols=2, column_widths=[0.3, 0.7], horizontal_spacing=0.12,
                        subplot_titles=("documents by kind", "documents by their own date"))
    fig.add_trace(go.Bar(x=by_kind.values, y=by_kind.index, orientation="h",
                         marker_color=["#c0392b" if k == "error" else "#4c78a8"
                                       for k in by_kind.index],
                         hovertemplate="%{y}: %{x} documents<extra></extra>"), 1, 1)
    fig.add_trace(go.Scatter(x=dated["date"], y=dated["kind"], mode="markers",
                             marker={"size": 9, "opacity": 0.6, "color": "#4c78a8"},
                             text=dated["doc_id"] + "<br>" + dated["title"].str.slice(0, 90),
                             customdata=dated["href"],
                             hovertemplate="%{x}<br>%{text}<extra></extra>"), 1, 2)
    fig.update_layout(showlegend=False, height=max(260, 60 + 22 * len(by_kind)),
                      margin={"l": 10, "r": 10, "t": 40, "b": 30})
    return figure_dict(fig)


# --- the timeline of the dates mentioned -----------------------------------------------------

def _first_day(iso: pd.Series) -> pd.Series:
    """2006 → 2006-01-01, 2006-09 → 2006-09-01; NaT where pandas cannot hold the date."""
    length = iso.str.len()
    filled = iso.where(length != 4, iso + "-01-01").where(length != 7, iso + "-01")
    return pd.to_datetime(filled, errors="coerce", format="%Y-%m-%d")


def _day_after(iso: pd.Series) -> pd.Series:
    """The day after the last day an ISO date at any precision covers: 2006 → 2007-01-01."""
    first = _first_day(iso)
    length = iso.str.len()
    after = first + DAY
    after = after.where(length != 7, first + pd.offsets.MonthBegin(1))
    return after.where(length != 4, first + pd.offsets.YearBegin(1))


def _span_rows(grouped: pd.DataFrame, first: pd.Series) -> list[tuple]:
    """[first column, kind, start day, days, mentions, a text] per span, for report.js."""
    days = (grouped["stop"] - grouped["start"]) // DAY
    return list(zip(first.tolist(), grouped["kind"].tolist(),
                    grouped["start"].dt.strftime("%Y-%m-%d").tolist(),
                    days.astype(int).tolist(), grouped["count"].tolist(),
                    grouped["text"].str.slice(0, 60).tolist(), strict=True))


def timeline_rows(tables: dict[str, pd.DataFrame]) -> dict:
    """The dates mentioned, for the page to draw: every span once over all documents
    (`all`, first column the number of documents), and per document (`rows`, first column
    the document's index in `docs`), which the page filters by the chosen document.

    A span is a single day (drawn as a point) or what a range, a month or a year covers
    (drawn as a bar). Dates without a year cannot be placed and are only counted."""
    dates = tables["dates"]
    known = dates[~dates["date_start"].str.startswith("XXXX") & (dates["date_start"] != "")]
    spans = pd.DataFrame({
        "doc_id": known["doc_id"],
        "kind": known["kind"],
        "start": _first_day(known["date_start"]),
        "stop": _day_after(known["date_end"].where(known["date_end"] != "",
                                                   known["date_start"])),
        "text": known["text"],
    }).dropna(subset=["start", "stop"])
    spans = spans[spans["stop"] > spans["start"]]
    span = ["kind", "start", "stop"]
    per_doc = (spans.groupby(["doc_id", *span], sort=True)
               .agg(count=("text", "size"), text=("text", "first")).reset_index())
    overall = (spans.groupby(span, sort=True)
               .agg(count=("text", "size"), text=("text", "first"), docs=("doc_id", "nunique"))
               .reset_index())
    doc_ids = sorted(per_doc["doc_id"].unique())
    index = {doc_id: i for i, doc_id in enumerate(doc_ids)}
    return {
        "docs": doc_ids,
        "hrefs": [page_href(d) for d in doc_ids],
        "kinds": ["date", "range", "completed", "relative", "session"],
        "all": _span_rows(overall, overall["docs"]),
        "rows": _span_rows(per_doc, per_doc["doc_id"].map(index)),
        "undated": int(len(dates) - len(spans)),
    }


# --- the map of places -----------------------------------------------------------------------

def world_outline() -> dict:
    return json.loads(files("pipeline.report").joinpath("world.geojson").read_text("utf-8"))


def map_figure(tables: dict[str, pd.DataFrame], world: dict) -> dict:
    """Countries as areas (by ISO alpha-3), other places as points where they have
    coordinates, sized by mentions; the hover lists the documents naming each.

    The country traces leave out their GeoJSON: the page carries the world outline once and
    hands it to both (Plotly would also copy it for every trace here)."""
    places = tables["places"]
    countries = places[(places["place_type"] == "country") & (places["country_code"] != "")]
    by_country = countries.groupby("country_code").agg(
        place=("place", "first"), mentions=("doc_id", "size"), docs=("doc_id", _doc_list),
        ndocs=("doc_id", "nunique"))
    located = places[(places["place_type"] != "country") & (places["latitude"] != "")
                     & (places["longitude"] != "")]
    by_point = located.groupby(["place", "latitude", "longitude"]).agg(
        mentions=("doc_id", "size"), docs=("doc_id", _doc_list),
        ndocs=("doc_id", "nunique")).reset_index()
    all_codes = [f["id"] for f in world["features"]]
    fig = go.Figure()
    fig.add_trace(go.Choropleth(  # the land: every country, not mentioned
        locationmode="geojson-id", locations=all_codes, z=[0] * len(all_codes),
        colorscale=[[0, "#e8e8e8"], [1, "#e8e8e8"]], showscale=False, hoverinfo="skip",
        marker_line_color="white", marker_line_width=0.5))
    fig.add_trace(go.Choropleth(
        locationmode="geojson-id", locations=by_country.index,
        z=np.log10(by_country["mentions"]), colorscale=[[0, "#c6dbef"], [1, "#08306b"]], zmin=0,
        marker_line_color="white",
        marker_line_width=0.5, customdata=by_country.index,
        text=by_country["place"] + ": " + by_country["mentions"].astype(str) + " mentions in "
        + by_country["ndocs"].astype(str) + " documents<br>" + by_country["docs"],
        hovertemplate="%{text}<extra></extra>",
        colorbar={"title": "mentions", "tickvals": [0, 1, 2, 3, 4],
                  "ticktext": ["1", "10", "100", "1k", "10k"], "len": 0.6}))
    fig.add_trace(go.Scattergeo(
        lat=pd.to_numeric(by_point["latitude"]), lon=pd.to_numeric(by_point["longitude"]),
        mode="markers", customdata=by_point["place"],
        marker={"size": 5 + 4 * np.sqrt(by_point["mentions"]).clip(upper=10),
                "color": "#e45756", "opacity": 0.7, "line": {"width": 0.5, "color": "white"}},
        text=by_point["place"] + ": " + by_point["mentions"].astype(str) + " mentions in "
        + by_point["ndocs"].astype(str) + " documents<br>" + by_point["docs"],
        hovertemplate="%{text}<extra></extra>"))
    # Plotly draws none of its own base layers: the countries above are the outline
    fig.update_geos(visible=False, showframe=False, projection_type="natural earth",
                    lataxis_range=[-58, 85])
    fig.update_layout(height=520, showlegend=False, margin={"l": 0, "r": 0, "t": 10, "b": 0})
    return figure_dict(fig)


def place_documents(tables: dict[str, pd.DataFrame]) -> dict[str, list[str]]:
    """For the page: each place (and each country code) → the documents naming it."""
    places = tables["places"]
    by_name = places.groupby("place")["doc_id"].agg(lambda s: sorted(set(s)))
    by_code = places[places["place_type"] == "country"].groupby("country_code")["doc_id"].agg(
        lambda s: sorted(set(s)))
    return {**by_name.to_dict(), **by_code.to_dict()}


# --- the citation network --------------------------------------------------------------------

def citation_counts(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    cites = tables["symbols"]
    cites = cites[cites["relation"] != "self"]
    return (cites.groupby("symbol").agg(documents=("doc_id", "nunique"),
                                        mentions=("doc_id", "size"))
            .sort_values(["documents", "mentions"], ascending=False))


def network_figure(tables: dict[str, pd.DataFrame]) -> dict:
    """Documents and the symbols they cite; a cited symbol that is a corpus document's own
    is that document's node, so citations between corpus documents show as document links."""
    docs = tables["documents"]
    own = docs[docs["symbol"] != ""].set_index("symbol")["doc_id"]
    counts = citation_counts(tables)
    top = counts.head(TOP_SYMBOLS).index
    cites = tables["symbols"]
    cites = cites[(cites["relation"] != "self") & cites["symbol"].isin(top)]
    citers = cites.groupby("doc_id").size().sort_values(ascending=False).head(TOP_CITERS).index
    edges = cites[cites["doc_id"].isin(citers)].drop_duplicates(["doc_id", "symbol"])
    graph = nx.DiGraph()
    for row in edges.itertuples(index=False):
        target = own.get(row.symbol)
        target = ("doc", target) if isinstance(target, str) else ("symbol", row.symbol)
        if target != ("doc", row.doc_id):
            graph.add_edge(("doc", row.doc_id), target)
    if not graph:
        return figure_dict(go.Figure().update_layout(
            height=120, annotations=[{"text": "no citations", "showarrow": False}]))
    pos = nx.spring_layout(graph, seed=1, iterations=60)
    edge_x: list = []
    edge_y: list = []
    for a, b in graph.edges():
        edge_x += [pos[a][0], pos[b][0], None]
        edge_y += [pos[a][1], pos[b][1], None]
    fig = go.Figure(go.Scatter(x=edge_x, y=edge_y, mode="lines", hoverinfo="skip",
                               showlegend=False, line={"width": 0.6, "color": "#bbb"}))
    titles = docs.set_index("doc_id")["title"]
    for kind, color, name in (("doc", "#4c78a8", "corpus document"),
                              ("symbol", "#f58518", "cited symbol")):
        nodes = [n for n in graph.nodes if n[0] == kind]
        cited_by = [graph.in_degree(n) for n in nodes]
        labels = [n[1] for n in nodes]
        hover = [f"{n[1]}<br>{str(titles.get(n[1], ''))[:80]}" if kind == "doc" else n[1]
                 for n in nodes]
        fig.add_trace(go.Scatter(
            x=[pos[n][0] for n in nodes], y=[pos[n][1] for n in nodes], mode="markers",
            name=name, text=[f"{h}<br>cited by {c} documents here" for h, c in
                             zip(hover, cited_by, strict=True)],
            customdata=[page_href(x) if kind == "doc" else "" for x in labels],
            hovertemplate="%{text}<extra></extra>",
            marker={"color": color, "size": [(9 if kind == "doc" else 6) + 3 * np.sqrt(c)
                                             for c in cited_by],
                    "line": {"width": 0.5, "color": "white"}}))
    fig.update_layout(height=560, margin={"l": 0, "r": 0, "t": 10, "b": 0},
                      legend={"orientation": "h"}, plot_bgcolor="white",
                      xaxis={"visible": False}, yaxis={"visible": False})
    return figure_dict(fig)


def top_cited_figure(tables: dict[str, pd.DataFrame], top: int = 25) -> dict:
    counts = citation_counts(tables).head(top).iloc[::-1]
    fig = go.Figure(go.Bar(x=counts["documents"], y=counts.index, orientation="h",
                           marker_color="#f58518", customdata=counts["mentions"],
                           hovertemplate="%{y}: cited by %{x} documents, %{customdata} "
                           "times<extra></extra>"))
    fig.update_layout(height=max(200, 60 + 18 * len(counts)), xaxis_title="citing documents",
                      margin={"l": 10, "r": 10, "t": 30, "b": 40})
    return figure_dict(fig)


# --- the actors ------------------------------------------------------------------------------

def _roles(actors: pd.DataFrame) -> pd.Series:
    """Per actor, its roles with their counts, most frequent first, one per line."""
    named = actors[actors["role"] != ""]
    counted = named.groupby(["actor", "role"]).size().rename("n").reset_index()
    counted = counted.sort_values(["actor", "n", "role"], ascending=[True, False, True])
    counted["line"] = counted["role"] + " (" + counted["n"].astype(str) + ")"
    return counted.groupby("actor")["line"].agg(lambda lines: "<br>".join(lines.head(5)))


def actors_figure(tables: dict[str, pd.DataFrame]) -> dict:
    actors = tables["actors"]
    types = ["state", "organization", "person"]
    fig = make_subplots(rows=1, cols=3, subplot_titles=types, horizontal_spacing=0.2)
    for col, actor_type in enumerate(types, start=1):
        rows = actors[actors["actor_type"] == actor_type]
        top = (rows.groupby("actor").agg(mentions=("doc_id", "size"),
                                         ndocs=("doc_id", "nunique"))
               .sort_values("mentions", ascending=False).head(TOP_ACTORS).iloc[::-1])
        roles = _roles(rows[rows["actor"].isin(top.index)]).reindex(top.index).fillna("")
        label = [f"{a[:28]}…" if len(a) > 30 else a for a in top.index]
        fig.add_trace(go.Bar(
            x=top["mentions"], y=label, orientation="h", name=actor_type,
            text=roles.str.split("<br>").str[0].str.replace(r" \(\d+\)$", "", regex=True),
            textposition="inside", insidetextanchor="start",
            customdata=np.stack([top.index, top["ndocs"], roles], axis=-1)
            if len(top) else None,
            hovertemplate="%{customdata[0]}: %{x} mentions in %{customdata[1]} documents"
            "<br>%{customdata[2]}<extra></extra>"), 1, col)
    fig.update_layout(height=140 + 22 * TOP_ACTORS, showlegend=False,
                      margin={"l": 10, "r": 10, "t": 40, "b": 30})
    return figure_dict(fig)
