"""Read the SemEval-2015 TimeLine Wikinews articles (CAT XML) and their gold timelines.

Shared by ``eval_timeline.py`` and ``monthly_counts.py``.  The data is not in
the repo: ``../shared/data/semeval2015-timeline`` here; elsewhere, the task's
release (CC BY 3.0, see that folder's README).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "shared" / "data" / "semeval2015-timeline"

# No space before these tokens, none after the opening ones.
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'", "''", "'re",
                    "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}


@dataclass
class Article:
    """One article: its text rebuilt from the tokens, with each token's offsets."""

    doc_id: str
    name: str
    published: dt.date
    text: str
    # (sentence, token text) -> offsets of each such token, in order
    tokens: dict[tuple[int, str], list[int]] = field(default_factory=dict)
    # offsets of the tokens the annotators marked as event mentions
    event_tokens: set[int] = field(default_factory=set)

    def offset_of(self, sentence: int, word: str) -> int | None:
        """Where the mention ``word`` of ``sentence`` starts; a marked event token first."""
        # "take_away", "lifting_off": a multi-word mention, anchored on its first word
        found = self.tokens.get((sentence, word), []) or self.tokens.get(
            (sentence, word.split("_")[0]), []
        )
        marked = [o for o in found if o in self.event_tokens]
        return (marked or found or [None])[0]


def read_article(path: Path) -> Article:
    """The article in the CAT XML file ``path``.

    The title (sentence 0) and the dateline (sentence 1) are paragraphs of
    their own; the body sentences make one paragraph, as the files keep no
    paragraph breaks.
    """
    root = ET.parse(path).getroot()
    dct = None
    event_ids: set[str] = set()
    for mark in root.iter():
        if mark.tag == "TIMEX3" and mark.get("functionInDocument") == "CREATION_TIME":
            dct = mark.get("value")
        elif mark.tag == "EVENT_MENTION":
            event_ids.update(a.get("t_id", "") for a in mark.iter("token_anchor"))
    if dct is None:
        raise ValueError(f"{path.name}: no creation time")
    parts: list[str] = []
    tokens: dict[tuple[int, str], list[int]] = {}
    events: set[int] = set()
    last_sentence = None
    prev = ""
    length = 0
    for tok in root.iter("token"):
        word = tok.text or ""
        sentence = int(tok.get("sentence", "0"))
        if last_sentence is None:
            sep = ""
        elif sentence != last_sentence:
            sep = "\n\n" if sentence <= 2 else " "
        elif word in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        parts.append(sep + word)
        start = length + len(sep)
        length = start + len(word)
        tokens.setdefault((sentence, word), []).append(start)
        if tok.get("t_id") in event_ids:
            events.add(start)
        last_sentence, prev = sentence, word
    return Article(
        doc_id=root.get("doc_id", path.name.split("_")[0]),
        name=path.name,
        published=_creation_date(dct),
        text="".join(parts),
        tokens=tokens,
        event_tokens=events,
    )


def _creation_date(value: str) -> dt.date:
    """The creation time; one file writes it MM-DD-YYYY (its dateline says February 3)."""
    m = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value)
    if m:
        return dt.date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
    return dt.date.fromisoformat(value[:10])


def read_corpus(folder: Path) -> dict[str, Article]:
    """The articles of one corpus folder (``corpus_N``), by document id."""
    arts = [read_article(p) for p in sorted((folder / "cat").glob("*.xml"))]
    return {a.doc_id: a for a in arts}


@dataclass(frozen=True)
class GoldMention:
    doc_id: str
    sentence: int
    word: str
    date: str | None  # "2008-03-01", "2008-03", "2008"; None for XXXX (no date in the text)


_GOLD_DATE = re.compile(r"^(\d{4})(?:-(\d\d))?(?:-(\d\d))?")


def normalize_gold(value: str) -> str | None:
    """ "2008-03-XX" -> "2008-03"; "XXXX-XX-XX" -> None."""
    m = _GOLD_DATE.match(value)
    if m is None:
        return None
    return "-".join(g for g in m.groups() if g)


def read_timelines(folder: Path) -> list[GoldMention]:
    """Every mention of every timeline of one corpus, once each (entities share mentions)."""
    seen: dict[tuple[str, int, str], GoldMention] = {}
    for path in sorted((folder / "timelines").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) < 3:
                continue
            date = normalize_gold(cols[1])
            for ref in cols[2:]:
                doc, sentence, word = ref.split("-", 2)
                key = (doc, int(sentence), word)
                seen.setdefault(key, GoldMention(doc, int(sentence), word, date))
    return list(seen.values())
