"""The TimeLine scorer (tools/eval_timeline.py) and its reader, on invented files.

No model and no data are needed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diplo_events import DateBasis, EventDate, Precision

from .conftest import load_script

ROOT = Path(__file__).resolve().parent.parent
ev = load_script(ROOT / "tools" / "eval_timeline.py")
wn = load_script(ROOT / "tools" / "_wikinews.py")

# An invented article in the CAT format: title, dateline, one body sentence.
CAT = """<?xml version="1.0" ?><Document doc_id="42" doc_name="42_Freedonia_signs.txt">
<token number="0" sentence="0" t_id="1">Freedonia</token>
<token number="1" sentence="0" t_id="2">signs</token>
<token number="2" sentence="1" t_id="3">May</token>
<token number="3" sentence="1" t_id="4">03</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2007</token>
<token number="6" sentence="2" t_id="7">Freedonia</token>
<token number="7" sentence="2" t_id="8">signed</token>
<token number="8" sentence="2" t_id="9">the</token>
<token number="9" sentence="2" t_id="10">deal</token>
<token number="10" sentence="2" t_id="11">on</token>
<token number="11" sentence="2" t_id="12">Monday</token>
<token number="12" sentence="2" t_id="13">.</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="{dct}">
  <token_anchor t_id="3"/>
</TIMEX3>
<EVENT_MENTION m_id="2"><token_anchor t_id="8"/></EVENT_MENTION>
</Markables>
</Document>
"""


def test_article_text_keeps_each_token_at_its_offset(tmp_path: Path) -> None:
    path = tmp_path / "42_Freedonia_signs.txt.xml"
    path.write_text(CAT.format(dct="2007-05-03"), encoding="utf-8")
    art = wn.read_article(path)
    assert art.text == "Freedonia signs\n\nMay 03, 2007\n\nFreedonia signed the deal on Monday."
    assert art.published == dt.date(2007, 5, 3)
    start = art.offset_of(2, "signed")
    assert art.text[start : start + 6] == "signed"
    assert start in art.event_tokens
    assert art.offset_of(2, "absent") is None


def test_a_creation_time_written_month_first_is_read(tmp_path: Path) -> None:
    path = tmp_path / "42_Freedonia_signs.txt.xml"
    path.write_text(CAT.format(dct="05-03-2007"), encoding="utf-8")
    assert wn.read_article(path).published == dt.date(2007, 5, 3)


def test_gold_dates_drop_their_unknown_parts() -> None:
    assert wn.normalize_gold("2008-03-XX") == "2008-03"
    assert wn.normalize_gold("2008-XX-XX") == "2008"
    assert wn.normalize_gold("2008-03-01") == "2008-03-01"
    assert wn.normalize_gold("XXXX-XX-XX") is None


def _date(timex: str, value: dt.date, precision: Precision, basis: DateBasis) -> EventDate:
    return EventDate(value, precision, timex, basis, None)


def test_judging_exact_at_precision_and_no_date() -> None:
    day = _date("2008-03-05", dt.date(2008, 3, 5), Precision.DAY, DateBasis.RELATIVE)
    month = _date("2008-03", dt.date(2008, 3, 1), Precision.MONTH, DateBasis.RELATIVE)
    pub = _date("2008-03-09", dt.date(2008, 3, 9), Precision.DAY, DateBasis.PUBLICATION)
    assert ev.judge("2008-03-05", day) == {"exact": True, "at_precision": True}
    assert ev.judge("2008-03", day) == {"exact": False, "at_precision": True}
    assert ev.judge("2008-03-05", month) == {"exact": False, "at_precision": False}
    assert ev.judge("2008-04", day) == {"exact": False, "at_precision": False}
    assert ev.judge(None, pub) == {"no_date": True}
    assert ev.judge(None, day) == {"no_date": False}
    assert ev.judge(None, None) == {"no_date": True}


def test_timelines_list_each_mention_once(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    (folder / "timelines").mkdir(parents=True)
    (folder / "timelines" / "a.txt").write_text(
        "Freedonia\n1\t2007-04-30\t42-2-signed\t42-0-signs\n2\tXXXX-XX-XX\t42-2-deal\n",
        encoding="utf-8",
    )
    (folder / "timelines" / "b.txt").write_text("1\t2007-04-30\t42-2-signed\n", encoding="utf-8")
    got = sorted((m.sentence, m.word, m.date) for m in wn.read_timelines(folder))
    assert got == [(0, "signs", "2007-04-30"), (2, "deal", None), (2, "signed", "2007-04-30")]


def test_periods_hold_the_day_its_month_and_its_year() -> None:
    assert ev.periods("2008-03-05T14:00") == {"2008-03-05", "2008-03", "2008"}
    assert ev.periods("2008") == {"2008"}
    assert ev.periods("PRESENT_REF") == {"PRESENT_REF"}


def test_the_ceiling_says_where_each_gold_date_is_found(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus_1"
    (corpus / "cat").mkdir(parents=True)
    (corpus / "cat" / "42_Freedonia_signs.txt.xml").write_text(
        CAT.format(dct="2007-05-03"), encoding="utf-8"
    )
    (corpus / "timelines").mkdir()
    # the signing on Monday (stated), the deal on the publication day, and
    # the headline's signing on a day the text gives nowhere
    (corpus / "timelines" / "freedonia.txt").write_text(
        "Freedonia\n1\t2007-04-30\t42-2-signed\n2\t2007-05-03\t42-2-deal\n"
        "3\t1999-01-01\t42-0-signs\n",
        encoding="utf-8",
    )
    tally = ev.ceiling(tmp_path, ("corpus_1",))
    assert tally["dated"] == 3
    assert tally["stated in the text"] == 1
    assert tally["publication day"] == 1
    assert tally["nowhere in the text"] == 1
