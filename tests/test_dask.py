"""The Dask recipe (examples/dask_extract.py) on a LocalCluster with 2 workers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "dask_extract.py"
ARTICLES = {
    "a": "date 2024-04-26\n\nBlinken met Chinese Foreign Minister Wang Yi on Friday.",
    "b": "date 2024-04-22\n\nPutin held talks with Modi in Moscow.",
    "c": "The weather was cold.",
}


def test_dask_recipe_matches_serial_extraction(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("dask.distributed")
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    # As a user runs it: a script, so the workers can import its functions.
    subprocess.run(
        [sys.executable, str(EXAMPLE), str(folder), "--out", str(out), "--workers", "2"],
        check=True,
        timeout=600,
    )
    rows = [
        json.loads(line)
        for f in sorted(out.glob("events-*.jsonl"))
        for line in f.read_text().splitlines()
    ]
    expected = [
        {"doc_id": name, **e.to_dict()}
        for name, text in sorted(ARTICLES.items())
        for e in extractor.extract(text)
    ]
    assert sorted(rows, key=json.dumps) == sorted(expected, key=json.dumps)
    assert {r["doc_id"] for r in rows} == {"a", "b"}
