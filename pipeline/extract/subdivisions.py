"""First-level subdivisions in context: which of several countries' units a shared name means,
the units named by a common word where the text places them, and the units named alone only in
a text about their country. The units themselves are the gazetteer's (`gazetteer.subdivisions`,
from data/subdivisions.csv); this module reads them in the text around them."""

from __future__ import annotations

from collections import Counter

import regex

from pipeline.gazetteer import (
    SUBDIVISION_KINDS,
    Place,
    PlaceHit,
    index,
    index_sources,
    index_versions,
    name_key,
    place_hits,
    strip_article,
    subdivisions,
    tokens,
    un_names,
)
from pipeline.phrases import PhraseIndex, first_come
from pipeline.stored import stored


# kept between processes like the gazetteer's index (half a second of each worker's start)
@stored("subdivisions-cued", index_sources, index_versions)
def cued_index() -> PhraseIndex[Place]:
    """The subdivisions' names that are common words (`Unity`, `Central`), apart from the
    gazetteer so that nothing else reads them as places: `cued_hits` matches them only
    where the text places them. A name another place bears is that place's."""
    taken = index().phrases
    return PhraseIndex.of(first_come(
        (key, place) for place, _, cued in subdivisions()
        for key in map(name_key, cued) if key not in taken
    ))


@stored("subdivisions-senses", index_sources, index_versions)
def subdivision_senses() -> dict[tuple[str, ...], tuple[Place, ...]]:
    """Index key of a name that subdivisions of several countries bear (`Punjab` in India and
    in Pakistan, `Eastern Province`) -> each of them, the index's choice first."""
    options: dict[tuple[str, ...], list[Place]] = {}
    for place, plain, cued in subdivisions():
        for key in map(name_key, (*plain, *cued)):
            options.setdefault(key, []).append(place)
    out = {}
    for key, places in options.items():
        chosen = index().phrases.get(key) or cued_index().phrases.get(key)
        codes = {p.country_code for p in places}
        if chosen is not None and chosen.subdivision and len(codes) > 1:
            out[key] = (chosen, *(p for p in places if p.country_code != chosen.country_code))
    return out


def with_subdivision_senses(hits: list[PlaceHit],
                            context: list[PlaceHit] | None = None) -> list[PlaceHit]:
    """A name that subdivisions of several countries bear means the one in the country the
    text names most among `context` (default: `hits`; on a tie, the index's choice)."""
    table = subdivision_senses()
    keys = [name_key(strip_article(h.text)) if h.place.subdivision else () for h in hits]
    if not any(k in table for k in keys):
        return hits
    named = Counter(h.place.country_code for h in (hits if context is None else context)
                    if h.place.place_type == "country")
    out = []
    for hit, key in zip(hits, keys, strict=True):
        if key in table:
            best = max(table[key], key=lambda p: named[p.country_code])
            hit = PlaceHit(hit.start, hit.end, hit.text, best)
        out.append(hit)
    return out


# --- subdivisions named by a common word ---------------------------------------------------

# `Unity`, `Lakes`, `Central` name a subdivision only where the text places it: right before
# its country (`Lakes, South Sudan`, `Unity (South Sudan)`), or after a preposition of place in
# a text that names its country (`fighting in Unity` in a report on South Sudan; not `to the
# West`: with an article it is the common word). With its kind
# (`Unity State`) the gazetteer has the name already.
COUNTRY_NEXT = regex.compile(r"[^\S\n]*[,(][^\S\n]*")
PLACE_PREPOSITION = regex.compile(r"\b(?:in|from|across|throughout)\s+\Z")


def cued_hits(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """Subdivisions named by a common word, where the text places them (see above)."""
    idx = cued_index()
    toks = tokens(text)
    words = [t[2] for t in toks]
    named = {h.place.country_code for h in hits if h.place.place_type == "country"}
    taken = [(h.start, h.end) for h in hits]
    out = []
    for i, word in enumerate(words):
        if word not in idx.lengths:
            continue
        found = idx.longest_at(words, i)
        if found is None:
            continue
        start, end = toks[i][0], toks[i + found[0] - 1][1]
        if any(s < end and start < e for s, e in taken):
            continue
        hit = with_subdivision_senses([PlaceHit(start, end, text[start:end], found[1])], hits)[0]
        if placed(text, hit, named):
            out.append(hit)
    return out


def placed(text: str, hit: PlaceHit, named: set[str]) -> bool:
    code = hit.place.country_code
    after = COUNTRY_NEXT.match(text, hit.end)
    if after:
        nxt = place_hits(text[after.end() : after.end() + 60])
        if nxt and nxt[0].start == 0 and nxt[0].place.place_type == "country" \
                and nxt[0].place.country_code == code:
            return True
    return code in named and bool(
        PLACE_PREPOSITION.search(text, max(0, hit.start - 20), hit.start))


# A subdivision named without its kind (`Gujarat`, not `Gujarat State`) counts where the text
# names its country, or right after a city of that country (`Raleigh, North Carolina`): a
# Solomon Islands province named `Isabel` in a speech that never names the Solomon Islands is a
# woman named Isabel. Names the UN uses as regions of their own (regions.csv: `North Kivu`,
# `Crimea`) count everywhere.
KIND_WORD = regex.compile(rf"\b(?:{'|'.join(SUBDIVISION_KINDS)})\b", regex.IGNORECASE)
CITY_COMMA = regex.compile(r",[^\S\n]*\Z")


def placed_subdivisions(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    named = {h.place.country_code for h in hits if h.place.place_type == "country"}
    out: list[PlaceHit] = []
    for hit in hits:
        place = hit.place
        if (not place.subdivision or place.country_code in named
                or place.subdivision in un_names() or KIND_WORD.search(hit.text)
                or after_city_of(text, hit, out)):
            out.append(hit)
    return out


def after_city_of(text: str, hit: PlaceHit, before: list[PlaceHit]) -> bool:
    """The subdivision follows a city of its country and a comma (`Raleigh, North Carolina`)."""
    prev = before[-1] if before else None
    return (prev is not None and prev.place.place_type == "city"
            and prev.place.country_code == hit.place.country_code
            and CITY_COMMA.fullmatch(text, prev.end, hit.start) is not None)


