"""The face of the pipeline: text -> parse -> triggers -> arguments -> dates -> events."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import math
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from ._actors import Mentions, actor_for, pair_actors, resolve_first_person
from ._anchoring import (
    DEFINITE,
    date_event,
    date_from_discourse,
    in_reported_clause,
    tense_of,
)
from ._arguments import (
    agents_of,
    givers_of,
    is_hypothetical,
    is_negated,
    is_reciprocal,
    meets_no_one,
    participants_of,
    targets_of,
    topic_of,
)
from ._batch import Result, batches, run_batch, run_parallel
from ._bounds import (
    MAX_SENTENCE_WORDS,
    SECTION_CHARS,
    blank_overlong_tokens,
    bounded_runs,
    sentence_pieces,
)
from ._gazetteer import country_of, is_animate_head, place_country, role_sector
from ._lexicon import Lexicon
from ._model import Actor, Event, EventKind, Place, Span
from ._modelstore import (
    DEPPARSE_BATCH_WORDS,
    PARSE_ROUND_CHARS,
    TOKENIZE_BATCH_ROWS,
    TOKENIZE_STEP_ROWS,
    ModelInfo,
    build_pipeline,
)
from ._parse import Sentence, Word, sentences_from_document
from ._parser_inputs import ParserInputs, parser_inputs
from ._text import check_text, chunks, clean, find_dateline, looks_english, paragraphs, to_date
from ._triggers import Candidate, find_triggers, may_trigger_unlemmatized
from .exceptions import NotEnglishWarning

__all__ = ["Extractor", "events_from_sentences", "extract_events"]

DateLike = dt.date | dt.datetime | str | None
# Words whose pre-filter answer is kept; cleared when more, so that a long
# archive's new words cannot grow it without bound.
_TRIGGER_ANSWERS_LIMIT = 200_000
# Kinds that mean nothing without someone doing them.
_NEED_AGENT = {
    EventKind.STATEMENT,
    EventKind.PROPOSAL,
    EventKind.REQUEST,
    EventKind.PROMISE,
    EventKind.REJECTION,
    EventKind.ACCUSATION,
    EventKind.THREAT,
}
_SYMMETRIC = {EventKind.MEETING, EventKind.AGREEMENT}


def _location(
    sent: Sentence, cand: Candidate, text: str, targets: Sequence[Actor], dateline_city: str | None
) -> Place | None:
    if cand.entry.kind is EventKind.VISIT and targets:
        t = targets[0]
        return Place(text=t.text, name=t.name, country=t.country or country_of(t.name), span=t.span)
    for src in (cand.word, cand.clause):
        for dep in sent.deps(src, "obl", "nmod"):
            if sent.case_of(dep) in ("in", "at") and dep.upos == "PROPN":
                name = text[dep.start : dep.end]
                for flat in sent.deps(dep, "flat", "compound"):
                    lo, hi = min(flat.start, dep.start), max(flat.end, dep.end)
                    name = text[lo:hi]
                ctry = country_of(name) or place_country(name)
                if ctry is not None:
                    span = Span(
                        dep.start, dep.start + len(name), text[dep.start : dep.start + len(name)]
                    )
                    return Place(text=span.text, name=name, country=ctry, span=span)
    if dateline_city:
        return Place(text=dateline_city, name=dateline_city, country=country_of(dateline_city))
    return None


def _unique(actors: list[Actor]) -> list[Actor]:
    """One actor per phrase: "Wang" and "Yi" both parsed as objects are one person."""
    seen: set[tuple[int, int, str]] = set()
    out = []
    for a in actors:
        key = (a.span.start, a.span.end, a.name)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _animate(word: Word) -> bool:
    if word.upos in ("PROPN", "PRON"):
        return word.lower not in ("it", "this", "that", "which", "what")
    return is_animate_head(word.lemma)


def events_from_sentences(
    sentences: Sequence[Sentence],
    text: str,
    published: dt.date | None,
    lexicon: Lexicon,
    *,
    dateline_city: str | None = None,
) -> list[Event]:
    """Events from parsed sentences.  Pure: no model, no stanza.

    This is the rule engine; :class:`Extractor` feeds it stanza's parses, and
    tests feed it CoNLL-U.
    """
    mentions = Mentions.collect(sentences, text)
    events: list[Event] = []
    past: list[bool] = []  # per event: a past-tense verb trigger
    definite: list[bool] = []  # per event: "the meeting", a mention again
    for sent in sentences:
        sentence_span = Span(sent.start, sent.end, text[sent.start : sent.end])
        for cand in find_triggers(sent, lexicon):
            agent_words = agents_of(sent, cand) or [
                # "The Iraqi Islamic Party ... .  It is now threatening to pull out"
                w for w in sent.deps(cand.clause, "nsubj") if mentions.body_for(w)
            ]
            if cand.entry.kind in _SYMMETRIC:
                agent_words = participants_of(sent, agent_words)
            receivers = None
            if cand.entry.agent_preps:
                # "Ukraine received aid from Germany": the subject is the target
                agent_words, receivers = givers_of(sent, cand), agent_words
            if cand.entry.animate_agent and not any(
                _animate(w) or mentions.body_for(w) for w in agent_words
            ):
                continue  # "problems that threaten the improvement" is no threat
            kind = cand.entry.kind
            if kind in _NEED_AGENT and not agent_words:
                continue
            target_words = (
                targets_of(sent, cand, agent_words) if receivers is None else receivers
            )
            if cand.entry.needs_target and not target_words:
                continue
            if not target_words and meets_no_one(sent, cand):
                continue
            agents = _unique(_actors(sent, agent_words, text, mentions))
            targets = tuple(
                t
                for t in _unique(_actors(sent, target_words, text, mentions))
                # "she said her wedding ...": no one is their own target
                if all(t.span != a.span and t.name != a.name for a in agents)
            )
            if kind is EventKind.MEETING and targets and all(map(_is_press, targets)):
                continue  # "spoke with reporters": a press encounter, not a meeting
            if kind in _SYMMETRIC and len(agents) > 1:
                # "Xi and Blinken met": one meeting, the others are its targets
                targets = tuple(agents[1:]) + targets
                agents = agents[:1]
            elif kind in _SYMMETRIC and not agents and len(targets) > 1:
                # "talks between Colombo and the Tigers": the first takes part as agent
                agents, targets = [targets[0]], targets[1:]
            trigger = cand.word
            topic_word = topic_of(sent, cand)
            topic = None
            if topic_word is not None and kind in (
                EventKind.BILL_SIGNING,
                EventKind.SANCTION,
                EventKind.AID,
                EventKind.AGREEMENT,
            ):
                words = sent.subtree(topic_word, exclude=frozenset({"acl", "acl:relcl", "punct"}))
                topic = text[words[0].start : words[-1].end] if words else None
            base = dict(
                kind=kind,
                trigger=Span(trigger.start, trigger.end, text[trigger.start : trigger.end]),
                sentence=sentence_span,
                targets=targets,
                date=date_event(sent, trigger, cand.clause, text, published),
                negated=is_negated(sent, cand),
                hypothetical=is_hypothetical(sent, cand),
                location=_location(sent, cand, text, targets, dateline_city),
                topic=topic,
                cameo=cand.entry.cameo,
                plover=cand.entry.plover,
                explanation=f"{cand.how} -> {kind.value}",
            )
            agent_list: list[Actor | None] = list(agents) if agents else [None]
            is_past = (
                trigger.upos == "VERB"
                and tense_of(sent, cand.clause) == "past"
                and not in_reported_clause(sent, cand.clause)
            )
            is_definite = trigger.upos == "NOUN" and any(
                d.lower in DEFINITE for d in sent.deps(trigger, "det")
            )
            reciprocal = len(agents) > 1 and is_reciprocal(sent, cand)
            for agent in agent_list:
                if reciprocal:  # "accused each other": the other agents
                    others = tuple(a for a in agents if a is not agent)
                    base["targets"] = others + targets
                events.append(Event(agent=agent, **base))  # type: ignore[arg-type]
                past.append(is_past)
                definite.append(is_definite)
    events = date_from_discourse(events, past, definite, text)
    return resolve_first_person(events, sentences, text, mentions)


_PRESS = frozenset({"press", "media", "news media"})


def _is_press(actor: Actor) -> bool:
    """Reporters, journalists, the press: the media sector."""
    if actor.role is not None and role_sector(actor.role) == "MED":
        return True
    return actor.name.lower() in _PRESS


def _actors(sent: Sentence, words: Sequence[Word], text: str, mentions: Mentions) -> list[Actor]:
    """One actor per word, two for "the two sides"."""
    out: list[Actor] = []
    for w in words:
        out.extend(pair_actors(sent, w, text, mentions) or [actor_for(sent, w, text, mentions)])
    return out


@attrs.frozen
class Prepared:
    """A document checked, cleaned and cut into chunks, ready to parse."""

    text: str  # as the caller passed it
    cleaned: str  # same length, markup blanked
    published: dt.date | None
    dateline_city: str | None
    pieces: tuple[tuple[int, int], ...]

    @property
    def size(self) -> int:
        """Characters to parse."""
        return sum(end - start for start, end in self.pieces)

    def sections(self, limit: int = SECTION_CHARS) -> list[Prepared]:
        """The document as runs of consecutive chunks of at most ``limit`` characters each.

        Each section is read as a discourse of its own, so the memory a
        document needs is bounded by a section's, whatever its length.
        """
        sizes = [end - start for start, end in self.pieces]
        return [
            attrs.evolve(self, pieces=self.pieces[a:b]) for a, b in bounded_runs(sizes, limit)
        ]


@attrs.define
class Extractor:
    """Loads the parser once and extracts events from many texts.

    Thread-safe: a lock serializes use of the stanza pipeline (torch already
    spreads one parse over the cores); the rules after the parse run
    unlocked, so threads share one model and get the same results as serial
    use.

    .. versionadded:: 0.1.0
    """

    pipeline: Any
    model: ModelInfo
    lexicon: Lexicon = attrs.field(factory=Lexicon.bundled)
    device: str = "cpu"
    #: Parse only sentences that hold a possible trigger (same events, faster).
    skip_untriggered: bool = True
    #: Whether the model files were checked against the manifest (workers do the same).
    verify: bool = True
    #: Sentences seen and dependency-parsed so far (for benchmarks).
    stats: dict[str, int] = attrs.field(factory=lambda: {"sentences": 0, "parsed": 0})
    _lock: threading.Lock = attrs.field(factory=threading.Lock, repr=False)
    _inputs: list[ParserInputs | None] | None = attrs.field(default=None, init=False, repr=False)
    _trigger_answers: tuple[Lexicon, dict[tuple[str, str | None, str, bool], bool]] | None = (
        attrs.field(default=None, init=False, repr=False)
    )

    @classmethod
    def load(
        cls,
        model_dir: str | Path | None = None,
        *,
        lexicon: Lexicon | str | Path | None = None,
        device: str = "cpu",
        verify: bool = True,
    ) -> Extractor:
        """Load the bundled model (default), or stanza's official models from ``model_dir``.

        ``lexicon`` is a :class:`Lexicon` or a path to a lexicon file merged over
        the bundled one.  ``device`` is ``"cpu"`` or ``"cuda"`` (``"cuda:1"``).
        Never downloads anything.
        """
        if lexicon is None:
            lex = Lexicon.bundled()
        elif isinstance(lexicon, Lexicon):
            lex = lexicon
        else:
            lex = Lexicon.load(lexicon)
        pipeline, info = build_pipeline(model_dir, device=device, verify=verify)
        # These import torch or numpy: not at package import.
        from ._char_features import install_char_features
        from ._head_labels import install_head_labels
        from ._lemma_decoding import install_edit_first_lemmatizer
        from ._lstm import install_fast_lstms
        from ._mst import install_fast_decoder
        from ._subnormals import flush_subnormal_weights

        flush_subnormal_weights(pipeline)  # the same parses; slow CPU arithmetic otherwise
        install_fast_decoder(pipeline)  # the same trees, ~7x faster to decode
        install_char_features(pipeline)  # the same features, once per distinct character
        install_fast_lstms(pipeline)  # the same outputs, padded LSTMs on CPU
        install_head_labels(pipeline)  # the same labels, scored at the chosen heads only
        install_edit_first_lemmatizer(pipeline)  # the same lemmas, fewer words decoded
        return cls(pipeline=pipeline, model=info, lexicon=lex, device=device, verify=verify)

    # -- the stages, public so batches and users can drive them ---------------

    def prepare(self, text: str, published: DateLike = None) -> Prepared:
        """Check and clean ``text``, find its dateline and cut it into chunks."""
        text = check_text(text)
        pub = to_date(published)
        cleaned = clean(text)
        dateline = find_dateline(cleaned)
        if pub is None:
            pub = dateline.published
        pieces: tuple[tuple[int, int], ...] = ()
        if cleaned.strip():
            if looks_english(cleaned[dateline.body_start :]):
                cleaned = blank_overlong_tokens(cleaned)
                pieces = tuple(chunks(cleaned, dateline.body_start))
            else:
                warnings.warn(
                    "text does not look like English; diplo_events extracts events from "
                    "English only and returns none for it",
                    NotEnglishWarning,
                    stacklevel=3,
                )
        return Prepared(text, cleaned, pub, dateline.city, pieces)

    def parse(self, text: str) -> list[Sentence]:
        """Full parse views of ``text`` (every sentence parsed), offsets into ``text``."""
        doc = Prepared(text, text, None, None, tuple(chunks(check_text(text))))
        return self.parse_many([doc], full=True)[0]

    def parse_many(self, docs: Sequence[Prepared], *, full: bool = False) -> list[list[Sentence]]:
        """Parse the chunks of many documents in bulk stanza calls.

        Unless ``full``, only sentences that hold a possible trigger get a
        dependency parse: the others cannot yield events, and nothing else
        reads their trees (name mentions are found on the surface), so the
        events are the same and the parser -- most of the cost -- runs less.
        """
        flat = [
            (i, start, end)
            for i, d in enumerate(docs)
            for a, b in d.pieces
            for start, end in paragraphs(d.cleaned, a, b)
        ]
        out: list[list[Sentence]] = [[] for _ in docs]
        if not flat:
            return out
        import stanza

        for round_ in _rounds(flat, PARSE_ROUND_CHARS):
            inputs = [stanza.Document([], text=docs[i].cleaned[a:b]) for i, a, b in round_]
            with self._lock, _gc_paused():
                self._tokenize(inputs)
                # Only paragraphs with a multi-word token ("gonna") need the
                # expander; on the others it only rebuilds the same words.
                expand = [d for d in inputs if _has_multiword_token(d)]
                if expand:
                    self.pipeline(expand, processors="mwt")
                parsed = [_split_long_sentences(d) for d in self.pipeline(inputs, processors="pos")]
                self._parse_selected(parsed, every=full or not self.skip_untriggered)
            for (i, a, b), doc in zip(round_, parsed, strict=True):
                out[i].extend(sentences_from_document(doc, docs[i].cleaned, offset=a, end=b))
                _release(doc)
        return out

    def _tokenize(self, paragraph_docs: Sequence[Any]) -> None:
        """Tokenize one paragraph a document, in batches of paragraphs of similar length.

        The tokenizer pads every paragraph of a batch to the longest one and
        its batches are a fixed number of paragraphs: on news-like text that
        made 2.5 padded characters for each real one (measured).  Each
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

    def _parse_selected(self, parsed: Sequence[Any], *, every: bool = False) -> None:
        """Lemmatize and dependency-parse the sentences that may hold a trigger.

        With ``every``, all sentences.  Whether a sentence may hold one is
        decided before the (neural) lemmatizer runs, from its dictionary and
        the tags; the other sentences get the dictionary's lemmas, which is
        all that is read of them.
        """
        from stanza.models.common.doc import Document

        sentences = [s for d in parsed for s in d.sentences]
        guesses = _dictionary_lemmas(self.pipeline.processors["lemma"], sentences)
        if guesses is None:  # a lemmatizer without a dictionary: lemmatize all
            every = True
            guesses = [[(w.text, False) for w in s.words] for s in sentences]
        selected = []
        may_trigger = self._trigger_test()
        for sent, guess in zip(sentences, guesses, strict=True):
            if every or any(
                may_trigger(w.text, w.upos, lemma, known)
                for w, (lemma, known) in zip(sent.words, guess, strict=True)
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
        # pair of words: one 119-word sentence among 32 short ones cost
        # 0.4 GB and 8x the work.  Groups of similar length, under a budget
        # of padded words, each parsed as one batch.
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

    def _trigger_test(self) -> Callable[[str, str | None, str, bool], bool]:
        """:func:`may_trigger_unlemmatized` on this lexicon, its answers kept per word.

        Its answer depends on the word's form, tag, dictionary lemma and
        whether the dictionary knew it, and on the (frozen) lexicon only.
        """
        lexicon = self.lexicon
        if self._trigger_answers is None or self._trigger_answers[0] is not lexicon:
            self._trigger_answers = (lexicon, {})
        answers = self._trigger_answers[1]
        if len(answers) > _TRIGGER_ANSWERS_LIMIT:
            answers.clear()

        def may_trigger(text: str, upos: str | None, lemma: str, known: bool) -> bool:
            key = (text, upos, lemma, known)
            found = answers.get(key)
            if found is None:
                found = answers[key] = may_trigger_unlemmatized(lexicon, text, upos, lemma, known)
            return found

        return may_trigger

    def _parser_batches(self, parser: Any) -> ParserInputs | None:
        """The parser's batch builder, made once (None: stanza's processor builds them)."""
        if self._inputs is None:
            self._inputs = [parser_inputs(parser)]
        return self._inputs[0]

    def finish(self, doc: Prepared, sentences: Sequence[Sentence]) -> list[Event]:
        """The events of a parsed document."""
        events = events_from_sentences(
            sentences, doc.cleaned, doc.published, self.lexicon, dateline_city=doc.dateline_city
        )
        if doc.cleaned is not doc.text:
            events = [_retext(e, doc.text) for e in events]
        return events

    # -- the API ------------------------------------------------------------

    def extract(self, text: str, published: DateLike = None) -> list[Event]:
        """Events in ``text``, in text order.

        ``published`` (date, datetime, ISO string or None) anchors relative
        dates; when None, a dateline at the start of the text is used, and
        without one relative dates stay unresolved.
        """
        return self.events_of(self.prepare(text, published))

    def events_of(self, doc: Prepared) -> list[Event]:
        """The events of a prepared document, parsed and read section by section."""
        events: list[Event] = []
        for section in doc.sections():
            events.extend(self.finish(section, self.parse_many([section])[0]))
        return events

    def extract_many(
        self,
        items: Iterable[Any],
        *,
        batch_size: int = 64,
        n_process: int = 1,
        fail_fast: bool = False,
        progress: bool = False,
    ) -> Iterator[Result]:
        """Results for many documents, streamed in input order.

        ``items`` are texts, ``(text, context)`` pairs (a context mapping may
        carry ``id`` and ``published``) or :class:`Article` objects.  Each
        batch of ``batch_size`` documents is parsed in one bulk call (the
        default, 64 news articles, gives the tokenizer enough paragraphs of
        similar length to batch; larger ones gain nothing, measured);
        ``n_process > 1`` runs worker processes that each load the model.
        A document that fails gives a :class:`Result` with ``error`` set,
        unless ``fail_fast`` re-raises.  ``progress`` shows a tqdm bar.
        """
        if batch_size < 1 or n_process < 1:
            raise ValueError("batch_size and n_process must be at least 1")
        if progress:
            items = _with_progress(items)
        if n_process > 1:
            yield from run_parallel(
                self, items, batch_size=batch_size, n_process=n_process, fail_fast=fail_fast
            )
            return
        for batch in batches(items, batch_size):
            yield from run_batch(self, batch, fail_fast)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while stanza builds its many small objects.

    The collector would walk every object of torch and the model over and
    over (~10 % of the parse time, measured); the cycles a parse leaves are
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


def _rounds(
    flat: Sequence[tuple[int, int, int]], budget: int
) -> Iterator[Sequence[tuple[int, int, int]]]:
    """Consecutive runs of ``(doc, start, end)`` paragraphs of at most ``budget``
    characters together (or one longer paragraph)."""
    for a, b in bounded_runs([end - start for _, start, end in flat], budget):
        yield flat[a:b]


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
    tens of thousands of objects (up to half of the time spent outside
    stanza, measured).  Without the cycles, reference counting frees them at once.
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


def _with_progress(items: Iterable[Any]) -> Iterable[Any]:
    try:
        from tqdm.auto import tqdm
    except ImportError:  # progress is a nicety, not a requirement
        return items
    return tqdm(items, unit="doc")  # type: ignore[no-any-return]


def _retext(event: Event, text: str) -> Event:
    """Make every span's text the caller's own characters (cleaning blanked markup)."""

    def fix(span: Span) -> Span:
        return Span(span.start, span.end, text[span.start : span.end])

    def fix_actor(a: Actor) -> Actor:
        return attrs.evolve(a, span=fix(a.span), text=text[a.span.start : a.span.end])

    return attrs.evolve(
        event,
        trigger=fix(event.trigger),
        sentence=fix(event.sentence),
        agent=fix_actor(event.agent) if event.agent else None,
        targets=tuple(fix_actor(t) for t in event.targets),
        date=attrs.evolve(
            event.date,
            span=fix(event.date.span),
            text=text[event.date.span.start : event.date.span.end],
        )
        if event.date is not None and event.date.span is not None
        else event.date,
        location=attrs.evolve(event.location, span=fix(event.location.span))
        if event.location is not None and event.location.span is not None
        else event.location,
    )


_default: list[Extractor] = []
_default_lock = threading.Lock()


def default_extractor() -> Extractor:
    """The shared extractor behind :func:`extract_events`, built once on first use."""
    if not _default:
        with _default_lock:
            if not _default:
                _default.append(Extractor.load())
    return _default[0]


def extract_events(text: str, published: DateLike = None) -> list[Event]:
    """Events in ``text`` with the bundled model (loaded lazily, once, thread-safely).

    >>> events = extract_events("date 2024-04-26\\n\\nBlinken met Wang Yi in Beijing on Friday.")
    >>> [(e.kind.value, e.agent.name, e.date.timex) for e in events]
    [('meeting', 'Blinken', '2024-04-26')]
    """
    check_text(text)
    to_date(published)
    if not text.strip():
        return []
    return default_extractor().extract(text, published)
