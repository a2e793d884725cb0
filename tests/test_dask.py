"""The Dask recipe (examples/dask_extract.py) on a LocalCluster with 2 workers."""

from __future__ import annotations

import importlib.util
import json
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


def _load_example():  # type: ignore[no-untyped-def]
    pytest.importorskip("dask.distributed")
    import cloudpickle

    spec = importlib.util.spec_from_file_location("dask_extract_example", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    # Workers cannot import the example by name: ship its functions by value.
    cloudpickle.register_pickle_by_value(module)
    return module


def test_dask_recipe_matches_serial_extraction(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    example = _load_example()
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    files = example.run(folder, tmp_path / "out", workers=2)
    rows = [json.loads(line) for f in files for line in f.read_text().splitlines()]
    expected = [
        {"doc_id": name, **e.to_dict()}
        for name, text in sorted(ARTICLES.items())
        for e in extractor.extract(text)
    ]
    assert sorted(rows, key=json.dumps) == sorted(expected, key=json.dumps)
    assert {r["doc_id"] for r in rows} == {"a", "b"}
