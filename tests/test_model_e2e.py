"""End-to-end tests on the bundled model: offline parsing, robustness, batches, threads."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading

import pytest

import diplo_events
from diplo_events import Article, EventKind, Extractor, NotEnglishWarning
from diplo_events._tokens import Sentence

from .conftest import SEED_TEXT

pytestmark = pytest.mark.model

SHORT = [
    "date 2024-04-26\n\nBlinken met Chinese Foreign Minister Wang Yi in Beijing on Friday.",
    "Putin held talks with Modi in Moscow on Monday.",
    "The United States warned China against its actions.",
    "President Biden signed the bill on Wednesday.",
    "The weather was cold.",
]


def _word(sent: Sentence, text: str):  # type: ignore[no-untyped-def]
    return next(w for w in sent.words if w.text == text)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_offline_pipeline_parses_the_seed(no_network: None) -> None:
    ex = Extractor.load()  # a fresh load, with sockets refused
    sentences = ex.parse(SEED_TEXT)
    signed = next(s for s in sentences if "signed into law" in s.text)
    biden, sign = _word(signed, "Biden"), _word(signed, "signed")
    joe = _word(signed, "Joe")
    # EWT attaches a name's flat tail to its first word: "Joe Biden" hangs from Joe.
    name_head = joe if biden.deprel == "flat" else biden
    assert name_head.deprel == "nsubj"
    assert name_head.head == sign.index
    assert ex.extract(SEED_TEXT)


def test_wang_yi_is_an_oblique_of_met(extractor: Extractor) -> None:
    sentences = extractor.parse(SEED_TEXT)
    met = next(s for s in sentences if "Blinken met earlier Friday" in s.text)
    wang, meet = _word(met, "Wang"), _word(met, "met")
    yi = _word(met, "Yi")
    name_head = wang if yi.deprel == "flat" else yi
    assert name_head.deprel == "obl"
    assert name_head.head == meet.index


def test_pipeline_is_exposed(extractor: Extractor) -> None:
    doc = extractor.pipeline("Xi met Blinken.")
    assert doc.sentences[0].words[1].lemma == "meet"


def test_parser_and_lemmatizer_batches_are_ours(extractor: Extractor) -> None:
    """The parser's training batch (3000 words) would triple peak memory at
    inference; the lemmatizer's default (50 words) decodes slower."""
    assert extractor.pipeline.processors["depparse"].config["batch_size"] == 500
    assert extractor.pipeline.processors["lemma"].config["batch_size"] == 200


def test_html_offsets_point_into_what_was_passed(extractor: Extractor) -> None:
    html = (
        "<html><body><p>date 2024-04-26</p><p>Blinken <b>met</b> Chinese Foreign "
        "Minister Wang&nbsp;Yi in Beijing on Friday.</p></body></html>"
    )
    events = extractor.extract(html, published="2024-04-26")
    meeting = next(e for e in events if e.kind is EventKind.MEETING)
    assert meeting.trigger.text == "met"
    assert html[meeting.trigger.start : meeting.trigger.end] == "met"
    assert meeting.agent is not None and meeting.agent.name == "Blinken"


def test_crlf_control_zero_width_emoji(extractor: Extractor) -> None:
    text = "Blinken\u200b met Xi \U0001f600 in Beijing.\r\n\x00Putin met Modi.\u202e"
    events = extractor.extract(text, published="2024-04-26")
    assert [e.kind for e in events].count(EventKind.MEETING) == 2
    for e in events:
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text


def test_long_tokens_and_no_punctuation(extractor: Extractor) -> None:
    url = "https://example.org/" + "a" * 600
    text = f"Blinken met Xi in Beijing see {url} and then Putin met Modi " * 5
    events = extractor.extract(text, published="2024-04-26")
    assert any(e.kind is EventKind.MEETING for e in events)


def test_non_english_gives_no_events_and_a_warning(extractor: Extractor) -> None:
    french = (
        "Le secrétaire d'État américain a rencontré le président chinois à Pékin "
        "vendredi, selon l'agence de presse officielle Xinhua, et les deux pays "
        "cherchent à stabiliser leurs relations."
    )
    with pytest.warns(NotEnglishWarning):
        assert extractor.extract(french) == []
    with pytest.warns(NotEnglishWarning):
        assert extractor.extract("布林肯周五在北京会见了中国国家主席习近平。" * 3) == []


def test_ten_megabyte_page_is_chunked(extractor: Extractor) -> None:
    # A scraped page: megabytes of markup around a little prose.
    markup = "<div class='ad'><span>" + " " * 1000 + "</span></div>\n"
    page = markup * 5000 + "<p>Blinken met Xi in Beijing on Friday.</p>" + markup * 5000
    assert len(page) > 10_000_000
    events = extractor.extract(page, published="2024-04-26")
    assert [e.kind for e in events] == [EventKind.MEETING]
    assert page[events[0].trigger.start : events[0].trigger.end] == "met"


def test_batch_keeps_order_metadata_and_isolates_errors(extractor: Extractor) -> None:
    items = [
        (SHORT[0], {"id": "a"}),
        Article(text=SHORT[1], id="b", published="2024-04-22", metadata={"src": "x"}),
        Article(text=None, id="bad"),  # type: ignore[arg-type]
        (SHORT[3], {"id": "d", "published": "2024-04-26"}),
    ]
    results = list(extractor.extract_many(items, batch_size=3))
    assert [r.index for r in results] == [0, 1, 2, 3]
    assert [r.id for r in results] == ["a", "b", "bad", "d"]
    assert results[1].context == {"src": "x"}
    assert not results[2].ok and "TypeError" in (results[2].error or "")
    assert results[0].ok and results[0].events
    talks = next(e for e in results[1].events if e.kind is EventKind.MEETING)
    assert talks.date is not None and talks.date.timex == "2024-04-22"
    with pytest.raises(TypeError):
        list(extractor.extract_many(items, fail_fast=True))


def test_batch_equals_one_at_a_time(extractor: Extractor) -> None:
    serial = [extractor.extract(t, published="2024-04-26") for t in SHORT]
    batched = [
        list(r.events)
        for r in extractor.extract_many(
            [Article(t, published="2024-04-26") for t in SHORT], batch_size=4
        )
    ]
    assert batched == serial


def test_threads_give_the_serial_result(extractor: Extractor) -> None:
    texts = (SHORT * 4)[:20]
    serial = [extractor.extract(t, published="2024-04-26") for t in texts]
    results: dict[int, list[list[object]]] = {}

    def work(k: int) -> None:
        results[k] = [diplo_events.extract_events(t, published="2024-04-26") for t in texts]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(results[k] == serial for k in range(8))


def test_deterministic_across_runs_and_processes(extractor: Extractor) -> None:
    first = [e.to_dict() for e in extractor.extract(SEED_TEXT)]
    assert [e.to_dict() for e in extractor.extract(SEED_TEXT)] == first
    code = (
        "import json, sys; from diplo_events import extract_events; "
        "print(json.dumps([e.to_dict() for e in extract_events(sys.stdin.read())]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input=SEED_TEXT, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == first


# The bundled tagger calls this "ban" an adjective; the parse makes it the verb.
BAN_AS_ADJECTIVE = "Does Crack Barrel ban employees from having tattoos?"


def test_a_name_the_treebank_never_saw_is_an_agent(extractor: Extractor) -> None:
    # The tagger called "Guterres" a noun (lemma "guterre"): no request at all.
    [request] = extractor.extract("Guterres called for a ceasefire.")
    assert request.kind is EventKind.REQUEST
    assert request.agent is not None and request.agent.name == "Guterres"


def test_a_name_whose_first_part_the_treebank_saw_as_a_noun(extractor: Extractor) -> None:
    # EWT saw "wang" as a common noun: the tagger made it a verb, and the agent "Yi".
    text = "Wang Yi met with his Russian counterpart Sergei Lavrov in Moscow on Monday."
    [meeting] = extractor.extract(text)
    assert meeting.agent is not None and meeting.agent.name == "Wang Yi"
    assert [t.name for t in meeting.targets] == ["Sergei Lavrov"]


def test_aid_received_from_a_giver(extractor: Extractor) -> None:
    [aid] = extractor.extract("Ukraine received $2 billion in aid from Germany.")
    assert aid.kind is EventKind.AID
    assert aid.agent is not None and aid.agent.name == "Germany"
    assert [t.name for t in aid.targets] == ["Ukraine"]


def test_a_name_the_tokenizer_split_is_one_agent(extractor: Extractor) -> None:
    # The tokenizer ends a sentence after "Kim Jong".
    [visit] = extractor.extract("Kim Jong Un visited a munitions factory, state media reported.")
    assert visit.kind is EventKind.VISIT
    assert visit.agent is not None and visit.agent.name == "Kim Jong Un"


def test_skipping_untriggered_sentences_changes_no_result(extractor: Extractor) -> None:
    texts = [SEED_TEXT, *SHORT, BAN_AS_ADJECTIVE]
    skipped = [extractor.extract(t, published="2024-04-26") for t in texts]
    extractor.skip_untriggered = False
    try:
        full = [extractor.extract(t, published="2024-04-26") for t in texts]
    finally:
        extractor.skip_untriggered = True
    assert skipped == full
    assert any(skipped)
    assert [e.kind for e in skipped[-1]] == [EventKind.SANCTION]


def test_parsed_documents_are_freed_without_the_cyclic_collector(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc
    import weakref

    pipeline = extractor.pipeline
    refs: list[weakref.ref[object]] = []
    real_call = type(pipeline).__call__

    def spy(self, docs, *args, **kwargs):  # type: ignore[no-untyped-def]
        out = real_call(self, docs, *args, **kwargs)
        refs.extend(weakref.ref(d) for d in out)
        refs.extend(weakref.ref(s) for d in out for s in d.sentences)
        return out

    monkeypatch.setattr(type(pipeline), "__call__", spy)
    gc.disable()
    try:
        views = extractor.parse("Blinken met Wang Yi. He warned China.\n\nBiden signed the bill.")
        assert [w.text for w in views[0].words][:2] == ["Blinken", "met"]
        assert refs and all(r() is None for r in refs)
    finally:
        gc.enable()


def test_parser_groups_bound_the_padded_size() -> None:
    from diplo_events._nlp.driver import padded_groups

    lengths = [119, *([12] * 32), 600, 3]
    groups = padded_groups(lengths, 500)
    assert sorted(i for g in groups for i in g) == list(range(len(lengths)))
    for g in groups:
        longest = max(lengths[i] for i in g)
        assert len(g) == 1 or len(g) * longest <= 500
    # the long sentence is not padded against the short ones
    assert next(g for g in groups if 0 in g) == [0, 1, 2, 3]
    assert [33] in groups
    assert padded_groups([], 500) == []


def parsed_words(views: list[Sentence]) -> list[tuple[object, ...]]:
    """What a change to how the pipeline runs must leave as it was."""
    return [
        (w.text, w.start, w.end, w.upos, w.feats, w.lemma, w.head, w.deprel)
        for s in views
        for w in s.words
    ]


LONG_AND_SHORT = "\n\n".join(
    [
        "Blinken met Wang Yi on Friday. " * 12,
        "Biden signed the bill.",
        "Xi warned the United States on Monday, and Putin held talks with Modi. " * 3,
        "Lavrov visited Ankara.",
        "The talks went on.",
    ]
)


def test_paragraphs_are_tokenized_in_groups_of_similar_length(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diplo_events._nlp.driver import cheapest_groups
    from diplo_events._nlp.store import TOKENIZE_BATCH_ROWS, TOKENIZE_STEP_ROWS

    tokenizer = extractor.pipeline.processors["tokenize"]
    args = tokenizer.trainer.args
    model_batch = args["batch_size"]
    calls: list[tuple[int, list[int]]] = []
    real = tokenizer.bulk_process

    def spy(docs):  # type: ignore[no-untyped-def]
        calls.append((args["batch_size"], [len(d.text) for d in docs]))
        return real(docs)

    monkeypatch.setattr(tokenizer, "bulk_process", spy)
    views = extractor.parse(LONG_AND_SHORT)
    assert args["batch_size"] == model_batch  # restored
    lengths = [len(p.strip()) for p in LONG_AND_SHORT.split("\n\n")]
    planned = cheapest_groups(lengths, TOKENIZE_STEP_ROWS, TOKENIZE_BATCH_ROWS)
    assert [sorted(got) for _, got in calls] == [sorted(lengths[i] for i in g) for g in planned]
    assert all(batch_size == len(got) for batch_size, got in calls)  # a group is one batch
    assert 1 < len(calls) < len(lengths)  # the long paragraphs apart from the short ones
    # the same tokens and sentences as stanza's own call on the whole text
    theirs = extractor.pipeline(LONG_AND_SHORT, processors="tokenize")
    assert [[(w.start, w.end) for w in s.words] for s in views] == [
        [(t.start_char, t.end_char) for t in s.tokens] for s in theirs.sentences
    ]


def test_padded_lstms_give_the_same_parse(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    tokenizer = extractor.pipeline.processors["tokenize"].trainer.model
    parser = extractor.pipeline.processors["depparse"].trainer.model
    lstms = [tokenizer.rnn, tokenizer.rnn2] + [layer.lstm for layer in parser.parserlstm.lstm]
    assert all("forward" in vars(lstm) for lstm in lstms)

    ours = parsed_words(extractor.parse(LONG_AND_SHORT + "\n\n" + SEED_TEXT))
    for lstm in lstms:
        monkeypatch.delattr(lstm, "forward")  # torch's packed LSTM again
    assert parsed_words(extractor.parse(LONG_AND_SHORT + "\n\n" + SEED_TEXT)) == ours


def test_labels_scored_at_the_chosen_heads_give_the_same_parse(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    parser = extractor.pipeline.processors["depparse"].trainer.model
    assert "predict" in vars(parser)
    calls = []
    fast = parser.predict
    monkeypatch.setattr(parser, "predict", lambda *a, **k: calls.append(1) or fast(*a, **k))

    ours = parsed_words(extractor.parse(LONG_AND_SHORT + "\n\n" + SEED_TEXT))
    assert calls
    monkeypatch.delattr(parser, "predict")  # stanza's all-pairs scoring again
    assert parsed_words(extractor.parse(LONG_AND_SHORT + "\n\n" + SEED_TEXT)) == ours


def test_long_text_is_parsed_in_rounds_with_the_same_result(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    import diplo_events._nlp.driver as ex_module

    text = LONG_AND_SHORT + "\n\n" + SEED_TEXT
    whole = extractor.extract(text, published="2024-04-26")
    rounds = []
    real = ex_module.rounds
    monkeypatch.setattr(ex_module, "PARSE_ROUND_CHARS", 300)
    monkeypatch.setattr(ex_module, "rounds", lambda *a: rounds.extend(real(*a)) or rounds)
    assert extractor.extract(text, published="2024-04-26") == whole
    assert len(rounds) >= 4  # the seed article is one long paragraph


def test_only_paragraphs_with_multiword_tokens_are_expanded(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    import diplo_events._nlp.driver as ex_module

    text = "Blinken met Xi.\n\nBiden's aides met Xi's envoy.\n\nWe cannot accept this, he said."
    expanded = []
    real = ex_module._has_multiword_token
    monkeypatch.setattr(
        ex_module, "_has_multiword_token", lambda d: expanded.append(real(d)) or expanded[-1]
    )

    ours = parsed_words(extractor.parse(text))
    assert expanded == [False, True, True]
    assert [w[0] for w in ours if w[0] in ("'s", "not")] == ["'s", "'s", "not"]
    monkeypatch.setattr(ex_module, "_has_multiword_token", lambda d: True)  # expand all
    assert parsed_words(extractor.parse(text)) == ours


def test_a_wire_dateline_is_nobody(extractor: Extractor) -> None:
    """'BEIJING, ... (Xinhua) --' was parsed as the subject of the first sentence."""
    text = (
        "BEIJING, April 26 (Xinhua) -- Chinese President Xi Jinping met "
        "U.S. Secretary of State Antony Blinken on Friday."
    )
    (met,) = [e for e in extractor.extract(text, published="2024-04-26") if e.trigger.text == "met"]
    assert met.agent is not None and met.agent.name == "Xi Jinping"
    assert met.location is not None and met.location.name == "Beijing"


def test_subnormal_weights_are_zero_and_give_the_same_parse() -> None:
    import torch

    from diplo_events._nlp.store import bundled_model_dir

    ex = Extractor.load()
    parser = ex.pipeline.processors["depparse"].trainer.model
    tiny = torch.finfo(torch.float32).tiny
    loaded = dict(parser.named_parameters())
    saved = torch.load(
        bundled_model_dir() / "parser.pt", map_location="cpu", weights_only=False
    )["model"]
    restored = 0
    for name, value in saved.items():
        subnormal = (value != 0) & (value.abs() < tiny)
        if name in loaded and subnormal.any():
            assert not loaded[name][subnormal].any()  # set to zero at load
            restored += int(subnormal.sum())
    assert restored > 1000  # the bundled embeddings have thousands

    ours = parsed_words(ex.parse(LONG_AND_SHORT + "\n\n" + SEED_TEXT))
    with torch.no_grad():
        for name, value in saved.items():
            if name in loaded:
                loaded[name].copy_(value)
    assert parsed_words(ex.parse(LONG_AND_SHORT + "\n\n" + SEED_TEXT)) == ours


def test_parser_batches_are_stanzas_batches(extractor: Extractor) -> None:
    from stanza.models.common.doc import Document
    from stanza.models.depparse.data import DataLoader

    from diplo_events._nlp.speedups.parser_inputs import parser_inputs

    parser = extractor.pipeline.processors["depparse"]
    inputs = parser_inputs(parser)
    assert inputs is not None
    text = LONG_AND_SHORT + "\n\nWhat?!? No!! Really?!\n\n" + SEED_TEXT
    docs = [Document([], text=text)]
    extractor.parser._tokenize(docs)  # type: ignore[attr-defined]
    tagged = extractor.pipeline(docs, processors="pos")[0].sentences
    for sentence in tagged:
        for w in sentence.words:
            w.lemma = None if w.text == "on" else w.text.lower()  # a missing lemma reads "_"
    compared = 0
    for start in range(0, len(tagged), 5):
        group = tagged[start : start + 5]
        ours = inputs.batch([s.words for s in group])
        loader = DataLoader(
            Document([[w.to_dict() for w in s.words] for s in group]),
            5000,
            parser.config,
            parser.pretrain,
            vocab=parser.vocab,
            evaluation=True,
        )
        (theirs,) = list(loader)
        assert len(ours) == len(theirs)
        for mine, stanzas in zip(ours, theirs, strict=True):
            if hasattr(mine, "shape"):
                assert mine.shape == stanzas.shape and bool((mine == stanzas).all())
            else:
                assert list(mine) == list(stanzas)
        compared += 1
    assert compared >= 8


def test_parser_batches_give_the_same_parse(extractor: Extractor) -> None:
    from diplo_events._nlp.speedups.parser_inputs import ParserInputs

    text = LONG_AND_SHORT + "\n\nWhat?!? No!! Really?!\n\n" + SEED_TEXT
    ours = parsed_words(extractor.parse(text))
    parser = extractor.pipeline.processors["depparse"]
    assert isinstance(extractor.parser._parser_batches(parser), ParserInputs)  # type: ignore[attr-defined]
    saved = extractor.parser._inputs  # type: ignore[attr-defined]
    try:
        # stanza's depparse processor, through a Document
        extractor.parser._inputs = [None]  # type: ignore[attr-defined]
        assert parsed_words(extractor.parse(text)) == ours
    finally:
        extractor.parser._inputs = saved  # type: ignore[attr-defined]
