// Draws the report's charts from the JSON the page carries; the timeline is drawn here from its
// rows, so that choosing a document redraws it with that document's dates only.
"use strict";
const DATA = JSON.parse(document.getElementById("report-data").textContent);
const CONFIG = {responsive: true, displaylogo: false};
const DAY_MS = 86400000;
// The map draws no base layer of Plotly's (its countries come as GeoJSON in the data), but
// Plotly still asks for its world outline whenever a trace has a locationmode, fetching it from
// a CDN unless it is registered here. An empty topology keeps the page off the network.
window.PlotlyGeoAssets.topojson.world_110m = {type: "Topology", objects: {}, arcs: []};

function draw(id, figure) {
  return Plotly.newPlot(id, figure.data, figure.layout, CONFIG);
}

// a click on a point whose customdata is a review page opens that page
function linkPoints(id) {
  document.getElementById(id).on("plotly_click", (event) => {
    const href = event.points[0].customdata;
    if (typeof href === "string" && href.startsWith("review/")) window.location.href = href;
  });
}

function timelineFigure(docIndex) {
  const tl = DATA.timeline;
  const every = docIndex === "";
  const rows = every ? tl.all : tl.rows.filter((r) => r[0] === Number(docIndex));
  const points = {x: [], y: [], text: [], size: []};
  const bars = {base: [], x: [], y: [], text: []};
  for (const [first, kind, start, days, count, text] of rows) {
    const label = every ? `${text} (${count}× in ${first} document${first > 1 ? "s" : ""})`
                        : `${text}${count > 1 ? ` (${count}×)` : ""}`;
    if (days === 1) {
      points.x.push(start); points.y.push(kind); points.text.push(label);
      points.size.push(6 + 2 * Math.sqrt(count));
    } else {
      bars.base.push(start); bars.x.push(days * DAY_MS); bars.y.push(kind);
      bars.text.push(label);
    }
  }
  const kinds = tl.kinds.filter((k) => rows.some((r) => r[1] === k));
  return {
    data: [
      {type: "bar", orientation: "h", base: bars.base, x: bars.x, y: bars.y,
       hovertext: bars.text, hoverinfo: "text", name: "range", width: 0.5,
       marker: {color: "rgba(76,120,168,0.25)", line: {color: "rgba(76,120,168,0.8)", width: 1}}},
      {type: "scatter", mode: "markers", x: points.x, y: points.y, hovertext: points.text,
       hoverinfo: "text+x", name: "day",
       marker: {size: points.size, color: "rgba(228,87,86,0.55)"}},
    ],
    layout: {height: 140 + 45 * Math.max(kinds.length, 1), barmode: "overlay",
             margin: {l: 80, r: 20, t: 10, b: 40}, showlegend: false,
             xaxis: {type: "date"}, yaxis: {type: "category", categoryorder: "array",
                                            categoryarray: kinds.slice().reverse()}},
  };
}

function setUpTimeline() {
  const select = document.getElementById("timeline-doc");
  DATA.timeline.docs.forEach((doc, i) => select.add(new Option(doc, String(i))));
  const link = document.getElementById("timeline-review");
  select.addEventListener("change", () => {
    const figure = timelineFigure(select.value);
    Plotly.react("chart-timeline", figure.data, figure.layout, CONFIG);
    link.hidden = select.value === "";
    if (select.value !== "") link.href = DATA.timeline.hrefs[Number(select.value)];
  });
  return draw("chart-timeline", timelineFigure(""));
}

function setUpMap() {
  const list = document.getElementById("map-docs");
  for (const trace of DATA.map.data) {
    if (trace.locationmode === "geojson-id") trace.geojson = DATA.world;
  }
  draw("chart-map", DATA.map).then(() => {
    document.getElementById("chart-map").on("plotly_click", (event) => {
      const place = event.points[0].customdata;
      const docs = DATA.placeDocs[place] || [];
      list.replaceChildren(`${event.points[0].text.split(":")[0]}: `);
      for (const doc of docs) {
        const a = document.createElement("a");
        a.href = DATA.hrefs[doc] || "#documents";
        a.textContent = doc;
        list.append(a);
      }
    });
  });
}

setUpTimeline();
draw("chart-corpus", DATA.corpus).then(() => linkPoints("chart-corpus"));
setUpMap();
draw("chart-network", DATA.network).then(() => linkPoints("chart-network"));
draw("chart-top-cited", DATA.topCited);
draw("chart-actors", DATA.actors);
