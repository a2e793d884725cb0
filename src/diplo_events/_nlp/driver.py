"""The stanza backend: paragraphs in, parse views out, in bulk calls.

Implements :class:`~diplo_events._tokens.ParserBackend`.  stanza runs its
processors one after the other over many paragraphs at once; between the
tagger and the parser, sentences past the length bound are cut
(``_bounds``), and sentences the rules' pre-filter rules out skip the
lemmatizer's network and the parser.
"""

from __future__ import annotations

import contextlib
import gc
import math
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from .._bounds import MAX_SENTENCE_WORDS, bounded_runs, sentence_pieces
from .._tokens import Sentence
from .convert import sentences_from_document
from .speedups import install_speedups
from .speedups.parser_inputs import ParserInputs, parser_inputs
from .store import (
    DEPPARSE_BATCH_WORDS,
    PARSE_ROUND_CHARS,
    TOKENIZE_BATCH_ROWS,
    TOKENIZE_STEP_ROWS,
    ModelInfo,
    build_pipeline,
)

__all__ = ["StanzaDriver", "cheapest_groups", "padded_groups", "rounds", "use_threads"]


def use_threads(n: int) -> None:
    """Let torch use ``n`` threads in this process (worker processes share the cores)."""
    import torch

    torch.set_num_threads(n)


@attrs.define
class StanzaDriver:
    """A loaded stanza pipeline driven in bulk.

    Thread-safe: a lock serializes use of the pipeline (torch already
    spreads one parse over the cores); the views it returns are plain values.
    """

    pipeline: Any
    #: Sentences seen and dependency-parsed so far (for benchmarks).
    stats: dict[str, int] = attrs.field(factory=lambda: {"sentences": 0, "parsed": 0})
    _lock: threading.Lock = attrs.field(factory=threading.Lock, repr=False)
    _inputs: list[ParserInputs | None] | None = attrs.field(default=None, init=False, repr=False)

    @classmethod
    def load(
        cls, model_dir: str | Path | None, *, device: str, verify: bool
    ) -> tuple[StanzaDriver, ModelInfo]:
        """The bundled model (or stanza's official ones in ``model_dir``), sped up, and its info.

        Never downloads anything.
        """
        pipeline, info = build_pipeline(model_dir, device=device, verify=verify)
        install_speedups(pipeline)
        return cls(pipeline), info

    def parse(
        self,
        paragraphs: Sequence[tuple[str, int, int]],
        *,
        may_trigger: Callable[[str, str | None, str, bool], bool] | None = None,
    ) -> list[list[Sentence]]:
        """Each paragraph's sentences; see :class:`~diplo_events._tokens.ParserBackend`.

        Paragraphs are parsed in rounds of at most ``PARSE_ROUND_CHARS``
        characters, whose stanza Documents are alive at once.
        """
        out: list[list[Sentence]] = [[] for _ in paragraphs]
        if not paragraphs:
            return out
        import stanza

        for first, round_ in rounds(paragraphs, PARSE_ROUND_CHARS):
            inputs = [stanza.Document([], text=text[start:end]) for text, start, end in round_]
            with self._lock, _gc_paused():
                self._tokenize(inputs)
                # Only paragraphs with a multi-word token ("gonna") need the
                # expander; on the others it only rebuilds the same words.
                expand = [d for d in inputs if _has_multiword_token(d)]
                if expand:
                    self.pipeline(expand, processors="mwt")
                parsed = [_split_long_sentences(d) for d in self.pipeline(inputs, processors="pos")]
                self._parse_selected(parsed, may_trigger)
            for k, ((text, start, end), doc) in enumerate(zip(round_, parsed, strict=True)):
                out[first + k] = sentences_from_document(doc, text, offset=start, end=end)
                _release(doc)
        return out

    def _tokenize(self, paragraph_docs: Sequence[Any]) -> None:
        """Tokenize one paragraph a document, in batches of paragraphs of similar length.

        The tokenizer pads every paragraph of a batch to the longest one and
        its batches are a fixed number of paragraphs: on news-like text that
        made more padded characters than real ones.  Each
        paragraph is tokenized on its own either way, so the groups change
        nothing but the cost.  Called with the pipeline's lock held.
        """
        tokenizer = self.pipeline.processors["tokenize"]
        args = getattr(getattr(tokenizer, "trainer", None), "args", None)
        if not isinstance(args, dict) or "batch_size" not in args:
            tokenizer.bulk_process(list(paragraph_docs))
            return
        lengths = [len(d.text) for d in paragraph_docs]
        batch_size = args["batch_size"]
        try:
            for group in cheapest_groups(lengths, TOKENIZE_STEP_ROWS, TOKENIZE_BATCH_ROWS):
                args["batch_size"] = len(group)  # the group is one batch
                tokenizer.bulk_process([paragraph_docs[j] for j in group])
        finally:
            args["batch_size"] = batch_size

    def _parse_selected(
        self,
        parsed: Sequence[Any],
        may_trigger: Callable[[str, str | None, str, bool], bool] | None,
    ) -> None:
        """Lemmatize and dependency-parse the sentences that may hold a trigger.

        Without ``may_trigger``, all sentences.  Whether a sentence may hold one is
        decided before the (neural) lemmatizer runs, from its dictionary and
        the tags; the other sentences get the dictionary's lemmas, which is
        all that is read of them.
        """
        from stanza.models.common.doc import Document

        sentences = [s for d in parsed for s in d.sentences]
        guesses = _dictionary_lemmas(self.pipeline.processors["lemma"], sentences)
        if guesses is None:  # a lemmatizer without a dictionary: lemmatize all
            may_trigger = None
            guesses = [[(w.text, False) for w in s.words] for s in sentences]
        selected = []
        # A filter that can judge a whole sentence (the library's PreFilter)
        # also checks that the words its triggers' conditions need are there.
        whole = getattr(may_trigger, "sentence", None)
        for sent, guess in zip(sentences, guesses, strict=True):
            if (
                may_trigger is None
                or (
                    whole([(w.text, w.upos, lemma, known) for w, (lemma, known)
                           in zip(sent.words, guess, strict=True)])
                    if callable(whole)
                    else any(
                        may_trigger(w.text, w.upos, lemma, known)
                        for w, (lemma, known) in zip(sent.words, guess, strict=True)
                    )
                )
            ):
                selected.append(sent)
            else:
                for w, (lemma, _) in zip(sent.words, guess, strict=True):
                    w.lemma = lemma
        self.stats["sentences"] += len(sentences)
        self.stats["parsed"] += len(selected)
        if not selected:
            return
        # The lemmatizer decodes the words its dictionary lacks in batches of
        # its own: one call for all, so that they fill them.
        lemmatized = self.pipeline.processors["lemma"].process(
            Document([[w.to_dict() for w in s.words] for s in selected])
        )
        for sent, theirs in zip(selected, lemmatized.sentences, strict=True):
            for w, u in zip(sent.words, theirs.words, strict=True):
                w.lemma = u.lemma
        _release(lemmatized)
        # The parser pads a batch to its longest sentence and scores every
        # pair of words, so one long sentence among short ones multiplies
        # the work and memory of the batch.  Groups of similar length, under
        # a budget of padded words, each parsed as one batch.
        parser = self.pipeline.processors["depparse"]
        inputs = self._parser_batches(parser)
        for group in padded_groups([len(s.words) for s in selected], DEPPARSE_BATCH_WORDS):
            if inputs is not None:  # the same batch as stanza's, built without a Document
                heads = _predict_heads(parser, inputs.batch([selected[i].words for i in group]))
                for i, predicted in zip(group, heads, strict=True):
                    for w, (head, deprel) in zip(selected[i].words, predicted, strict=True):
                        w.head, w.deprel = head, deprel
                continue
            part = parser.process(
                Document([[w.to_dict() for w in selected[i].words] for i in group])
            )
            for i, theirs in zip(group, part.sentences, strict=True):
                for w, u in zip(selected[i].words, theirs.words, strict=True):
                    w.head, w.deprel = u.head, u.deprel
            _release(part)

    def _parser_batches(self, parser: Any) -> ParserInputs | None:
        """The parser's batch builder, made once (None: stanza's processor builds them)."""
        if self._inputs is None:
            self._inputs = [parser_inputs(parser)]
        return self._inputs[0]


def rounds(
    paragraphs: Sequence[tuple[str, int, int]], budget: int
) -> Iterator[tuple[int, Sequence[tuple[str, int, int]]]]:
    """Consecutive runs of ``(text, start, end)`` paragraphs of at most ``budget``
    characters together (or one longer paragraph), each with its first index."""
    for a, b in bounded_runs([end - start for _, start, end in paragraphs], budget):
        yield a, paragraphs[a:b]


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while stanza builds its many small objects.

    The collector would walk every object of torch and the model over and
    over; the cycles a parse leaves are
    collected as usual once it is done.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _split_long_sentences(doc: Any, limit: int = MAX_SENTENCE_WORDS) -> Any:
    """``doc``, or a copy whose sentences of more than ``limit`` words are cut in pieces.

    Each piece becomes a sentence of its own (words renumbered from 1, the
    tags and character offsets kept), so the parser's cost per sentence is
    bounded whatever the text; see :func:`sentence_pieces` for where it cuts.
    """
    if all(len(s.words) <= limit for s in doc.sentences):
        return doc
    from stanza.models.common.doc import Document

    sentences: list[list[dict[str, Any]]] = []
    for sent in doc.sentences:
        tokens = sent.tokens
        if len(sent.words) <= limit:
            sentences.append(sent.to_dict())
            continue
        views = [(t.text, t.words[0].upos if t.words else None) for t in tokens]
        widths = [max(1, len(t.words)) for t in tokens]
        for start, end in sentence_pieces(views, widths, limit):
            first = tokens[start].words[0].id - 1 if tokens[start].words else 0
            piece: list[dict[str, Any]] = []
            for token in tokens[start:end]:
                for entry in token.to_dict():
                    ident = entry["id"]
                    if isinstance(ident, tuple):  # a multi-word token's range
                        entry["id"] = tuple(i - first for i in ident)
                    else:
                        entry["id"] = ident - first
                    piece.append(entry)
            sentences.append(piece)
    return Document(sentences, text=doc.text)


def _has_multiword_token(doc: Any) -> bool:
    """Whether stanza's tokenizer marked a token of ``doc`` for expansion."""
    return any(
        token.misc is not None and "MWT=Yes" in token.misc
        for sent in doc.sentences
        for token in sent.tokens
    )


def padded_groups(lengths: Sequence[int], budget: int) -> list[list[int]]:
    """Indices of ``lengths`` in groups of similar length, each at most ``budget`` padded.

    A group's padded size is its count times its longest length; a length
    over the budget gets a group of its own.  Longest first, like stanza's
    own batches.
    """
    groups: list[list[int]] = []
    current: list[int] = []
    longest = 0
    for i in sorted(range(len(lengths)), key=lambda i: -lengths[i]):
        if current and (len(current) + 1) * longest > budget:
            groups.append(current)
            current = []
        if not current:
            longest = lengths[i]
        current.append(i)
    if current:
        groups.append(current)
    return groups


def cheapest_groups(lengths: Sequence[int], step_rows: float, max_rows: int) -> list[list[int]]:
    """Indices of ``lengths`` in the groups that cost an LSTM the least to run.

    A group runs for its longest length, and each time step costs as much
    as ``step_rows`` rows of work plus its rows: ``longest * (rows +
    step_rows)``.  The best groups are runs of the lengths sorted longest
    first; a dynamic program over the cut points finds them.
    """
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    n = len(order)
    best = [0.0] + [math.inf] * n  # best[j]: the cheapest cover of the j longest
    cut = [0] * (n + 1)
    for j in range(1, n + 1):
        for i in range(max(0, j - max_rows), j):
            cost = best[i] + lengths[order[i]] * (j - i + step_rows)
            if cost < best[j]:
                best[j], cut[j] = cost, i
    groups: list[list[int]] = []
    while n:
        groups.append(order[cut[n] : n])
        n = cut[n]
    return groups[::-1]


def _predict_heads(parser: Any, batch: tuple[Any, ...]) -> list[list[tuple[int, str]]]:
    """Each word's head and relation, as stanza's depparse processor predicts them."""
    import torch

    with torch.no_grad():
        predicted = parser.trainer.predict(
            batch, resolve_head_constraints=parser.config.get("resolve_head_constraints", True)
        )
    return [[(int(head), str(deprel)) for head, deprel in sentence] for sentence in predicted]


def _release(doc: Any) -> None:
    """Break a stanza Document's back-references once its views are built.

    Document, sentences, tokens and words all point at each other, so a
    parsed batch is freed only by the cyclic collector, which then walks
    tens of thousands of objects.  Without the cycles, reference counting
    frees them at once.
    These are stanza's private attributes: where a version names them
    otherwise, this only adds attributes and the collector frees the
    document as before.
    """
    for sent in doc.sentences:
        for token in sent.tokens:
            for word in token.words:
                word._sent = word._parent = None
            token._sent = None
        sent._doc = None
        sent._dependencies = []
    doc._sentences = []


def _dictionary_lemmas(
    processor: Any, sentences: Sequence[Any]
) -> list[list[tuple[str, bool]]] | None:
    """Per word, the lemmatizer's dictionary lemma and whether the word was known.

    None when the processor has no dictionary (an identity lemmatizer, or
    another stanza version's).
    """
    trainer = getattr(processor, "trainer", None)
    if (
        getattr(processor, "use_identity", False)
        or trainer is None
        or not hasattr(trainer, "predict_dict")
        or not hasattr(trainer, "skip_seq2seq")
    ):
        return None
    pairs = [(w.text, w.upos) for s in sentences for w in s.words]
    lemmas = trainer.predict_dict(pairs)
    known = trainer.skip_seq2seq(pairs)
    # Unknown as written, perhaps known in lower case ("Said" at a sentence start).
    retry = [i for i, k in enumerate(known) if not k and pairs[i][0] != pairs[i][0].lower()]
    if retry:
        lower_pairs = [(pairs[i][0].lower(), pairs[i][1]) for i in retry]
        for i, lemma, k in zip(
            retry,
            trainer.predict_dict(lower_pairs),
            trainer.skip_seq2seq(lower_pairs),
            strict=True,
        ):
            if k:
                lemmas[i], known[i] = lemma, True
    out: list[list[tuple[str, bool]]] = []
    i = 0
    for s in sentences:
        n = len(s.words)
        out.append(list(zip(lemmas[i : i + n], known[i : i + n], strict=True)))
        i += n
    return out
