"""Peak memory and time on the worst input shapes (not a test).

Usage::

    python benchmarks/worst_shapes.py [--src DIR] [--limit-gib 3] [--shape NAME ...]

Runs each shape of ``tests/worst_shapes.py`` in a fresh process under an
address-space limit (``RLIMIT_AS``) and prints a Markdown table: events
found, peak resident memory of the process, time of the extraction (the
model loaded first), or how it failed.  ``--src DIR`` measures another
checkout's ``src`` (for before/after tables).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.worst_shapes import SHAPES  # noqa: E402


def measure(shape: str, limit_gib: float, src: Path | None) -> str:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    proc = subprocess.run(
        [sys.executable, "-m", "tests.worst_shapes", shape, "--limit-gib", str(limit_gib)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return f"| {shape} | failed: {last[:90]} | | |"
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    return (
        f"| {shape} | {r['events']} events, spans exact: {r['exact_spans']} | "
        f"{r['peak_rss_mb']:.0f} MB | {r['seconds']:.1f} s |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", type=Path, help="another checkout's src directory")
    ap.add_argument("--limit-gib", type=float, default=3.0)
    ap.add_argument("--shape", action="append", choices=sorted(SHAPES))
    args = ap.parse_args()
    print(f"address space limit {args.limit_gib} GiB; src {args.src or REPO / 'src'}")
    print("| shape | result | peak RSS | time |")
    print("|---|---|---|---|")
    for shape in args.shape or list(SHAPES):
        print(measure(shape, args.limit_gib, args.src), flush=True)


if __name__ == "__main__":
    main()
