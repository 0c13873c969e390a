"""Actors read from the structure of UN proceedings: meeting records, letters, Security Council
texts. What the layout says is more reliable than what a phrase suggests, so these candidates
win where they overlap the text-pattern ones (`with_structure`).

- Meeting records (`S/PV.n`, `A/n/PV.n`, any decade): the masthead officer (`President: Mr. Yang
  (Cameroon)`), a Vice-President who takes the Chair (`Mr. Diarra (Mali), Vice-President, took
  the Chair.`), speaker lines (`Mr. Kiboino (Kenya):`, `Mrs. X (Peru) (spoke in Spanish):`,
  `Mr. Garayev (Azerbaijan), Rapporteur of the Third Committee:`) and the chair's own lines (`The
  President:`, `The Acting President:`), each resolved to the person in the Chair at that point.
  A representative named with the state in brackets in the record's running text (`At the
  invitation of the President, Mr. Nesho (Albania), ... took the seats reserved for them`).
- The Security Council's attendance list (`Members:`, a state and its representative a row),
  read in `attendance`; a speaker printed otherwise takes the list's name for the
  representative of the same state (`Ms. Schoulgin Nyoni (Sweden):` is `Schoulgin-Nyoni`).
- Rosters of office holders with their country (`Chair: Marc Pecsteen de Buytswerve
  (Belgium)`, the masthead's `President:` line), and the states listed for an office
  (`Vice-Chairs: Peru and Poland`).
- Letters: the states a letter is from (`Letter dated ... from the Permanent Representative of
  Ukraine`); `(Signed) Name` and the title line under it (the UN Editorial Manual's signature
  block, https://www.un.org/dgacm/en/content/editorial-manual/communications); the office of the
  document's own sender (`Letter dated ... from the President of the Security Council`) is the
  signatory who holds it.
- Security Council committees named by their resolution (`the Committee established pursuant to
  resolution 1267 (1999)`), under the name of `data/sc_committees.csv`.

Every offset is a regex group's own offset in `ctx.text`, so `text == clean_text[start:end]`.
"""

from __future__ import annotations

import functools
import re

from pipeline.calendar import ORDINALS
from pipeline.extract import attendance
from pipeline.extract.record_names import (
    BRACKET,
    NAME,
    NAME_WORD,
    PARTICLE,
    TITLE,
    fold,
    person,
    printed_name,
    slug,
    state_hits,
    state_of,
)
from pipeline.models import ActorMention, Context
from pipeline.reference import read_data

# --- the lines of a record -----------------------------------------------------------------

NOTE = r"(?:[ ]\([^()\n]{1,40}\))"  # `(spoke in French)`, `(translated from Russian)`

# a label opens a line, or follows a tab where the ingest joined a column's last line to the
# next column's first (`06-37121\t9The Acting President`, A/60/PV.85; `Mr. SUNDE (Norway):`
# in S/PV.492), or the page furniture and form feed the ingest joined to it
# (`10\t07-50429\fMr. Hill (Australia):`, `07-50429\t15\fMr. Rogachev`, A/61/PV.107), or
# follows the sentence it was joined to (`... vote now. The President (spoke in Spanish):`, the
# cleaner's paragraphs of S/PV.7981; `officials.\fMs. Zabolotskaya (Russian Federation)`, a page
# break inside the line, A/79/PV.29)
LINE_START = (r"(?:^(?:[^\n\t]{0,30}\t[\d\-]{0,12})?|(?<=[.!?]\s)|(?<=[a-z][.!?]))"
              r"[ \t\f]*")
ENGLISH_TITLE = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\b"
SPEAKER = re.compile(
    rf"{LINE_START}(?P<title>{TITLE})[ ](?P<name>(?:{PARTICLE}[ ])?{NAME}):?[ ]{BRACKET}"
    rf"(?:,[ ](?P<office>[A-Z][^:\n()]{{2,80}}?))?(?P<note>{NOTE})?[ ]?:",
    re.MULTILINE,
)
CHAIR_LINE = re.compile(
    rf"{LINE_START}The[ ](?P<office>(?P<acting>Acting[ ])?(?:President|PRESIDENT))\b{NOTE}?"
    r"[ ]?:",
    re.MULTILINE,
)
# the Security Council's masthead sets the name and the state apart with dotted leaders, and
# pdftotext may put the bracket lines below (`President:\n\nMr. Baja . . . (Philippines)`,
# S/PV.5000; `Mrs. Nusseibeh . . . .\n\n(United Arab Emirates)`, S/PV.9000)
LEADERS = r"(?:[ \t]*(?:\.[ ]?){2,}\s{0,4})"
ROSTER = re.compile(
    rf"\b(?P<office>President|Chair|Facilitator):\s{{0,4}}(?:{TITLE}[ ])?(?P<name>{NAME})"
    rf"(?:{LEADERS}|[ \t]*){BRACKET}"
)
TOOK_CHAIR = re.compile(
    rf"{TITLE}[ ](?P<name>{NAME})[ ]{BRACKET},\s+(?P<office>Vice-President|Vice-Chair),\s+took\s+"
    r"the\s+Chair"
)
# a representative named in the record's own words, the state in brackets (`At the invitation
# of the President, Mr. Nesho (Albania), Mr. Sychou (Belarus) ... took the seats reserved for
# them`, S/PV.4000): the speaker line's convention without its colon; a name may break a line
SEATED_NAME = NAME.replace("[ ]", "[ \\n]")
REPRESENTATIVE = re.compile(
    rf"\b(?P<title>{ENGLISH_TITLE}\.?)[ ](?P<name>(?:{PARTICLE}[ ])?{SEATED_NAME})\s?{BRACKET}"
)
RECORD = re.compile(r"/PV\.\d")
PRESIDENT_BACK = re.compile(r"The\s+President\s+(?:took|resumed|returned\s+to)\s+the\s+Chair")
STATES_FOR = re.compile(r"\bVice-Chairs?:[ \t]*")
STATE_LINK = re.compile(r"(?:,[ ]|,?[ ]and[ ]|[ ]?\n[ ]?)")

# the words a signatory's title opens with: where the ingest joined the block's lines into one,
# the title is told from the name by them (`(Signed) Tarek Ladeb President of the Security ...`)
ROLE_HEAD = (r"(?:President|Vice-President|Permanent|Ambassador|Chargé|Minister|Secretary-General"
             r"|Secretary|Chair|Chairman|Chairperson|Deputy|Acting|Representative|Head|Under-"
             r"Secretary-General|Assistant|Executive|Director|Director-General|Special|High|Chief"
             r"|Prime|Observer|Counsellor|Coordinator)\b")
SIGNATORY = rf"(?!{ROLE_HEAD}){NAME_WORD}(?:[ ](?:{PARTICLE}[ ])?(?!{ROLE_HEAD}){NAME_WORD}){{0,4}}"
SIGNED = re.compile(
    rf"\(Signed\)[ \t]+(?P<name>{SIGNATORY})\s+(?P<role>{ROLE_HEAD}[^\n]{{0,120}}?)"
    r"[ \t]*(?=\n|\(Signed\)|$)"
)
OWN_SENDER = re.compile(
    r"^(?:Letter|Note|Identical\s+letters)\s+(?:dated\s+[^\n]{4,30}?\s+)?(?:from|by)\s+the\s+"
    r"(?P<office>[A-Z][\w\-]*(?:\s+(?:of|the|[A-Z][\w\-]*)){1,8}?)"
    r"(?=\s+(?:addressed|to|dated|on|concerning)\b|\s*\n\s*\n|\s*\Z)",
    re.MULTILINE,
)

# `Letter dated 4 August 2022 from the Permanent Representative of Ukraine to the United Nations
# addressed to ...`: the sender runs to the addressee, a clause break or the end of the title
LETTER_FROM = re.compile(
    r"\b(?:[Ll]etters?|[Cc]ablegrams?|[Nn]otes?\s+verbales?)\s+dated\s+[\w ,\n]{1,40}?\s+from\s+"
    r"(?P<sender>[^,;.()]{4,160}?)(?=\s+(?:ad\s?dressed|to\s+the|concerning|requesting)\b|[,;.(]"
    r"|\n\s*\n)"
)

RESOLUTION_YEAR = r"(?P<res>\d{1,4})\s?\((?P<year>\d{4})\)"
COMMITTEE = re.compile(
    rf"(?:Security\s+Council\s+)?(?:Committee|Working\s+Group)\s+(?:established\s+)?pursuant\s+to"
    rf"\s+resolutions?\s+{RESOLUTION_YEAR}(?:(?:,|\s+and)\s+\d{{1,4}}\s?\(\d{{4}}\))*"
)
CONCERNING = re.compile(r"\s+concerning\s+(?:the\s+)?")


# --- states -------------------------------------------------------------------------------


def state_list(text: str, pos: int) -> list[ActorMention]:
    """The states listed from `pos` on (`Peru and Russian Federation`), up to the first word
    that is not a state."""
    out = []
    window = text[pos : pos + 300]
    hits = state_hits(window)
    at = 0
    for h in hits:
        if h.start != at:
            break
        out.append(ActorMention(pos + h.start, pos + h.end, h.text, h.name, "state", "",
                                h.qid or slug(h.name)))
        link = STATE_LINK.match(window, h.end)
        if not link:
            break
        at = link.end()
    return out


# --- the Chair of a meeting ---------------------------------------------------------------

MASTHEAD = 1500  # characters: the masthead of a record stands before its first agenda item
SESSION = re.compile(r"(?P<ord>[A-Za-z]+(?:-[A-Za-z]+)?)\s+session\b", re.IGNORECASE)


def organ_of(ctx: Context) -> str:
    """`A` or `S`: the organ whose meeting this is, from the symbol or the masthead."""
    if ctx.organ in ("A", "S"):
        return ctx.organ
    head = ctx.text[:MASTHEAD]
    if re.search(r"plenary\s+meeting", head, re.IGNORECASE):
        return "A"
    if re.search(r"security\s+council", head, re.IGNORECASE):
        return "S"
    return ""


def session_of(ctx: Context) -> int:
    m = re.match(r"A/(\d+)/PV\.", ctx.doc_symbol)
    if m:
        return int(m[1])
    m = SESSION.search(ctx.text[:MASTHEAD])
    return ORDINALS.get(m["ord"].lower(), 0) if m else 0


@functools.cache
def assembly_presidents() -> dict[int, tuple[str, frozenset[str]]]:
    """Session → the President of the General Assembly and the folded surnames he or she is
    printed under."""
    out = {}
    for r in read_data("office_holders.csv"):
        if r["office_id"] == "president-of-the-general-assembly" and r["session"]:
            names = [r["person"], *r["aliases"].split("|")]
            out[int(r["session"])] = (r["person"], frozenset(fold(n.split()[-1]) for n in names
                                                            if n.strip()))
    return out


def president_name(ctx: Context, printed: str) -> str:
    """The masthead's President under the full name of the office holders' table where the
    surname is the session's President's; else as printed."""
    if organ_of(ctx) == "A":
        held = assembly_presidents().get(session_of(ctx))
        if held and fold(printed.split()[-1]) in held[1]:
            return held[0]
    return printed


def chair_role(organ: str, acting: bool) -> str:
    body = {"A": " of the General Assembly", "S": " of the Security Council"}.get(organ, "")
    return ("Acting President" if acting else "President") + body


def chair_mentions(ctx: Context) -> list[ActorMention]:
    """The masthead President and every Vice-President taking the Chair, and the lines the
    Chair speaks (`The President:`, `The Acting President:`) as the person then presiding."""
    text, organ = ctx.text, organ_of(ctx)
    out = []
    president = ""
    m = next((m for m in ROSTER.finditer(text[:MASTHEAD]) if m["office"] == "President"), None)
    if m:
        president = president_name(ctx, printed_name(m["name"]))
        out.append(person(m.start("name"), m.end("name"), text, president,
                          chair_role(organ, False)))
        state, _ = state_of(text, m.start("bracket"), m.end("bracket"))
        out += [state] if state else []
    # who holds the Chair from where: (position, name)
    acting = []
    for m in TOOK_CHAIR.finditer(text):
        name = printed_name(m["name"])
        acting.append((m.start(), name))
        role = chair_role(organ, False).replace("President", m["office"], 1)
        out.append(person(m.start("name"), m.end("name"), text, name, role))
        state, _ = state_of(text, m.start("bracket"), m.end("bracket"))
        out += [state] if state else []
    acting += [(m.start(), "") for m in PRESIDENT_BACK.finditer(text)]
    acting.sort()
    for m in CHAIR_LINE.finditer(text):
        if m["acting"]:
            before = [name for pos, name in acting if pos < m.start()]
            name = before[-1] if before else ""
        else:
            name = president
        if name:
            out.append(person(m.start("office"), m.end("office"), text, name,
                              chair_role(organ, bool(m["acting"]))))
    return out


def speaker_mentions(text: str) -> list[ActorMention]:
    """`Mr. Kiboino (Kenya):` → the person Kiboino, representative of Kenya, and Kenya;
    `Mr. Pieper (European Union):` → Pieper, whose role is the body he speaks for."""
    out = []
    for m in SPEAKER.finditer(text):
        state, whole = state_of(text, m.start("bracket"), m.end("bracket"))
        if m["office"]:
            role = m["office"]
        elif state and whole:
            role = f"representative of {state.actor}"
        elif state or (re.match(ENGLISH_TITLE, m["title"]) and "raduit" not in (m["note"] or "")):
            role = m["bracket"]  # an office, or the body spoken for (`(European Union)`)
        else:
            continue  # the French half of a bilingual record (`M. AUSTIN (Etats-Unis ...)`)
        out.append(person(m.start("name"), m.end("name"), text, printed_name(m["name"]), role))
        out += [state] if state else []
    return out


# --- rosters, letters, committees ---------------------------------------------------------


def roster_mentions(text: str, bodies: list[ActorMention]) -> list[ActorMention]:
    """`Chair: Dian Triansyah Djani (Indonesia)` under the body named before it, and the states
    listed as its Vice-Chairs. The masthead's `President:` is the Chair's (`chair_mentions`)."""
    out = []
    previous = 0  # a body named before the previous row is that row's
    for m in ROSTER.finditer(text):
        if m["office"] == "President":
            continue
        state, whole = state_of(text, m.start("bracket"), m.end("bracket"))
        if not (state and whole):
            continue
        body = [b for b in bodies if previous <= b.start and b.end <= m.start()]
        previous = m.end()
        role = f"{m['office']} of the {body[-1].actor}" if body else m["office"]
        out.append(person(m.start("name"), m.end("name"), text, printed_name(m["name"]), role))
        out.append(state)
    for m in STATES_FOR.finditer(text):
        out += state_list(text, m.end())
    return out


def representative_mentions(ctx: Context) -> list[ActorMention]:
    """In a meeting record, `Mr. Nesho (Albania)` in running text: the person representing the
    state, and the state."""
    if not RECORD.search(ctx.doc_symbol):
        return []
    out = []
    for m in REPRESENTATIVE.finditer(ctx.text):
        state, whole = state_of(ctx.text, m.start("bracket"), m.end("bracket"))
        if state and whole:
            name = printed_name(" ".join(m["name"].split()))
            out.append(person(m.start("name"), m.end("name"), ctx.text, name,
                              f"representative of {state.actor}"))
            out.append(state)
    return out


def signatory_mentions(text: str) -> list[ActorMention]:
    """`(Signed) Tarek Ladeb` over `President of the Security Council`; the office of the
    document's own sender, named in its title, is that signatory."""
    out = []
    for m in SIGNED.finditer(text):
        role = m["role"].strip()
        out.append(person(m.start("name"), m.end("name"), text, m["name"], role))
        for s in OWN_SENDER.finditer(text[:MASTHEAD]):
            office = " ".join(s["office"].split())
            if fold(office) == fold(role):
                out.append(person(s.start("office"), s.end("office"), text, m["name"], role))
    return out


def sender_states(text: str) -> list[ActorMention]:
    """The states a letter is from (`from the Permanent Representatives of Finland and Türkiye`,
    `from the repre sentative of the United States of America`): states acting."""
    out = []
    for m in LETTER_FROM.finditer(text):
        start = m.start("sender")
        for h in state_hits(m["sender"]):
            out.append(ActorMention(start + h.start, start + h.end, h.text, h.name, "state", "",
                                    h.qid or slug(h.name)))
    return out


@functools.cache
def committee_names() -> dict[str, str]:
    return {r["resolution"]: r["name"] for r in read_data("sc_committees.csv")}


def committee_mentions(text: str) -> list[ActorMention]:
    """A committee named by the resolution that established it, under its name in
    `sc_committees.csv`, or by rule; a state the committee is `concerning` is in the name."""
    out = []
    for m in COMMITTEE.finditer(text):
        key = f"{m['res']} ({m['year']})"
        working = "Working" in m.group()
        kind = "Working Group" if working else "Security Council Committee"
        name = committee_names().get(key, f"{kind} established pursuant to resolution {key}")
        end = m.end()
        about = CONCERNING.match(text, end)
        hits = state_hits(text[about.end() : about.end() + 60]) if about else ()
        if hits and hits[0].start == 0:
            end = about.end() + hits[0].end
        out.append(ActorMention(m.start(), end, text[m.start() : end], name, "organization", "",
                                slug(name)))
    return out


# --- all of it ----------------------------------------------------------------------------


def find(ctx: Context) -> list[ActorMention]:
    """Every structural candidate in the document, overlaps removed (first found wins)."""
    bodies = committee_mentions(ctx.text)
    members = attendance.attendance_mentions(ctx.text)
    found = (bodies + chair_mentions(ctx) + members + speaker_mentions(ctx.text)
             + roster_mentions(ctx.text, bodies) + signatory_mentions(ctx.text)
             + sender_states(ctx.text) + representative_mentions(ctx))
    kept: list[ActorMention] = []
    for m in found:
        if not any(m.start < k.end and k.start < m.end for k in kept):
            kept.append(m)
    # a speaker printed by surname is the attendance list's representative of the same state
    listed = attendance.listed_names(members)
    return [attendance.as_listed(m, listed) for m in kept]


NEAR = 150  # characters: how close to a full name its country must be named


def full_name(text: str, printed: str, country: str, people: list[ActorMention]) -> str:
    """The full name the document gives a speaker printed by surname and country (`Mr. Garayev
    (Azerbaijan)` → `Mr. Asif Garayev of Azerbaijan`): a person mention that ends in the
    surname with the country named near it. Of names that end alike the shortest is the name
    (`Anna Karin Eneström`, not a run-in title's `Ambassadors Anna Karin Eneström`); two
    different people leave the surname as printed."""
    key = fold(printed)
    names = {p.actor for p in people
             if fold(p.actor).endswith(" " + key)
             and country in text[max(0, p.start - NEAR) : p.end + NEAR]}
    if not names:
        return ""
    shortest = min(names, key=len)
    if not all(n.endswith(" " + shortest) or n == shortest for n in names):
        return ""
    # the same name printed elsewhere without the run-in title
    bare = [p.actor for p in people if len(p.actor.split()) > 1
            and fold(p.actor).endswith(" " + key) and shortest.endswith(" " + p.actor)]
    return min(bare, key=len) if bare else shortest


def full_names(text: str, structural: list[ActorMention],
               people: list[ActorMention]) -> dict[str, str]:
    """Printed name → full name, for every person the structure gives with a country (the
    state mention right after the name, as in `Mr. Diarra (Mali)`)."""
    states = {m.start: m for m in structural if m.actor_type == "state"}
    out = {}
    for m in structural:
        state = next((states[i] for i in range(m.end, m.end + 4) if i in states), None)
        if m.actor_type == "person" and state and m.actor not in out:
            out[m.actor] = full_name(text, m.actor, state.text, people)
    return {printed: full for printed, full in out.items() if full}


def named_in_full(m: ActorMention, names: dict[str, str]) -> ActorMention:
    full = names.get(m.actor) if m.actor_type == "person" else None
    if not full:
        return m
    return ActorMention(m.start, m.end, m.text, full, "person", m.role, slug(full))


def yields(structural: ActorMention, other: ActorMention) -> bool:
    """Whether `other` stays beside `structural`: it does not overlap it, or it is a body named
    inside a body's name (`Security Council` in a Security Council committee's name), which
    the text patterns keep beside the longer name too."""
    if not (other.start < structural.end and structural.start < other.end):
        return True
    return (structural.actor_type == other.actor_type == "organization"
            and structural.start <= other.start and other.end <= structural.end)


def with_structure(ctx: Context, mentions: list[ActorMention]) -> list[ActorMention]:
    """`mentions` with the structural candidates in, winning where they overlap (`yields`);
    a surname the structure gives alone (`Mr. Garayev (Azerbaijan):`) under the full name the
    document gives for it (`Mr. Asif Garayev of Azerbaijan`). The text-pattern mentions keep
    their own names: they have resolved their surnames already."""
    structural = find(ctx)
    rest = [m for m in mentions if all(yields(s, m) for s in structural)]
    names = full_names(ctx.text, structural, [m for m in mentions if m.actor_type == "person"])
    return sorted([named_in_full(m, names) for m in structural] + rest,
                  key=lambda m: (m.start, m.end, m.actor))
