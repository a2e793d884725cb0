"""Beyond one machine: extract events from many articles with Dask.

A bag of article records is mapped by partitions; each worker process loads
one Extractor (on its first partition) and reuses it for every partition it
gets; results are written as JSON Lines, one file per partition.

    python examples/dask_extract.py [FOLDER_OF_TXT] [--out DIR] [--workers 2]

Needs Dask: ``pip install ".[dask]"`` from a clone (``".[examples]"`` for
every example).  On a real cluster, pass the scheduler address instead of starting a
LocalCluster: ``Client("tcp://scheduler:8786")``; every worker needs
diplo-events installed (the model ships inside the wheel).
"""

from __future__ import annotations

import argparse
import functools
import json
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from _requires import require

HERE = Path(__file__).resolve().parent


@functools.cache
def worker_extractor() -> Any:
    """One Extractor per worker process, built on first use and then reused."""
    from diplo_events import Extractor

    return Extractor.load()


def extract_partition(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event rows for one partition of article records (``id``, ``text``, ``published``)."""
    ex = worker_extractor()
    rows: list[dict[str, Any]] = []
    batch = [(r["text"], {"id": r["id"], "published": r.get("published")}) for r in records]
    for result in ex.extract_many(batch, batch_size=16):
        if not result.ok:
            rows.append({"doc_id": result.id, "error": result.error})
            continue
        for event in result.events:
            rows.append({"doc_id": result.id, **event.to_dict()})
    return rows


def run(folder: Path, out: Path, workers: int = 2) -> list[Path]:
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    records = [
        {"id": p.stem, "text": p.read_text("utf-8"), "published": None}
        for p in sorted(folder.glob("*.txt"))
    ]
    out.mkdir(parents=True, exist_ok=True)
    # One thread per worker: torch already uses the cores inside each process.
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True) as cluster,
        Client(cluster) as client,
    ):
        bag = db.from_sequence(records, npartitions=max(1, min(len(records), workers * 2)))
        rows = bag.map_partitions(extract_partition)
        rows.map(json.dumps).to_textfiles(str(out / "events-*.jsonl"))
        stop_workers(cluster, client)
    return sorted(out.glob("events-*.jsonl"))


def stop_workers(cluster: Any, client: Any, timeout: float = 30.0) -> None:
    """Stop the workers while the scheduler still listens, then let the contexts close.

    Closing the scheduler with workers still attached races their last
    heartbeats, which then log a CommClosedError ("Stream is closed")
    traceback at exit; stopping them first leaves nothing to race.
    """
    cluster.scale(0)
    deadline = time.monotonic() + timeout
    while client.scheduler_info()["workers"] and time.monotonic() < deadline:
        time.sleep(0.1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", nargs="?", type=Path, default=HERE.parent / "tests" / "fixtures")
    ap.add_argument("--out", type=Path, default=Path("dask-events"))
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    require("dask", "dask", "distributed")  # before reading or starting anything
    files = run(args.folder, args.out, args.workers)
    n = sum(1 for f in files for _ in f.open())
    print(f"{n} event rows in {len(files)} files under {args.out}")


if __name__ == "__main__":
    main()
