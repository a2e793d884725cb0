"""The public surface: __all__, lazy imports, bad input."""

from __future__ import annotations

import subprocess
import sys

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
