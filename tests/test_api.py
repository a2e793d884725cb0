"""The public surface: __all__, lazy imports, bad input."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

import diplo_events


def test_all_is_exactly_the_public_surface() -> None:
    public = {n for n in dir(diplo_events) if not n.startswith("_")}
    modules = {"exceptions"}  # a public submodule, documented as such
    assert set(diplo_events.__all__) - {"__version__"} == public - modules
    for name in diplo_events.__all__:
        assert getattr(diplo_events, name) is not None


def test_version() -> None:
    assert diplo_events.__version__.count(".") >= 2


def test_import_does_not_load_torch_stanza_or_numpy() -> None:
    code = (
        "import sys, diplo_events; "
        "heavy = [m for m in ('torch', 'stanza', 'dateparser', 'numpy') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["a list"]])
def test_non_str_input_is_a_type_error(bad) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError, match="must be str"):
        diplo_events.extract_events(bad)


@pytest.mark.parametrize("empty", ["", "   ", "\n\n\t"])
def test_empty_text_gives_no_events_without_loading_the_model(empty) -> None:  # type: ignore[no-untyped-def]
    assert diplo_events.extract_events(empty) == []


def test_bad_published_date() -> None:
    with pytest.raises(diplo_events.InputError, match="ISO date"):
        diplo_events.extract_events("Blinken met Xi.", published="last Tuesday")
    with pytest.raises(TypeError):
        diplo_events.extract_events("Blinken met Xi.", published=20240426)  # type: ignore[arg-type]


class NoSentences:
    """A parser backend that finds no sentences: enough to see what ``prepare`` warns."""

    stats: dict[str, int] = {}  # noqa: RUF012 - the protocol's attribute, never written

    def parse(self, paragraphs: Any, *, may_trigger: Any = None) -> list[list[Any]]:
        return [[] for _ in paragraphs]


def _extractor() -> diplo_events.Extractor:
    from diplo_events._nlp.store import ModelInfo

    return diplo_events.Extractor(parser=NoSentences(), model=ModelInfo("none", Path("."), {}))


def _warnings_of(text: str, published: str | None = None) -> list[warnings.WarningMessage]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        _extractor().extract(text, published)
    return [w for w in caught if issubclass(w.category, UserWarning)]


def test_an_undated_text_warns_once_how_to_pass_the_date() -> None:
    long_undated = "Blinken met Wang Yi on Friday.\n\n" * 5_000  # many chunks and sections
    caught = _warnings_of(long_undated)
    assert [w.category for w in caught] == [diplo_events.UndatedWarning]
    assert 'published="YYYY-MM-DD"' in str(caught[0].message)
    assert caught[0].filename == __file__  # points at the caller's extract call


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Blinken met Wang Yi on Friday.", "2024-04-26"),
        ("date 2024-04-26\n\nBlinken met Wang Yi on Friday.", None),
        ("WASHINGTON, April 26, 2024 (Reuters) - Blinken met Wang Yi.", None),
        ("", None),
        ("\x00" * 20, None),
    ],
)
def test_a_dated_or_empty_text_does_not_warn(text: str, published: str | None) -> None:
    assert _warnings_of(text, published) == []


def test_a_text_not_in_english_is_not_also_undated() -> None:
    text = ("Le secrétaire d'État américain a rencontré le président chinois à Pékin "
            "vendredi, selon l'agence de presse officielle Xinhua, et les deux pays "
            "cherchent à stabiliser leurs relations.")
    assert [w.category for w in _warnings_of(text)] == [diplo_events.NotEnglishWarning]
