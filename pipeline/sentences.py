"""Sentence bounds, one definition for every extractor: a sentence ends at a full stop, `?`,
`!` or `;` before a capital, a digit, an opening quote or bracket, or at a blank line (a
paragraph, a heading, a table row ends there)."""

from __future__ import annotations

import bisect

import regex

END_MARK = r"[.!?;](?=\s+[\"“(]?[A-Z0-9])"
SENTENCE_END = regex.compile(rf"{END_MARK}|\n[ \t]*\n")
# the same on a view of the text whose blank lines are one newline (the actors' view)
VIEW_SENTENCE_END = regex.compile(rf"{END_MARK}|\n")


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of the text ends (after its mark), in order."""
    return [m.end() for m in SENTENCE_END.finditer(text)]


def sentence_span(ends: list[int], pos: int, text_len: int) -> tuple[int, int]:
    """The sentence holding `pos`, from `sentence_ends`."""
    i = bisect.bisect_right(ends, pos)
    return (ends[i - 1] if i else 0), (ends[i] if i < len(ends) else text_len)


def sentence_around(text: str, start: int, end: int, ends: regex.Pattern = SENTENCE_END,
                    reach: int = 400) -> tuple[int, int]:
    """The sentence around text[start:end], looked for at most `reach` characters each way,
    without its closing mark."""
    left = max((m.end() for m in ends.finditer(text, max(0, start - reach), start)),
               default=max(0, start - reach))
    right = ends.search(text, end, end + reach)
    return left, right.start() if right else min(len(text), end + reach)
