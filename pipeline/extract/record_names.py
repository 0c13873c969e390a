"""What the readers of a record's structure share: a person's title and name as records print
them, the bracket after a name, and the state a bracket names (`proceedings`, `attendance`)."""

from __future__ import annotations

import functools
import re
import unicodedata

from pipeline import states as state_names  # the one place that knows the names of states
from pipeline.models import ActorMention

# `M.` and `Mme` title the French half of bilingual records (S/PV.492)
TITLE = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Mme|Mlle|M)\.?"
NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?"
PARTICLE = r"(?:de|da|do|dos|del|della|di|du|la|le|van|von|der|den|al|el|bin|ibn|y)"
NAME = rf"{NAME_WORD}(?:[ ](?:{PARTICLE}[ ])?{NAME_WORD}){{0,4}}"
# what a record prints in brackets after a name: a state (`Iran (Islamic Republic of)` holds
# brackets of its own) or an office (`Minister for Foreign Affairs of Ghana`)
BRACKET = r"\((?P<bracket>[^()\n]+(?:\([^()\n]*\)[^()\n]*)?)\)"


def fold(name: str) -> str:
    name = unicodedata.normalize("NFKD", name)
    return "".join(c for c in name if not unicodedata.combining(c)).casefold()


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def printed_name(name: str) -> str:
    """A name as printed, the capitals of older records folded (`RIVERO ROSARIO` → `Rivero
    Rosario`, `Gladwyn JEBB` → `Gladwyn Jebb`), initials kept (`J. MALIK` → `J. Malik`)."""
    return " ".join(w.capitalize() if w.isupper() and not w.endswith(".") else w
                    for w in name.split(" "))


def person(start: int, end: int, text: str, name: str, role: str) -> ActorMention:
    return ActorMention(start, end, text[start:end], name, "person", role, slug(name))


@functools.lru_cache(maxsize=4096)
def state_hits(phrase: str) -> tuple:
    return tuple(state_names.state_hits(phrase))


def state_of(text: str, start: int, end: int) -> tuple[ActorMention | None, bool]:
    """The state named in `text[start:end]` as a mention, and whether it is the whole phrase
    (`(Kenya)`) rather than part of an office (`(Minister for Foreign Affairs of Ghana)`)."""
    hits = state_hits(text[start:end])
    if not hits:
        return None, False
    h = hits[-1]
    mention = ActorMention(start + h.start, start + h.end, h.text, h.name, "state", "",
                           h.qid or slug(h.name))
    return mention, len(hits) == 1 and h.start == 0 and h.end == end - start
