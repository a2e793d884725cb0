"""Bounds on every unit the pipeline handles, so no input can exhaust memory.

The parser scores every pair of words of a sentence, so its memory and time
grow with the square of a sentence's length; a page of text with no
sentence punctuation (a flattened table, a transcript, a scraped menu) is one
"sentence" of thousands of words.  Three bounds keep every unit small:

* a token longer than :data:`MAX_TOKEN_CHARS` is no word of prose (a URL,
  an encoded blob, a run of symbols): it is blanked before tokenizing, as
  markup is, keeping every offset;
* a sentence longer than :data:`MAX_SENTENCE_WORDS` words is cut into
  pieces before tagging and parsing, at the best boundaries it has
  (:func:`sentence_pieces`), and each piece is a sentence of its own;
* a document longer than :data:`SECTION_CHARS` characters is read in
  sections cut at paragraph ends, each with its own discourse (names and
  dates carried from sentence to sentence stay inside a section).

Paragraphs are already bounded by the chunking of the text (``_text.chunks``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "MAX_SENTENCE_WORDS",
    "MAX_TOKEN_CHARS",
    "SECTION_CHARS",
    "blank_overlong_tokens",
    "bounded_runs",
    "sentence_pieces",
]

#: The longest sentence parsed whole, in words.  Of the 12,544 sentences of
#: UD English-EWT's training set 5 are longer; news sentences rarely pass 80.
MAX_SENTENCE_WORDS = 100
#: The longest run of non-space characters read as text.
MAX_TOKEN_CHARS = 100
#: The longest stretch of a document read as one discourse.
SECTION_CHARS = 200_000
# A piece is cut no shorter than this share of the limit where a better
# boundary class allows it, so that a comma near the start does not leave a
# two-word piece.
_MIN_PIECE_SHARE = 4

_OVERLONG = re.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")
# Boundary classes, best first: after clause punctuation, after a comma,
# before a coordinating conjunction.  Anything else is a fixed window.
_CLAUSE_PUNCT = frozenset({";", ":", "—", "–", "--", ".", "?", "!", "…"})


def blank_overlong_tokens(text: str) -> str:
    """``text`` with every run of more than :data:`MAX_TOKEN_CHARS` non-space characters blanked.

    The same length, so offsets are unchanged.
    """
    if len(text) <= MAX_TOKEN_CHARS:
        return text
    return _OVERLONG.sub(lambda m: " " * len(m.group(0)), text)


def _boundary_class(tokens: Sequence[tuple[str, str | None]], cut: int) -> int:
    """How good a cut between ``tokens[cut - 1]`` and ``tokens[cut]`` is (higher is better)."""
    before, _ = tokens[cut - 1]
    _, after_tag = tokens[cut]
    if before in _CLAUSE_PUNCT:
        return 3
    if before == ",":
        return 2
    if after_tag in ("CCONJ", "SCONJ"):
        return 1
    return 0


def sentence_pieces(
    tokens: Sequence[tuple[str, str | None]],
    widths: Sequence[int],
    limit: int = MAX_SENTENCE_WORDS,
) -> list[tuple[int, int]]:
    """Cut a sentence's tokens into ``(start, end)`` runs of at most ``limit`` words each.

    ``tokens`` are ``(text, tag of the first word)`` per token and ``widths``
    the number of words in each token (a multi-word token such as "won't"
    is never cut).  Each piece ends at the best boundary within its reach:
    after clause punctuation, else after a comma, else before a
    conjunction, else as far as the limit allows; among boundaries of the
    same class the furthest, so that pieces stay as long as allowed.  A
    sentence within the limit is one piece.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    n = len(tokens)
    pieces: list[tuple[int, int]] = []
    start = 0
    while start < n:
        words = 0
        reach = start  # the furthest end whose piece fits the limit
        while reach < n and words + widths[reach] <= limit:
            words += widths[reach]
            reach += 1
        if reach == n:
            pieces.append((start, n))
            break
        if reach == start:  # one token wider than the limit: a piece of its own
            reach = start + 1
            pieces.append((start, reach))
            start = reach
            continue
        shortest = start + max(1, (reach - start) // _MIN_PIECE_SHARE)
        best, best_class = reach, 0
        for cut in range(reach, shortest - 1, -1):
            cls = _boundary_class(tokens, cut)
            if cls > best_class:
                best, best_class = cut, cls
                if cls == 3:
                    break
        pieces.append((start, best))
        start = best
    return pieces


def bounded_runs(sizes: Sequence[int], budget: int) -> list[tuple[int, int]]:
    """``(start, end)`` index ranges of consecutive ``sizes`` summing to at most ``budget``.

    An item larger than the budget is a run of its own; every item is in
    exactly one run, in order.
    """
    runs: list[tuple[int, int]] = []
    first = total = 0
    for k, size in enumerate(sizes):
        if k > first and total + size > budget:
            runs.append((first, k))
            first, total = k, 0
        total += size
    if first < len(sizes):
        runs.append((first, len(sizes)))
    return runs
