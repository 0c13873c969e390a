"""Places named as locations: gazetteer matches, minus states acting, names of organizations,
treaties and events that contain a place, and people who share a place's name."""

from __future__ import annotations

from collections import Counter
from functools import cache

import regex

from pipeline.coordinates import with_coordinates
from pipeline.extract import reporting
from pipeline.extract.subdivisions import (
    cued_hits,
    placed_subdivisions,
    with_subdivision_senses,
)
from pipeline.gazetteer import (
    Place,
    PlaceHit,
    article_only,
    name_key,
    place_hits,
    us_state,
)
from pipeline.models import Context, PlaceMention
from pipeline.reference import alternation, read_data, split_aliases, word_list
from pipeline.towns import local_hits

# Capitalised words that head the name of an organization, office or body: a place after
# `<Head> of|for ...` is part of that name (`Economic Commission for Africa`).
ORG_HEAD = alternation(word_list("head_nouns.csv", "place_name"))
# UN field missions are named `<Mission|Force|Operation> in <country>` (`United Nations
# Operation in Côte d'Ivoire`): there `in` joins the name too.
MISSION_HEAD = r"Mission|Force|Operation|Office|Observer\s+Group|Verification\s+Mission"

# The run of capitalised words and name-joining words right before a mention.
NAME_BEFORE = regex.compile(
    rf"""(?:
        \b(?:{ORG_HEAD})(?:\s+(?:[A-Z][\w'’-]*|of|for|the|and|on|to|de|des|du|la|le|'s))*
        \s+(?:of|for|on|to)\s+(?:the\s+)?
      | \b(?:{MISSION_HEAD})\s+(?:[A-Z][\w'’-]*\s+)*(?:in|at)\s+(?:the\s+)?
    )\Z""",
    regex.VERBOSE,
)
# A capitalised word right after a mention, on the same line: the mention names something else
# (`Rome Statute`, `New York Declaration`, `Niger Delta`, `Chad Smith`).
# (`United States dollars` is a currency, not a place.)
NAME_AFTER = regex.compile(r"[^\S\n]+(?:\+\d+|[A-Z][\w'’-]*|of\s+Action)|\s+dollars?\b")
# A place name that qualifies a group noun, alone or in a list of such qualifiers, names the
# group, not a location: `the African, Caribbean and Pacific countries`, `Caribbean nations`
# (but `Atlanta, Georgia, United States` is a list of places: `United States` is a name).
GROUP_AFTER = regex.compile(
    r"(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)(?:the\s+)?\p{Lu}[\w’'-]*)*"
    r"(?<!\bUnited)\s+(?:countries|States|Group|nations|economies)\b"
)
# A name-heading word after a line break still joins the name (`the Rome\nStatute`).
HEAD_AFTER = regex.compile(
    rf"\s+(?:{ORG_HEAD}|Accords?|Consensus|Principles|Process|Compact|Pact|Rules|Guidelines"
    rf"|Commitments?|Call|Appeal|Document|Outcome|Roadmap|Action\s+Agenda)\b"
)
# Titles before a name make the next word a person's name (`Mr. Jordan`).
# A person's title may come with a given name (`Mr. José Rizal`).
PERSON_BEFORE = regex.compile(
    rf"(?:\b{alternation(word_list('person_titles.csv', 'before_place'))}\.?\s+"
    r"(?:\p{Lu}[\p{L}'’\-]*\.?[ \t]+)?"
    r"|\b(?:Saint|St|Lake|Mount|Mt|Cape)\.?\s+)\Z"
)
# A capitalised word before a one-word mention joins it into a longer name (`Michael Jordan`,
# `Lake Victoria`, `José Rizal`), unless it starts a sentence or a heading or is a joining word.
CAP_BEFORE = regex.compile(r"(?<![.!?:;]\s*)(?<!^\s*)\b\p{Lu}\p{Ll}+[ \t]+\Z", regex.MULTILINE)
# Compass words, demonyms and other adjectives qualify a place rather than join a name:
# `Imperial Germany`, `South VietNam`, `Mediterranean Europe`, `African Great Lakes region`.
MODIFIER = regex.compile(
    r"North|South|East|West|Central|Greater|Upper|Lower|Imperial|Metropolitan|Mediterranean"
    r"|\w+(?:ern|ese|ian|ish|can|ial)"
)
NOT_NAME_WORDS = frozenset({
    "In", "At", "From", "To", "Of", "And", "The", "By", "For", "On", "With", "Near", "Across",
    "Throughout", "Within", "Between", "Including", "Like", "Than", "Via", "Into", "Outside",
    "Inside", "Over", "Under",
})


def inside_name(text: str, hit: PlaceHit) -> bool:
    """True when the mention is part of a longer name (organization, treaty, event, person)."""
    window = text[max(0, hit.start - 150) : hit.start]
    if NAME_BEFORE.search(window) or PERSON_BEFORE.search(window[-40:]):
        return True
    if HEAD_AFTER.match(text, hit.end) or GROUP_AFTER.match(text, hit.end):
        return True
    after = NAME_AFTER.match(text, hit.end)
    if after and not place_follows(text, after.end(), hit):
        return True
    before = CAP_BEFORE.search(window[-30:])
    if not before:
        return False
    word = before.group().strip()
    return word not in NOT_NAME_WORDS and not MODIFIER.fullmatch(word)


# A feature named by a common word or a name people bear (`Gulf`, `Nile`) is the feature only as
# `the Gulf`, and not as the head of another name (`the Gulf of Mexico`, `the Gulf of Riga`).
ARTICLE_BEFORE = regex.compile(r"\b(?:the|The|THE)\s+\Z")
OF_AFTER = regex.compile(r"\s+of\b")


def lacks_article(text: str, hit: PlaceHit) -> bool:
    """True for a bare word that names a feature only after `the` (see `gazetteer.features`)."""
    if name_key(hit.text) not in article_only():
        return False
    before = ARTICLE_BEFORE.search(text, max(0, hit.start - 8), hit.start)
    return before is None or OF_AFTER.match(text, hit.end) is not None


def place_follows(text: str, end: int, hit: PlaceHit) -> bool:
    """The capitalised word after a mention is itself the start of a place (`Tskhinvali
    region/South Ossetia` is fine; so are lists written without commas in headings)."""
    nxt = place_hits(text[hit.end : end + 40])
    return bool(nxt) and nxt[0].start <= end - hit.end


def resolve(text: str, hit: PlaceHit) -> Place:
    """Context disambiguation of a matched name (`Georgia` the US state, only when the text
    says so)."""
    if hit.place.country_code == "GEO" and hit.place.place_type == "country":
        state = us_state(text, hit.start, hit.end)
        if state is not None:
            return state
    return hit.place


def mention(text: str, hit: PlaceHit) -> PlaceMention:
    p = with_coordinates(resolve(text, hit))
    return PlaceMention(hit.start, hit.end, hit.text, p.name, p.place_type, p.country_code,
                        p.geonames_id, p.latitude, p.longitude, p.subdivision)


# --- features named by their head word ----------------------------------------------------

# A name of one to three capitalised words before a head word of feature_heads.csv (`Jordan
# Valley`, `Kakuma refugee camp`), or of one word after it (`Lake Albert`, `Mount Elgon`; a
# second one makes another name: `Mount Sinai Hospital`).
NAME_WORD = r"\p{Lu}[\p{L}'’\-]+"
NAME_WORD_RE = regex.compile(NAME_WORD)


def head_words(position: str) -> str:
    return alternation(word_list_by_position(position), space=r"[^\S\n]+")


def word_list_by_position(position: str) -> tuple[str, ...]:
    return tuple(r["head"] for r in read_data("feature_heads.csv") if r["position"] == position)


FEATURE = regex.compile(
    rf"(?<![\p{{L}}\-])(?:(?P<name>{NAME_WORD}(?:[^\S\n]+{NAME_WORD}){{0,2}})[^\S\n]+"
    rf"(?:{head_words('after')})|(?:{head_words('before')})"
    rf"(?P<after>[^\S\n]+{NAME_WORD}))(?![\p{{L}}\-])"
)


def feature_hits(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """Features named by a head word: `Jordan Valley` is a valley, not Jordan. One whose span a
    gazetteer name reaches beyond (`Marshall Islands`, `Congo River`: the gazetteer's own) is
    left to the gazetteer; a name that starts with a joining word or a demonym is cut or
    dropped (`In Jordan Valley`, `Syrian refugee camps`)."""
    out = []
    for m in FEATURE.finditer(text):
        start = m.start()
        if m.group("name") is not None:
            words = list(NAME_WORD_RE.finditer(text, m.start("name"), m.end("name")))
            while words and words[0].group() in NOT_NAME_WORDS | {"The"}:
                words.pop(0)
            if (not words or MODIFIER.fullmatch(words[0].group())
                    or adjective_words().intersection(w.group() for w in words)):
                continue
            start = words[0].start()
        end = m.end()
        if any(h.start < end and start < h.end and (h.start < start or h.end > end)
               for h in hits) or any(h.start == start and h.end == end for h in hits):
            continue
        inner = [h.place for h in hits if start <= h.start and h.end <= end]
        code = next((p.country_code for p in inner if p.place_type in ("city", "region")), "")
        name = " ".join(text[start:end].split())
        out.append(PlaceHit(start, end, text[start:end], Place(name, "other", code)))
    return out


def with_features(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """The hits, a feature named by its head word in place of the names inside it."""
    features = feature_hits(text, hits)
    if not features:
        return hits
    kept = [h for h in hits if not any(f.start <= h.start and h.end <= f.end for f in features)]
    return sorted(kept + features, key=lambda h: h.start)


@cache
def adjective_words() -> frozenset[str]:
    """States' adjectives (`Syrian`, `Somali`): `Somali refugee camps` names no camp."""
    return frozenset(a for r in read_data("countries.csv") for a in split_aliases(r["adjectives"]))


# The countries a document is mostly about: at least this many of its locations, and at least
# this share of them, lie there (a mission report on Mali; not a speech that names its own
# country a few times among thirty places).
DOMINANT_MIN_MENTIONS = 5
DOMINANT_MIN_SHARE = 0.3


def dominant_countries(places: list[Place]) -> tuple[str, ...]:
    """The iso3 codes of the countries most of the located places lie in, most named first."""
    counts = Counter(p.country_code for p in places if p.country_code)
    total = sum(counts.values())
    return tuple(
        code for code, k in counts.most_common(2)
        if k >= DOMINANT_MIN_MENTIONS and k >= DOMINANT_MIN_SHARE * total
    )


# A place that names a disease is no location: `Rift Valley fever`, `West Nile virus`, `Marburg
# virus disease` (WHO disease names).
DISEASE_AFTER = regex.compile(r"[^\S\n]+(?:fever|virus|disease)\b")


def is_location(text: str, hit: PlaceHit) -> bool:
    """Not part of a longer name or a disease's name, not a bare word that needs its
    article."""
    return (not inside_name(text, hit) and not lacks_article(text, hit)
            and not DISEASE_AFTER.match(text, hit.end))


def find(ctx: Context) -> list[PlaceMention]:
    """Locations: candidates (the gazetteer's matches) → resolve (no state acting, no part of
    a longer name; small towns of the countries the document is mostly about) → mentions."""
    hits = ctx.place_hits
    kept = locations(ctx, hits)
    # a news story's dateline prints its place in capitals (`GENEVA, 3 March 2024 —`)
    return reporting.with_dateline(ctx, [mention(ctx.text, h) for h in kept])


def locations(ctx: Context, hits: list[PlaceHit]) -> list[PlaceHit]:
    """The hits that name a location, with the features named by their head word, the
    subdivisions named by a common word where the text places them, and the smaller towns
    GeoNames knows in the countries most of them lie in (see `towns.local_hits`)."""
    text = ctx.text
    hits = with_features(text, with_subdivision_senses(hits))
    hits = sorted(hits + cued_hits(text, hits), key=lambda h: h.start)
    hits = placed_subdivisions(text, hits)
    acting = {s.start for s in ctx.states if s.acting and not s.by_adjective}
    kept = [h for h in hits if h.start not in acting and is_location(text, h)]
    dominant = dominant_countries([resolve(text, h) for h in kept])
    if not dominant:
        return kept
    # the same spans keep their decision; only new or re-resolved spans are judged
    kept_starts = {h.start for h in kept}
    hit_starts = {h.start for h in hits}
    return [h for h in local_hits(text, dominant, hits)
            if h.start in kept_starts or (h.start not in hit_starts and is_location(text, h))]
