"""The examples name their missing optional packages before doing any work."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _requires() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_requires", EXAMPLES / "_requires.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_require_names_what_is_missing_and_the_extra_from_a_clone() -> None:
    requires = _requires()
    requires.require("pandas", "json")  # installed: nothing happens
    with pytest.raises(SystemExit) as info:
        requires.require("pandas,plot", "json", "no_such_package_here.sub")
    message = str(info.value.code)
    assert "needs no_such_package_here.sub," in message
    assert "json" not in message
    assert 'pip install ".[pandas,plot]"' in message
    assert '".[examples]"' in message


# Runs an example as a script with every optional package reported missing and
# the model's loader replaced by one that says it was called.
_RUN = """
import runpy, sys
sys.path.insert(0, {examples!r})
import _requires
_requires.missing = lambda *modules: list(modules)
import diplo_events._extractor as ex
def load(*args, **kwargs):
    print("MODEL LOADED")
    raise SystemExit(9)
ex.Extractor.load = classmethod(load)
sys.argv = [{script!r}]
runpy.run_path({script!r}, run_name="__main__")
"""


@pytest.mark.parametrize(
    ("script", "extra"),
    [("dataframe.py", "pandas"), ("timeline.py", "pandas,plot"), ("dask_extract.py", "dask")],
)
def test_an_example_stops_before_any_work(script: str, extra: str, tmp_path: Path) -> None:
    path = str(EXAMPLES / script)
    code = _RUN.format(examples=str(EXAMPLES), script=path)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=False, cwd=tmp_path, timeout=120)
    assert out.returncode == 1, out.stderr
    assert "MODEL LOADED" not in out.stdout
    assert out.stderr.startswith(f"{script} needs ")
    assert f'pip install ".[{extra}]"' in out.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_the_timeline_spreads_one_days_markers_and_draws_coarse_dates_as_bars(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("matplotlib")
    pd = pytest.importorskip("pandas")
    from tests.conftest import load_script

    monkeypatch.syspath_prepend(str(EXAMPLES))
    timeline = load_script(EXAMPLES / "timeline.py")
    offsets = timeline.lane_offsets([("Xi", 1), ("Xi", 1), ("Wang", 1), ("Xi", 2)])
    assert offsets[0] < 0 < offsets[1] and offsets[0] == -offsets[1]  # both visible
    assert offsets[2] == offsets[3] == 0.0  # alone on their day
    assert all(abs(o) <= 0.4 + 1e-9 for o in timeline.lane_offsets([("Xi", 1)] * 12))  # in the lane

    day = pd.Timestamp("2024-04-26")
    df = pd.DataFrame({
        "agent": ["Blinken", "Blinken", "Pelosi"],
        "kind": ["meeting", "statement", "visit"],
        "date": [day, day, pd.Timestamp("2022-01-01")],
        "date_precision": ["day", "day", "year"],
        "date_start": [day, day, pd.Timestamp("2022-01-01")],
        "date_end": [day, day, pd.Timestamp("2022-12-31")],
    })
    out = tmp_path / "t.png"
    assert timeline.plot_timeline(df, out) == 3
    assert out.stat().st_size > 0
