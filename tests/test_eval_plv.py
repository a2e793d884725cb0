"""The PLV scorer (tools/eval_plv.py) on invented sentences, without the model or the data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from diplo_events import Actor, Event, EventKind, Lexicon, Span

from .conftest import load_script

ROOT = Path(__file__).resolve().parent.parent


ev = load_script(ROOT / "tools" / "eval_plv.py")

# Invented sentences; none comes from the PLV data.
S1 = "The ministry of Freedonia condemned the raid by Sylvania on Tuesday."
S2 = "Ruritania and Latveria held talks in Geneva."
S3 = "Police in Elbonia arrested twelve protesters."

HEADER = ["", "sentence_id", "sentence", "marked_sentence", "source", "target", "gold_root",
          "silver_root"]


def write_tsv(path: Path, rows: list[list[str]]) -> Path:
    lines = ["\t".join(HEADER)] + ["\t".join(r) for r in rows]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def row(n: int, sentence: str, source: str, target: str, gold: str) -> list[str]:
    return ["", str(n), sentence, f"<s>{source}</s> ... <t>{target}</t>", source, target, gold,
            "AGREE"]


def pair(sentence: str, source: str, gold: str, target: str = "x", line: int = 0) -> Any:
    return ev.Pair(sentence, source, target, gold, line)


def sys_event(kind: str, plover: str | None, agent: str | None = None,
              trigger: str = "t", text: str | None = None) -> Any:
    return ev.SysEvent(kind=kind, plover=plover, cameo=None, trigger=trigger,
                       agent_name=agent, agent_text=text if text is not None else agent)


def test_load_pairs_reads_the_columns_and_checks_the_roots(tmp_path: Path) -> None:
    path = write_tsv(tmp_path / "PLV_train.tsv", [
        row(1, S1, "The ministry of Freedonia", "Sylvania", "ACCUSE"),
        row(2, S2, "Ruritania", "Latveria", "CONSULT"),
        row(3, S2, "Latveria", "Ruritania", "CONSULT"),
    ])
    pairs = ev.load_pairs(tmp_path)  # the directory or the file
    assert pairs == ev.load_pairs(path)
    assert [(p.source, p.target, p.gold) for p in pairs] == [
        ("The ministry of Freedonia", "Sylvania", "ACCUSE"),
        ("Ruritania", "Latveria", "CONSULT"),
        ("Latveria", "Ruritania", "CONSULT"),
    ]
    assert pairs[0].sentence == S1
    assert [p.line for p in pairs] == [2, 3, 4]
    assert ev.sentences_of(pairs) == [S1, S2]

    write_tsv(path, [row(1, S1, "a", "b", "CONCEDE")])
    with pytest.raises(ValueError, match="unknown gold_root 'CONCEDE'"):
        ev.load_pairs(path)
    path.write_text("sentence\tsource\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing columns"):
        ev.load_pairs(path)


def test_the_split_is_fixed_by_the_sentence_and_keeps_pairs_together() -> None:
    invented = [f"Country {n} signed an accord with country {n + 1}." for n in range(2000)]
    parts = [ev.part_of(s) for s in invented]
    assert set(parts) == {"read", "unread"}
    assert 0.67 < parts.count("read") / len(parts) < 0.73
    assert parts == [ev.part_of(s) for s in invented]  # stable
    pairs = [pair(s, "a", "AGREE") for s in invented[:50] for _ in range(2)]
    read, unread = ev.select(pairs, "read"), ev.select(pairs, "unread")
    assert len(read) + len(unread) == len(pairs) == len(ev.select(pairs, "all"))
    assert not {p.sentence for p in read} & {p.sentence for p in unread}
    assert len(read) % 2 == 0  # both pairs of a sentence go the same way
    sizes = ev.part_sizes(pairs)
    assert sizes["all"] == {"sentences": 50, "pairs": 100}
    assert sizes["read"]["sentences"] + sizes["unread"]["sentences"] == 50
    with pytest.raises(ValueError, match="part must be"):
        ev.select(pairs, "train")


def test_system_events_and_the_yield_merge() -> None:
    agent = Actor(text="Freedonia", name="The Republic of Freedonia",
                  span=Span(16, 25, "Freedonia"))
    e = Event(kind=EventKind.ACCUSATION, trigger=Span(26, 35, "condemned"),
              sentence=Span(0, len(S1), S1), agent=agent, cameo="111", plover="ACCUSE",
              negated=True)
    (s,) = ev.system_events([e])
    assert (s.kind, s.plover, s.cameo, s.trigger) == ("accusation", "ACCUSE", "111", "condemned")
    assert (s.agent_name, s.agent_text, s.negated, s.hypothetical) == (
        "The Republic of Freedonia", "Freedonia", True, False)
    assert ev.to_plv("CONCEDE") == ev.to_plv("RETREAT") == "YIELD"
    assert ev.to_plv("ACCUSE") == "ACCUSE"
    assert ev.to_plv(None) is None
    assert sys_event("x", "RETREAT").code == "YIELD"


def test_emitted_categories_come_from_the_lexicon() -> None:
    emitted = ev.emitted_categories(Lexicon.bundled())
    assert emitted <= set(ev.PLV_ROOTS)
    assert {"CONSULT", "ACCUSE"} <= emitted


def test_agent_agreement_is_containment_either_way() -> None:
    assert ev.agent_agrees("The ministry of Freedonia", sys_event("k", "ACCUSE", "Freedonia"))
    assert ev.agent_agrees("freedonia", sys_event("k", "ACCUSE", "The  Freedonian ministry"))
    # the written text counts as well as the fullest name
    assert ev.agent_agrees("he", sys_event("k", "ACCUSE", "Rufus T. Firefly", text="he"))
    assert not ev.agent_agrees("Sylvania", sys_event("k", "ACCUSE", "Freedonia"))
    assert not ev.agent_agrees("Sylvania", sys_event("k", "ACCUSE", None))
    assert not ev.agent_agrees("", sys_event("k", "ACCUSE", "Freedonia"))


Scored = tuple[list[Any], dict[str, list[Any]]]


@pytest.fixture
def scored() -> Scored:
    pairs = [
        pair(S1, "The ministry of Freedonia", "ACCUSE", line=2),
        pair(S2, "Ruritania", "CONSULT", line=3),
        pair(S2, "Latveria", "CONSULT", line=4),
        pair(S3, "Police in Elbonia", "COERCE", line=5),
    ]
    system = {
        S1: [sys_event("accusation", "ACCUSE", "Sylvania"),          # hit, wrong agent
             sys_event("statement", "CONSULT", "Freedonia")],        # a wrong code
        S2: [sys_event("meeting", "CONSULT", "Ruritania"),           # hits both pairs
             sys_event("meeting", "CONSULT", "Latveria"),
             sys_event("meeting", None, "Latveria")],                # no code: not scored
        S3: [],
    }
    return pairs, system


def test_score_rates_per_category_and_overall(scored: Scored) -> None:
    pairs, system = scored
    s = ev.score(pairs, system, emitted={"ACCUSE", "CONSULT"})
    assert s.per_category["ACCUSE"] == {
        "pairs": 1, "hits": 1, "hit": 1.0, "events": 1, "agreeing": 1, "agreement": 1.0,
        "agent_right": 0, "agent": 0.0}
    assert s.per_category["CONSULT"] == {
        "pairs": 2, "hits": 2, "hit": 1.0, "events": 3, "agreeing": 2,
        "agreement": pytest.approx(2 / 3), "agent_right": 2, "agent": 1.0}
    assert s.per_category["COERCE"]["hit"] == 0.0
    assert s.per_category["COERCE"]["agreement"] is None  # no COERCE events
    assert s.per_category["COERCE"]["agent"] is None       # no hits
    assert list(s.per_category) == list(ev.PLV_ROOTS)
    assert s.overall == {
        "pairs": 4, "hits": 3, "hit": 0.75, "events": 4, "agreeing": 3, "agreement": 0.75,
        "agent_right": 2, "agent": pytest.approx(2 / 3)}
    assert s.emitted == ["CONSULT", "ACCUSE"]  # in PLOVER's order
    assert s.overall_emitted["pairs"] == 3
    assert s.overall_emitted["hit"] == 1.0
    assert s.sentences == {"sentences": 3, "pairs": 4, "without_events": 1,
                           "without_coded_events": 1, "events": 5, "coded_events": 4}
    assert s.codes[0] == ["meeting", None, "CONSULT", 2]
    assert s.wrong_codes == [["CONSULT", "ACCUSE", 1]]
    json.dumps(s.to_dict())  # JSON-ready


def test_codes_outside_the_set_get_a_row_and_never_agree() -> None:
    pairs = [pair(S1, "Freedonia", "ACCUSE")]
    s = ev.score(pairs, {S1: [sys_event("x", "LAUGH")]}, emitted=set())
    assert s.per_category["LAUGH"]["events"] == 1
    assert s.per_category["LAUGH"]["agreeing"] == 0
    assert s.overall["agreement"] == 0.0
    assert s.overall_emitted["pairs"] == 0
    assert s.overall_emitted["hit"] is None


def test_table_and_error_report(scored: Scored) -> None:
    pairs, system = scored
    table = ev.format_table(ev.score(pairs, system, emitted={"ACCUSE", "CONSULT"}))
    assert "*CONSULT" in table and " COERCE" in table
    assert "all 15 (micro)" in table and "emitted 2 (micro)" in table
    assert "1 sentences without any event" in table
    assert "CONSULT    / ACCUSE" in table
    report = ev.error_report(pairs, system)
    assert "== MISSED PAIRS (no event of the gold category in the sentence): 1" in report
    assert "line 5  gold COERCE" in report and "no events" in report
    assert "== WRONG CODES (events whose category no pair of the sentence has): 1" in report
    assert "CONSULT (statement -)" in report
    assert "== AGENT MISMATCHES on hits: 1" in report
    assert f"| {S3}" in report and f"| {S1}" in report


def test_the_cache_round_trips_and_drops_other_code(tmp_path: Path) -> None:
    path = tmp_path / "cache.jsonl"
    events = {ev.sentence_key(S1): [sys_event("accusation", "ACCUSE", "Freedonia")],
              ev.sentence_key(S3): []}
    ev.write_cache(path, "abc", events)
    assert S1 not in path.read_text(encoding="utf-8")  # keys, not sentences
    assert ev.read_cache(path, "abc") == events
    assert ev.read_cache(path, "other") == {}
    assert ev.read_cache(tmp_path / "absent.jsonl", "abc") == {}


def test_errors_refuse_the_unread_part(capsys: pytest.CaptureFixture[str]) -> None:
    for part in ("unread", "all"):
        with pytest.raises(SystemExit) as exc:
            ev.main(["--part", part, "--errors", "--data", "/nonexistent"])
        assert exc.value.code == 2
        assert "only with --part read" in capsys.readouterr().err


def test_main_with_a_stand_in_extractor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str],
                                         scored: Scored) -> None:
    pairs, system = scored
    rows = [row(n, p.sentence, p.source, p.target, p.gold) for n, p in enumerate(pairs)]
    write_tsv(tmp_path / "PLV_train.tsv", rows)
    calls: list[int] = []

    def stand_in(sentences: list[str], model_dir: Path | None, device: str = "cpu",
                 batch_size: int = 64, political_only: bool = True) -> dict[str, list[Any]]:
        calls.append(len(sentences))
        return {s: system[s] for s in sentences}

    monkeypatch.setattr(ev, "run_extractor", stand_in)
    monkeypatch.setattr(ev, "code_fingerprint", lambda model_dir: "fp")
    out, cache = tmp_path / "scores.json", tmp_path / "cache.jsonl"
    argv = ["--data", str(tmp_path), "--part", "all", "--json", str(out), "--cache", str(cache)]
    assert ev.main(argv) == 0
    printed = capsys.readouterr().out
    assert "scored part 'all': 3 sentences, 4 pairs; 3 parsed" in printed
    numbers = json.loads(out.read_text(encoding="utf-8"))
    assert numbers["overall"]["hit"] == 0.75
    assert numbers["sizes"]["all"] == {"sentences": 3, "pairs": 4}
    assert S1 not in out.read_text(encoding="utf-8")  # numbers only
    assert ev.main(argv) == 0  # the second run parses nothing
    assert calls == [3]
    assert "0 parsed" in capsys.readouterr().out
    assert json.loads(out.read_text(encoding="utf-8"))["overall"] == numbers["overall"]
