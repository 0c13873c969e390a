"""Symbols against the UN's own links: the pipeline's symbol extractor on UN resolutions marked
up by the UN in Akoma Ntoso (AKN4UN), scored against the documents each text links to.

The UN's Department for General Assembly and Conference Management (DGACM) publishes its
resolutions in AKN4UN XML; every citation its editors linked is an `<a href="https://undocs.org/
en/SYMBOL">`. `eval/akn/*.xml` hold excerpts of such files (MANIFEST.csv: source repository,
path, commit): the paragraphs that carry a number, their footnotes and links, as published.

Each file is rendered as the corpus builder renders AKN4UN (one paragraph per line, footnote
markers left in the text, footnotes after a `____` rule), the extractor runs on that text, and
each of its mentions is compared with the links at the same place. Normalization, as the UN
writes link targets (`_link_symbol`, `_as_linked`):
- a target is the symbol after `undocs.org/` (with or without the language), spaces removed,
  compared without regard to case;
- ODS's `(supp)` mark after an official-records supplement is dropped (`A/31/17(supp)`);
- a parts range in a target is dropped (`A/RES/74/92a-b` for `74/92 A and B`);
- part letters are dropped: the UN links `217 A (III)` to `A/RES/217(III)` and `45/55 B` to
  `A/RES/45/55` (one document holds all parts), so `A/RES/217A(III)` counts as `A/RES/217(III)`;
- a link split in pieces with one target (`58/` `2` `92`) is one link;
- a mention of the document itself (`the present resolution`) is not a citation: left out.

A mention the UN did not link is not necessarily wrong: the UN links neither decisions nor the
second symbol of a joint document (`A/78/62-E/2023/49` links A/78/62 only), nor many older
resolutions. Such mentions, judged right by reading, are listed in `eval/akn/unlinked.csv`
(with the reason); precision is given both against the links alone and with that list.

    .venv/bin/python eval/akn_compare.py        # totals
    .venv/bin/python eval/akn_compare.py -v     # and every miss and every unlinked mention
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from pipeline.extract import symbols
from pipeline.models import Context

AKN = Path(__file__).parent / "akn"
_UNDOCS = re.compile(r"^https?://(?:www\.)?undocs\.org/(?:(?:en|fr|es|sp|ar|ru|zh)/)?")
_PART_LETTER = re.compile(r"(?<=\d)[A-Z](?=\(|$)")


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    symbol: str


def _link_symbol(href: str) -> str:
    """The symbol a link targets; ODS marks official-records supplements `(SUPP)`, which is
    no part of the document's symbol (`A/31/17(supp)` is A/31/17)."""
    symbol = re.sub(r"\s+", "", unquote(_UNDOCS.sub("", href))).upper()
    symbol = re.sub(r"\(SUPP\)$", "", symbol)
    return re.sub(r"(?<=\d)[A-Z]-[A-Z]$", "", symbol)  # `74/92a-b`: parts A and B, one document


def _as_linked(symbol: str) -> str:
    """A symbol as the UN writes link targets: no spaces, no part letter, upper case."""
    return _PART_LETTER.sub("", re.sub(r"\s+", "", symbol)).upper()


def render(root: ET.Element) -> tuple[str, list[Link]]:
    """The text of an excerpt as the corpus builder renders AKN4UN, and its links."""
    out: list[str] = []
    links: list[Link] = []
    notes: list[tuple[str, ET.Element]] = []
    pos = 0

    def emit(s: str) -> None:
        nonlocal pos
        out.append(s)
        pos += len(s)

    def walk(el: ET.Element) -> None:
        if el.text:
            emit(el.text)
        for child in el:
            if child.tag == "note":
                emit(child.get("marker", ""))
                notes.append((child.get("marker", ""), child))
            elif child.tag == "a":
                start = pos
                walk(child)
                symbol = _as_linked(_link_symbol(child.get("href", "")))
                if links and links[-1].symbol == symbol and links[-1].end == start:
                    start = links.pop().start  # one link printed in pieces
                links.append(Link(start, pos, symbol))
            else:
                walk(child)
            if child.tail:
                emit(child.tail)

    for p in root.iter("p"):
        walk(p)
        emit("\n\n")
    if notes:
        emit("____\n\n")
        for marker, note in notes:
            emit(f"{marker} ")
            walk(note)
            emit("\n\n")
    return "".join(out), links


def _unlinked() -> dict[tuple[str, str], str]:
    path = AKN / "unlinked.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {(r["file"], _as_linked(r["symbol"])): r["reason"] for r in csv.DictReader(f)}


def compare(verbose: bool = False) -> dict[str, int]:
    unlinked = _unlinked()
    n = dict(links=0, found=0, linked_found=0, hits=0, unlinked_right=0)
    for path in sorted(AKN.glob("*.xml")):
        root = ET.parse(path).getroot()
        text, links = render(root)
        ctx = Context(text=text, doc_symbol=root.get("symbol", ""))
        found = [m for m in symbols.find(ctx) if m.relation != "self"]
        matched: set[int] = set()
        for m in found:
            at = [i for i, ln in enumerate(links) if ln.start < m.end and m.start < ln.end]
            same = [i for i in at if links[i].symbol == _as_linked(m.symbol)]
            if same:
                n["hits"] += 1
                matched.update(same)
            elif (path.name, _as_linked(m.symbol)) in unlinked:
                n["unlinked_right"] += 1
                if verbose:
                    print(f"{path.name}: unlinked {m.symbol!r} at {m.start}: "
                          f"{unlinked[path.name, _as_linked(m.symbol)]}")
            elif verbose:
                where = f" (linked {links[at[0]].symbol})" if at else ""
                print(f"{path.name}: WRONG {m.symbol!r} {text[m.start:m.end]!r}{where}: "
                      f"…{text[max(0, m.start - 60):m.end + 20]!r}")
        for i, ln in enumerate(links):
            if i not in matched and verbose:
                print(f"{path.name}: MISSED {ln.symbol} {text[ln.start:ln.end]!r}: "
                      f"…{text[max(0, ln.start - 70):ln.end + 10]!r}")
        n["links"] += len(links)
        n["found"] += len(found)
        n["linked_found"] += len(matched)
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    n = compare(args.verbose)
    docs = len(list(AKN.glob("*.xml")))
    recall = n["linked_found"] / n["links"] if n["links"] else 1.0
    precision = n["hits"] / n["found"] if n["found"] else 1.0
    judged = (n["hits"] + n["unlinked_right"]) / n["found"] if n["found"] else 1.0
    print(f"{docs} documents, {n['links']} links, {n['found']} mentions found")
    print(f"recall    {recall:.3f}  ({n['linked_found']}/{n['links']} links found)")
    print(f"precision {precision:.3f}  ({n['hits']}/{n['found']} mentions linked by the UN)")
    print(f"precision {judged:.3f}  (counting {n['unlinked_right']} unlinked mentions judged "
          "right, eval/akn/unlinked.csv)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
