"""People named with a title or an honorific (`Mr. Botha`, `Secretary-General Annan`), in
apposition to an office before or after the name (`the Special Envoy, Staffan de Mistura`, `the
Vice-Chairs, María Luz Melon, Margareta Ploder and Waheed Al-Shami`, `Christina Vlachou, Head of
the ... Laboratory`), under a signature (`(Signed) Tarek Ladeb`), or without a title where the
surname is a titled person's of the same text (`Hermann Goering` after `Dr. Goering`)."""

from __future__ import annotations

import functools
import re

import regex

from pipeline.calendar import MONTHS, WEEKDAYS
from pipeline.extract.actors.data import slug
from pipeline.extract.actors.view import Hit, View
from pipeline.gazetteer import place_hits
from pipeline.reference import alternation, read_data, split_aliases, word_list

# titles, honorifics and descriptions that open a person's name: data/person_titles.csv
HONORIFIC = alternation(word_list("person_titles.csv", "honorific")) + r"\.?"
# honorifics that belong to the name the world knows a person by when one name follows
# (`Mahatma Gandhi`, `Pope Paul VI`, `King Hussein`, `Sheikh Hasina`); `Mr. Botha` is `Botha`
EPITHET = re.compile(alternation(word_list("person_titles.csv", "epithet")))
# a title that is also the role in which the text names the person
ROLE_TITLE = alternation(word_list("person_titles.csv", "role"))
# lower-case descriptions that precede a bare name (`member of Parliament Antoine Ghanem`)
NAME_CUE = alternation(word_list("person_titles.csv", "name_cue"))


# lower-case particles inside a name (`Staffan de Mistura`, `Gerrit Jan van der Heuven`,
# `Osama bin Laden`, `Ahmed al-Tayeb`): https://en.wikipedia.org/wiki/Nobiliary_particle,
# https://en.wikipedia.org/wiki/Arabic_name
PARTICLE = (r"(?:al|Al|el|El|bin|ibn|bint|ben|ould|de|da|do|dos|das|del|della|di|du|van|von|der"
            r"|den|ter|la|le)")


# Names are matched by Unicode letter class, never [A-Z]: `Kubiš`, `İlkin`, `Žbogar`, `Čobal`,
# `Łukasz`, `Støre` and `Erdoğan` are read whole (these patterns run on the `regex` module). A
# word: a capital and a lower-case letter, then letters (`McDonald`), hyphenated parts
# (`Hennis-Plasschaert`) and an apostrophe (`O'Brien`); initials (`J.`, `V.S.`); or a name set in
# capitals (`Mr. FERNANDEZ` in old records).
LETTER = r"[\p{L}\p{M}'’]"
NAME_WORD = (rf"(?:\p{{Lu}}(?:['’]\p{{Lu}})?[\p{{Ll}}\p{{M}}]{LETTER}*(?:-{LETTER}+)*"
             r"|(?:\p{Lu}\.){1,3}|\p{Lu}{2,}(?![\p{Ll}\p{M}]))")


NAME = rf"{NAME_WORD}(?: (?:(?:{PARTICLE} ){{1,2}}|{PARTICLE}-)?{NAME_WORD}){{0,4}}"


TITLED = regex.compile(
    rf"(?<![\w\-])(?P<titles>(?:(?:{HONORIFIC}|{ROLE_TITLE}|{NAME_CUE}) ){{1,3}})(?P<name>{NAME})"
)


# the head noun of an office a name stands in apposition to (`the Special Envoy, Staffan de
# Mistura`, `Christina Vlachou, Head of the Food Safety and Control Laboratory`); the heads beyond
# the UN offices come from the corpus: `the former Chancellor of Germany, Willy Brandt`
# (gd-1991-isl), `the Vice-Chairs, María Luz Melon, ...` (A/65/PV.71), `the former judges, Nabil
# Elaraby, ...` (A/79/PV.29), `Stéphane Dujarric, Spokesman for the Secretary-General` (UN noon
# briefings), the delegation lists of UPR reports (`Aleš Gulič, Director, Office for Religious
# Communities`, A/HRC/14/15 and A/HRC/43/15)
OFFICE_HEAD = (r"(?:Representative|Envoy|Adviser|Advisor|Rapporteur|Coordinator|Director"
               r"|Director-General|Commissioner|Minister|President|Vice-President|Chair|Vice-Chair"
               r"|Chairman|Chairperson|Administrator|Ambassador|Prosecutor|Secretary|Chancellor"
               r"|Head|Chief|Judge|Spokesperson|Spokesman|Spokeswoman|Councillor|Counsellor"
               r"|Counselor|Plenipotentiary)")
# an office's name: capitalized words up to its head, and what it is of or for (`Special
# Representative of the Secretary-General for Iraq and Head of UNAMI`)
OFFICE = (rf"(?:\p{{Lu}}[\w\-]* )*?{OFFICE_HEAD}(?: (?:of|on|for|to|and|the) (?:the )?"
          rf"\p{{Lu}}[\w\-/]*(?: \p{{Lu}}[\w\-/]*)*)*")
# a name and the words after it that end it (`, `, `.`, a lower-case word)
NAME_ENDS = r"(?=[,.;:)]| \p{Ll}|$)"


# `the Special Envoy, Staffan de Mistura`; in the plural, a list (`the Vice-Chairs, María Luz
# Melon, Margareta Ploder and Waheed Al-Shami`); `former` and the like before the office
APPOSITION = regex.compile(
    rf"(?<![\w\-])(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]he|[Tt]heir|[Oo]ur) (?:(?:former|late|then) )?"
    rf"(?:(?P<office>{OFFICE})|(?P<offices>(?:\p{{Lu}}[\w\-]* )*(?:{OFFICE_HEAD}|judge)s)), "
    rf"(?P<names>{NAME}{NAME_ENDS}(?:, {NAME}{NAME_ENDS})*(?:,? and {NAME}{NAME_ENDS})?)"
)


# `Christina Vlachou, Head of the Food Safety and Control Laboratory`: a name of two to five
# words before a comma and an office (up to two words before its head: `Senior Adviser`,
# `Minister Plenipotentiary`), not inside a longer capitalized run
TITLE_AFTER = regex.compile(
    rf", (?P<office>(?:\p{{Lu}}[\w\-]* ){{0,2}}{OFFICE_HEAD}(?: (?:of|on|for|to|and|the) "
    rf"(?:the )?\p{{Lu}}[\w\-/]*(?: \p{{Lu}}[\w\-/]*)*)*)(?=[,.;:)]| \p{{Ll}}| [IV]+\b|$)"
)
NAME_BEFORE_TITLE = regex.compile(
    rf"(?<!\p{{Lu}}[\p{{L}}\-’'.]*[ ]|[\w\-’'.])(?P<name>{NAME_WORD}(?: (?:(?:{PARTICLE} ){{1,2}})?"
    rf"{NAME_WORD}){{1,4}})$"
)


# `(Signed) Ján Kubiš` at a letter's end, on a line of its own (with a title line under it,
# the letter's structure reads it: pipeline.extract.proceedings)
SIGNED = regex.compile(rf"\(Signed\)[ \t]+(?P<name>{NAME})(?=[ \t]*(?:\n|$|\t| {{2}}|\(Signed\)))")


# words that are capitalized in UN prose but never part of a person's name
NOT_NAME_WORDS = """
    The A An In On At By For Of And Or But As To With This That These Those It Its We Our
    I He She They His Her Their United Nations States State Republic Kingdom Government
    Governments Member General Assembly Council Committee Commission Organization Secretariat
    President Secretary-General Minister Prime Ministers Mr Mrs Ms Excellency Chairman Chair
    Madam Sir Delegation Delegations Special Representative Envoy Ambassador Director
    Office Department Division Programme Fund Agency Union Bank Court Mission Forum Group
    Africa Europe Asia America
    Americas Middle East West North South Central International National Global World
    Development Rights Human Security Peace Declaration Convention Charter Agenda Goals
    Summit Conference Session Report Resolution Island Islands Lebanon Palestine Contents Page
    Introduction Summary Annex Chapter Section Part Table Figure Note Item Distr Original"""


NOT_NAME = frozenset(NOT_NAME_WORDS.split()) | frozenset(MONTHS) | frozenset(WEEKDAYS)


def clean_name(name: str) -> str:
    """Trim what is not the name: a possessive, particles and title words at the ends; a name
    set in capitals (`Mr. FERNANDEZ` in old records) is written as a name."""
    name = re.sub(r"['’]s?$", "", name)
    words = [w.title() if len(w) > 2 and w.isupper() and w not in ROMAN else w
             for w in name.split(" ")]
    while words and (re.fullmatch(PARTICLE, words[-1]) or words[-1] in NOT_NAME):
        words.pop()
    while words and words[0] in NOT_NAME:
        words.pop(0)
    return " ".join(words)


ROMAN = frozenset({"II", "III", "IV", "VI", "VII", "VIII"})


SUFFIX = frozenset({"Jr.", "Jr", "Sr.", "Sr", *ROMAN})


def without_suffix(name: str) -> list[str]:
    return [w for w in name.split(" ") if w not in SUFFIX]


def surname(name: str) -> str:
    words = without_suffix(name)
    return words[-1] if words else name


@functools.cache
def role_of_title() -> dict[str, str]:
    """A role title, folded to lower case → the role it names (`Assembly President` → `President
    of the General Assembly`)."""
    return {r["title"].lower(): r["role"] or r["title"] for r in read_data("person_titles.csv")
            if "role" in split_aliases(r["lists"])}


def role_of(titles: str) -> str:
    roles = re.findall(ROLE_TITLE, titles)
    if not roles:
        return ""
    role = " ".join(roles[-1].split())
    return role_of_title().get(role.lower(), role)


def person_hits(view: View) -> list[Hit]:
    text = view.text
    hits = []
    for m in TITLED.finditer(text):
        name = clean_name(m.group("name"))
        found = name_in(text, name, m.start("name"), m.end("name"))
        if not name or name in NOT_NAME or found is None:
            continue
        last_title = m.group("titles").split()[-1]
        if EPITHET.fullmatch(last_title) and len(without_suffix(name)) == 1:
            name = f"{last_title} {name}"
            found = (m.end("titles") - len(last_title) - 1, found[1])
        hits.append(Hit(*found, name, "person", role_of(m.group("titles")), slug(name), "title"))
    for m in APPOSITION.finditer(text):
        # a list's office (`the Vice-Chairs`) is each one's in part: no role
        role = " ".join((m.group("office") or "").split())
        for n in LISTED_NAME.finditer(text, m.start("names"), m.end("names")):
            hits += full_name_hit(text, n.start(), n.end(), role)
    for m in TITLE_AFTER.finditer(text):
        before = NAME_BEFORE_TITLE.search(text, max(0, m.start() - 80), m.start())
        if before:
            hits += full_name_hit(text, before.start("name"), before.end("name"),
                                  " ".join(m.group("office").split()))
    for m in SIGNED.finditer(text):
        hits += full_name_hit(text, m.start("name"), m.end("name"), "")
    return hits


LISTED_NAME = regex.compile(NAME)


TITLE_WORD = regex.compile(rf"{HONORIFIC}|{ROLE_TITLE}")


@functools.lru_cache(maxsize=2)
def lower_case_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case: a word of it in a capitalized run is a common
    word (`Territories`, `Framework`), not a name's (`Pavlin` is never written `pavlin`)."""
    return frozenset(regex.findall(r"(?<![\w\-])\p{Ll}[\p{L}\p{M}]+", text))


def full_name_hit(text: str, start: int, end: int, role: str) -> list[Hit]:
    """The person a full name without a title names: two words at least, none of them a word
    that is never a name's, a last word the text never writes in lower case (`Non-Self-Governing
    Territories, Vice-President of ...`: a first name may be a common word, `Mark`), and no
    place (`Addis Ababa, Director ...`)."""
    words = clean_name(text[start:end]).split(" ")
    while words and TITLE_WORD.fullmatch(words[0]):
        words.pop(0)
    name = " ".join(words)
    found = name_in(text, name, start, end)
    if (found is None or len(words) < 2 or any(w in NOT_BARE_NAME for w in words)
            or words[-1].lower() in lower_case_words(text) or place_hits(name)):
        return []
    return [Hit(*found, name, "person", role, slug(name), "apposition")]


# A name given alone (`Hermann Goering`) looks like any capitalized run (`Latin America`,
# `Human Rights`); it is a person's where its last word is the surname of a person the text
# names with a title (`Dr. Goering ... Hermann Goering`). Names the holders table lists are
# found from the table (data_hits). A cue after the name (`, who`, `said`) was measured and left
# out: no sentence of the seeds or corpus holds one after an untitled person, and every one it
# matched was a body (`the Security Council, who`).
BARE_WORD = rf"(?:\p{{Lu}}(?:['’]\p{{Lu}})?[\p{{Ll}}\p{{M}}]{LETTER}*(?:-{LETTER}+)*)"


BARE_PART = rf"(?:(?:{PARTICLE} )?{BARE_WORD}|\p{{Lu}}\.)"


# capitalized because they open a sentence, never a first name
OPENER_WORDS = """
    What When Where Why How Who Whom Whose Which If Although Though Since After Before While
    Thus Hence However Moreover Yet So Then There Here Both Neither Either All Some Many Such
    No Not Nor Now Today Yesterday Only Even Indeed Let May Unless Until Upon From Into
    Against Among Despite During Without Within Like Mrs Ms Dr My Your You Me Us Him Them"""


NOT_BARE_NAME = NOT_NAME | frozenset(OPENER_WORDS.split())


# a connector before the run: the end of a longer name (`Under-Secretary-General for
# Operational Support`), or a thing (`the Nobel Peace`), not a person
NAME_LINK_BEFORE = re.compile(r"(?<![\w\-])(?:the|The|of|for|on|to|and|in|de) $")


def bare_name(words: list[str]) -> str:
    """The name in a capitalized run, past words that open a sentence; empty when a word of
    it is never a person's (`Human Rights`, `General Assembly`)."""
    while words and words[0] in NOT_BARE_NAME:
        words = words[1:]
    if len(words) < 2 or any(w in NOT_BARE_NAME for w in words):
        return ""
    return " ".join(words)


def bare_person_hits(view: View, titled: list[Hit]) -> list[Hit]:
    """Capitalized runs of 2-4 words ending in the surname of a person named with a title (not
    a first name given after `named`: `a woman named Isabel`)."""
    text = view.text
    surnames = {h.actor for h in titled
                if h.source == "title" and " " not in h.actor and len(h.actor) > 2}
    if not surnames:
        return []
    last = "|".join(re.escape(s) for s in sorted(surnames))
    pattern = regex.compile(rf"(?<![\w\-.’'])(?P<name>{BARE_WORD}(?: {BARE_PART}){{0,2}} "
                         rf"(?:{PARTICLE} )?(?:{last}))(?![\w\-])")
    out = []
    for m in pattern.finditer(text):
        name = bare_name(m.group("name").split(" "))
        start = m.end("name") - len(name)
        if name and not NAME_LINK_BEFORE.search(text, max(0, start - 5), start):
            out.append(Hit(start, m.end("name"), name, "person", "", slug(name), "bare"))
    return out


def not_place(hits: list[Hit], view: View) -> list[Hit]:
    """Bare names that hold no place of the gazetteer (`Port Louis`): looked up on the
    name alone, so the gazetteer runs only on these few candidates."""
    if not hits:
        return hits
    return [h for h in hits if not place_hits(view.text[h.start : h.end])]


def name_in(text: str, name: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the cleaned name stands in the matched words: it may differ in case from them
    (`Mr. FERNANDEZ` gives `Fernandez`)."""
    found = re.search(re.escape(name), text[start:end], re.IGNORECASE) if name else None
    return (start + found.start(), start + found.end()) if found else None


def plausible_person(text: str, view: View, h: Hit) -> bool:
    """A titled name on the title's line and on at most two lines (`Secretary-General\nContents
    \nPage` is a table of contents, not a person)."""
    start, end = view.source_span(h.start, h.end)
    if text.count("\n", start, end) > 1:
        return False
    if h.source == "title":
        gap = text[max(0, start - 2) : start]
        return "\n" not in gap
    return True
