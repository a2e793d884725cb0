"""A greedy averaged-perceptron POS tagger, usable as stanza's ``pos`` processor.

Why: stanza's neural tagger needs hours of GPU-free training to reach good
accuracy on two CPU cores; an averaged perceptron with rich lexical
features trains on UD English-EWT in minutes and tags tens of thousands of
tokens a second.  It predicts UPOS and XPOS together; UFeats come from the
training data's most frequent features for the word and XPOS.

The model is plain JSON (gzip-compressed), never pickle, so loading it runs
no code.  Registered with stanza as the ``pos`` variant ``perceptron``:
``stanza.Pipeline(..., pos_with_perceptron=True, pos_model_path=FILE)``.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .._tokens import inflection_stems

__all__ = ["PerceptronTagger", "register_with_stanza"]

_START = ("-START-", "-START2-")
# Written as a name ("Guterres", "Al-Sadr") or an acronym ("IIP", "HANO").
_NAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*|[A-Z]{2,6}")
_TITLE = re.compile(r"[A-Z][a-z]+")
_PROPER = frozenset({"NNP", "NNPS"})
_NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS"})
# Endings of adjectives and participles ("Atomic", "Stochastic",
# "Unconfirmed"): a capitalized unknown word tagged so keeps its tag.
_MODIFIER_ENDINGS = (
    "ic", "ical", "al", "ish", "ous", "ive", "ful", "less", "able", "ible", "ary", "ed", "ing",
)  # fmt: skip
# An "-ian" adjective ("Brownian", "Argentinian") is longer than a first name ("Brian").
_IAN_ADJECTIVE_LENGTH = 8
_END = ("-END-", "-END2-")
# Word forms whose own feature rows are kept; cleared when more, so a long
# archive's new words cannot grow the cache without bound.
_OWN_ROWS_LIMIT = 200_000


def _shape(word: str) -> str:
    out: list[str] = []
    for ch in word[:6]:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _norm(word: str) -> str:
    if word.isdigit() and len(word) == 4:
        return "!YEAR"
    if word[:1].isdigit():
        return "!DIGITS"
    return word.lower()


class PerceptronTagger:
    """Greedy left-to-right tagging with an averaged perceptron."""

    def __init__(self) -> None:
        self.weights: dict[str, dict[str, float]] = {}
        self.labels: list[str] = []
        self.tagdict: dict[str, str] = {}
        self.feats_word: dict[str, str] = {}
        self.feats_tag: dict[str, str] = {}

    # -- features ---------------------------------------------------------

    @staticmethod
    def _context(words: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
        norms = [_norm(w) for w in words]
        return norms, [*_START, *norms, *_END], [*_START, *words, *_END]

    @staticmethod
    def _word_features(
        i: int, word: str, ctx_n: Sequence[str], ctx_w: Sequence[str]
    ) -> tuple[list[str], list[str]]:
        """The features that do not read earlier tags: those before them, those after."""
        return (
            PerceptronTagger._own_features(word, ctx_n[i + 2], i == 0),
            PerceptronTagger._context_features(i, ctx_n, ctx_w),
        )

    @staticmethod
    def _own_features(word: str, n: str, first: bool) -> list[str]:
        """The features of the word itself (``n`` its normal form) and whether it comes first."""
        return [
            "b",
            "w " + n,
            "s3 " + n[-3:],
            "s2 " + n[-2:],
            "s1 " + n[-1:],
            "p1 " + n[:1],
            "p3 " + n[:3],
            "sh " + _shape(word),
            "cap " + str(word[:1].isupper()) + str(first),
            "hy " + str("-" in word),
        ]

    @staticmethod
    def _context_features(i: int, ctx_n: Sequence[str], ctx_w: Sequence[str]) -> list[str]:
        """The features of the words around the ``i``-th one."""
        j = i + 2
        n = ctx_n[j]
        return [
            "w-1 " + ctx_n[j - 1],
            "s-1 " + ctx_n[j - 1][-3:],
            "w-2 " + ctx_n[j - 2],
            "w+1 " + ctx_n[j + 1],
            "s+1 " + ctx_n[j + 1][-3:],
            "w+2 " + ctx_n[j + 2],
            "cap+1 " + str(ctx_w[j + 1][:1].isupper()),
            "w-1w " + ctx_n[j - 1] + " " + n,
            "ww+1 " + n + " " + ctx_n[j + 1],
        ]

    @staticmethod
    def _tag_features(prev: str, prev2: str) -> list[str]:
        """The features of the two tags before the word."""
        return ["t-1 " + prev, "t-2 " + prev2, "t-1t-2 " + prev + " " + prev2]

    @classmethod
    def _features(
        cls, i: int, word: str, ctx_n: Sequence[str], ctx_w: Sequence[str], prev: str, prev2: str
    ) -> list[str]:
        """All features of a word, in the order training sums them."""
        before, after = cls._word_features(i, word, ctx_n, ctx_w)
        tagged = "t-1w " + prev + " " + ctx_n[i + 2]
        return [*before, *cls._tag_features(prev, prev2), tagged, *after]

    def _predict(self, feats: Iterable[str]) -> str:
        scores: dict[str, float] = defaultdict(float)
        weights = self.weights
        for f in feats:
            row = weights.get(f)
            if row:
                for label, weight in row.items():
                    scores[label] += weight
        if not scores:
            return self.labels[0]
        # ties broken by label so results never depend on dict order
        return max(scores.items(), key=lambda kv: (kv[1], kv[0]))[0]

    def _compile(self) -> None:
        """A dense weight matrix for fast tagging (training keeps the dicts)."""
        import numpy as np

        self._label_index = {label: k for k, label in enumerate(self.labels)}
        self._feature_index = {f: k for k, f in enumerate(self.weights)}
        matrix = np.zeros((len(self.weights) + 1, len(self.labels)), dtype=np.float32)
        for f, row in self.weights.items():
            r = self._feature_index[f]
            for label, weight in row.items():
                matrix[r, self._label_index[label]] = weight
        self._matrix = matrix  # its last row is zeros: the row of unknown features
        self._by_tags: dict[tuple[str, str], Any] = {}
        self._own_rows: dict[tuple[str, bool], list[int]] = {}
        # Each training word (lowercase) with the XPOS tags it had.
        self._seen_xpos: dict[str, set[str]] = defaultdict(set)
        for key in self.feats_word:
            seen_word, _, xpos = key.rpartition("\t")
            self._seen_xpos[seen_word].add(xpos)
        self._seen_xpos = dict(self._seen_xpos)
        proper = [label for label in self.labels if label.split("\t")[1:] == ["NNP"]]
        self._name_label = proper[0] if proper else "PROPN\tNNP"

    def tag(self, words: Sequence[str]) -> list[tuple[str, str, str]]:
        """(UPOS, XPOS, UFeats) for each word of one sentence."""
        import numpy as np

        if not hasattr(self, "_matrix"):
            self._compile()
        _, ctx_n, ctx_w = self._context(words)
        index, matrix, zero = self._feature_index, self._matrix, len(self._feature_index)
        # The features that do not depend on earlier tags, for every word the
        # tag dictionary does not settle, summed in one array operation; the
        # two earlier tags' features are summed once per pair of tags.  Only
        # the order of the float additions differs from a sum per word.
        unknown = [i for i, w in enumerate(words) if w not in self.tagdict]
        if unknown:
            rows = []
            own_rows = self._own_rows
            if len(own_rows) > _OWN_ROWS_LIMIT:
                own_rows.clear()
            for i in unknown:
                # A word's own features' rows, looked up once per word form.
                own = own_rows.get((words[i], i == 0))
                if own is None:
                    own = own_rows[words[i], i == 0] = [
                        index.get(f, zero)
                        for f in self._own_features(words[i], ctx_n[i + 2], i == 0)
                    ]
                rows.append(
                    own + [index.get(f, zero) for f in self._context_features(i, ctx_n, ctx_w)]
                )
            fixed = matrix[np.array(rows)].sum(axis=1)
        by_tags = self._by_tags
        prev, prev2 = _START
        out: list[tuple[str, str, str]] = []
        k = 0
        for i, w in enumerate(words):
            label = self.tagdict.get(w)
            if label is None:
                tags = by_tags.get((prev, prev2))
                if tags is None:
                    tag_rows = [index.get(f, zero) for f in self._tag_features(prev, prev2)]
                    tags = by_tags[prev, prev2] = matrix[tag_rows].sum(axis=0)
                tagged = index.get("t-1w " + prev + " " + ctx_n[i + 2], zero)
                # argmax takes the first maximum: labels are ordered by
                # frequency, and no known feature at all gives the first.
                label = self.labels[int((fixed[k] + tags + matrix[tagged]).argmax())]
                k += 1
                if self._unknown_name(w, label) or self._starts_unknown_name(
                    w, label, words[i + 1] if i + 1 < len(words) else None
                ):
                    label = self._name_label
            upos, xpos = label.split("\t")
            feats = self.feats_word.get(w.lower() + "\t" + xpos) or self.feats_tag.get(xpos, "_")
            out.append((upos, xpos, feats))
            prev2, prev = prev, label
        return out

    def _unknown_name(self, word: str, label: str) -> bool:
        """Whether a capitalized word or acronym tagged otherwise is a name it never saw.

        EWT is web text: news names ("Guterres called for ...", "Blinken
        told reporters") are unknown words, and the model tags a sentence's
        first word, or one after a comma, as it tags lowercase words there.
        A capitalized word whose lowercase form training never saw except as
        a proper noun, nor any stem of it ("Attendees" -> "attendee"), is a
        proper noun; adjectives and participles by their ending are not.
        """
        if label.startswith("PROPN\t") or not _NAME.fullmatch(word):
            return False
        lower = word.lower()
        seen = self._seen_xpos.get(lower)
        if seen is not None:
            return seen <= _PROPER
        if label.split("\t", 1)[0] in ("ADJ", "VERB") and _modifier_ending(lower):
            return False
        return not any(stem in self._seen_xpos for stem in inflection_stems(lower))

    def _starts_unknown_name(self, word: str, label: str, following: str | None) -> bool:
        """Whether a capitalized common noun is the first part of a name it precedes.

        "Wang Yi met ...": EWT saw "wang" only as a common noun, so the model
        tags the sentence's first word as a verb or noun; before a name
        training never saw ("Yi"), a word it knew only as a noun, never as
        a verb or adjective, is the name's first part.
        """
        if following is None or label.split("\t", 1)[0] not in ("NOUN", "VERB"):
            return False
        if not _TITLE.fullmatch(word) or not self._never_seen_name(following):
            return False
        seen = self._seen_xpos.get(word.lower())
        return seen is not None and seen <= _NOUNS and not seen <= _PROPER

    def _never_seen_name(self, word: str) -> bool:
        """A name or acronym whose form, and any stem of it, training never saw."""
        if not _NAME.fullmatch(word):
            return False
        lower = word.lower()
        return lower not in self._seen_xpos and not any(
            stem in self._seen_xpos for stem in inflection_stems(lower)
        )

    # -- training ---------------------------------------------------------

    @classmethod
    def train(
        cls,
        sentences: list[list[tuple[str, str, str, str]]],
        iterations: int = 6,
        seed: int = 1234,
        log: Any = print,
    ) -> PerceptronTagger:
        """Train on sentences of (word, upos, xpos, feats)."""
        self = cls()
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        feats_word: dict[str, Counter[str]] = defaultdict(Counter)
        feats_tag: dict[str, Counter[str]] = defaultdict(Counter)
        for sent in sentences:
            for word, upos, xpos, feats in sent:
                counts[word][upos + "\t" + xpos] += 1
                feats_word[word.lower() + "\t" + xpos][feats] += 1
                feats_tag[xpos][feats] += 1
        by_freq: Counter[str] = Counter()
        for c in counts.values():
            by_freq.update(c)
        # most frequent first: the fallback for a word with no known feature
        self.labels = [label for label, _ in by_freq.most_common()]
        # Frequent, unambiguous words skip the model ("the", ",").
        for word, c in counts.items():
            label, n = c.most_common(1)[0]
            total = sum(c.values())
            if total >= 20 and n / total >= 0.995:
                self.tagdict[word] = label
        self.feats_word = {k: c.most_common(1)[0][0] for k, c in feats_word.items()}
        self.feats_tag = {k: c.most_common(1)[0][0] for k, c in feats_tag.items()}

        totals: dict[tuple[str, str], float] = defaultdict(float)
        stamps: dict[tuple[str, str], int] = defaultdict(int)
        step = 0
        rng = random.Random(seed)
        data = list(sentences)
        for it in range(iterations):
            correct = total = 0
            for sent in data:
                words = [t[0] for t in sent]
                gold = [t[1] + "\t" + t[2] for t in sent]
                _, ctx_n, ctx_w = self._context(words)
                prev, prev2 = _START
                for i, w in enumerate(words):
                    guess = self.tagdict.get(w)
                    if guess is None:
                        features = self._features(i, w, ctx_n, ctx_w, prev, prev2)
                        guess = self._predict(features)
                        step += 1
                        if guess != gold[i]:
                            for f in features:
                                row = self.weights.setdefault(f, {})
                                for label, delta in ((gold[i], 1.0), (guess, -1.0)):
                                    key = (f, label)
                                    totals[key] += (step - stamps[key]) * row.get(label, 0.0)
                                    stamps[key] = step
                                    row[label] = row.get(label, 0.0) + delta
                    correct += guess == gold[i]
                    total += 1
                    prev2, prev = prev, gold[i]
            rng.shuffle(data)
            log(
                f"perceptron iteration {it + 1}/{iterations}: train accuracy "
                f"{100 * correct / max(1, total):.2f}"
            )
        # Average, and drop near-zero weights to keep the file small.
        for f, row in self.weights.items():
            for label in list(row):
                key = (f, label)
                tot = totals[key] + (step - stamps[key]) * row[label]
                avg = round(tot / max(1, step), 3)
                if abs(avg) < 0.001:
                    del row[label]
                else:
                    row[label] = avg
        self.weights = {f: row for f, row in self.weights.items() if row}
        return self

    # -- storage ----------------------------------------------------------

    def save(self, path: Path) -> None:
        data = {
            "format": "diplo_events-perceptron-1",
            "labels": self.labels,
            "tagdict": self.tagdict,
            "feats_word": self.feats_word,
            "feats_tag": self.feats_tag,
            "weights": self.weights,
        }
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
            json.dump(data, fh, separators=(",", ":"), sort_keys=True)

    @classmethod
    def load(cls, path: str | Path) -> PerceptronTagger:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        if data.get("format") != "diplo_events-perceptron-1":
            raise ValueError(f"{path} is not a diplo_events perceptron tagger")
        self = cls()
        self.labels = data["labels"]
        self.tagdict = data["tagdict"]
        self.feats_word = data["feats_word"]
        self.feats_tag = data["feats_tag"]
        self.weights = data["weights"]
        return self


def _modifier_ending(lower: str) -> bool:
    if lower.endswith("ian"):
        return len(lower) >= _IAN_ADJECTIVE_LENGTH
    return any(
        lower.endswith(ending) and len(lower) - len(ending) >= 4 for ending in _MODIFIER_ENDINGS
    )


_REGISTERED: list[bool] = []


def register_with_stanza() -> None:
    """Make ``pos_with_perceptron=True`` available to ``stanza.Pipeline`` (idempotent)."""
    if _REGISTERED:
        return
    from stanza.pipeline.processor import ProcessorVariant, register_processor_variant

    @register_processor_variant("pos", "perceptron")
    class _PerceptronPOS(ProcessorVariant):  # type: ignore[misc]
        OVERRIDE = True

        def __init__(self, config: dict[str, Any]) -> None:
            self.tagger = PerceptronTagger.load(config["model_path"])

        def process(self, document: Any) -> Any:
            for sentence in document.sentences:
                words = sentence.words
                for w, (upos, xpos, feats) in zip(
                    words, self.tagger.tag([w.text for w in words]), strict=True
                ):
                    w.upos, w.xpos = upos, xpos
                    w.feats = None if feats == "_" else feats
            return document

        def bulk_process(self, docs: list[Any]) -> list[Any]:
            return [self.process(doc) for doc in docs]

    _REGISTERED.append(True)
