"""Throughput benchmark (not a test): naive loop vs batches vs processes, on one corpus.

    python benchmarks/bench.py [--ud-dir ../shared/data/ud-english-ewt] [--docs 200]

Prints tokens/s for a loop of ``extract_events``, ``extract_many`` (batch) and
``n_process=2``; the share of time spent outside the stanza pipeline; the peak
RSS of each mode; import time; the share of sentences skipped by the trigger
pre-filter; and a length-scaling table.  The corpus: the seed article plus the UD
English-EWT dev/test documents (rebuilt from their ``# text`` lines, with their
paragraphs), repeated up to ``--docs`` documents.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def ewt_documents(ud_dir: Path) -> list[str]:
    """The EWT dev/test documents, rebuilt with their paragraphs (``# newpar``)."""
    docs: list[list[list[str]]] = []
    for split in ("dev", "test"):
        for line in (ud_dir / f"en_ewt-ud-{split}.conllu").read_text("utf-8").splitlines():
            if line.startswith("# newdoc"):
                docs.append([[]])
            elif line.startswith("# newpar") and docs and docs[-1][-1]:
                docs[-1].append([])
            elif line.startswith("# text = ") and docs:
                docs[-1][-1].append(line[9:])
    return [
        "\n\n".join(" ".join(par) for par in d if par)
        for d in docs
        if sum(len(par) for par in d) >= 5
    ]


def corpus(ud_dir: Path, n: int, *, paragraphs: bool = True) -> list[str]:
    seed = (REPO / "tests" / "fixtures" / "seed_article.txt").read_text("utf-8")
    pool = [seed, *ewt_documents(ud_dir)]
    if not paragraphs:  # each document one paragraph, as earlier versions of this script
        pool = [" ".join(d.split("\n\n")) for d in pool]
    return [pool[i % len(pool)] for i in range(n)]


def import_time() -> float:
    code = "import time; t=time.perf_counter(); import diplo_events; print(time.perf_counter()-t)"
    # As installed: pip writes the bytecode cache, so the first run here
    # writes it (where the environment switched it off) and is not counted.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
            ).stdout
        )
        for _ in range(6)
    ]
    return min(runs[1:])


def reset_peak() -> None:
    """Start a new peak-RSS window (Linux: VmHWM is reset to the current RSS).

    Memory that earlier modes freed goes back to the system first (glibc's
    ``malloc_trim``), so that a mode's peak is its own, not the heap an
    earlier mode left behind.
    """
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def peak_mb() -> float:
    """Peak RSS since the last :func:`reset_peak` (the whole run where that is unsupported)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def count_tokens(ex, texts: list[str]) -> int:  # type: ignore[no-untyped-def]
    # whitespace tokens: the same yardstick for every mode
    return sum(len(t.split()) for t in texts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ud-dir", type=Path, default=REPO.parent / "shared/data/ud-english-ewt")
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=64)  # extract_many's default
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--skip-processes", action="store_true")
    ap.add_argument(
        "--repeat", type=int, default=5, help="rounds of the naive loop and the batch (best kept)"
    )
    ap.add_argument(
        "--no-paragraphs",
        action="store_true",
        help="join each document's paragraphs into one, as earlier runs of this script did",
    )
    args = ap.parse_args()

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"import diplo_events: {import_time() * 1000:.0f} ms (best of 5, bytecode cached)")

    import torch

    import diplo_events
    from diplo_events import Extractor

    texts = corpus(args.ud_dir, args.docs, paragraphs=not args.no_paragraphs)
    tokens = count_tokens(None, texts)
    print(
        f"corpus: {len(texts)} documents, {tokens} whitespace tokens, "
        f"{sum(t.count(chr(10) * 2) + 1 for t in texts)} paragraphs; torch threads "
        f"{torch.get_num_threads()}, device {args.device}"
    )

    t = time.perf_counter()
    ex = Extractor.load(device=args.device)
    print(f"model load: {time.perf_counter() - t:.2f} s")
    gpu = args.device != "cpu" and torch.cuda.is_available()
    if gpu:
        print(f"GPU: {torch.cuda.get_device_name(args.device)}, torch {torch.__version__}")
    # First uses load lazily (dateparser's language data, ~0.6 s): not
    # charged to whichever mode would run first.
    t = time.perf_counter()
    for text in texts[:10]:
        ex.extract(text)
    diplo_events.resolve_date("April 24, 2024", "2024-04-26")
    print(f"warm-up (10 documents and a calendar date): {time.perf_counter() - t:.2f} s")

    # Time inside the stanza pipeline, to get the share spent outside it, and
    # in the rules after the parse (triggers, arguments, actors, dates).
    inner = {"s": 0.0, "rules": 0.0}
    depth = {"s": 0, "rules": 0}
    # The tokenizer (paragraphs in groups of similar length), the lemmatizer
    # and the parser (the sentences that may hold a trigger) also run
    # outside the pipeline call; the parser's model is called on batches we
    # build (its trainer's predict), or through its processor as a fallback.
    selective = [
        (ex.pipeline.processors["tokenize"], "bulk_process"),
        (ex.pipeline.processors["lemma"], "process"),
        (ex.pipeline.processors["depparse"], "process"),
        (ex.pipeline.processors["depparse"].trainer, "predict"),
    ]

    def timed(process: Any, key: str = "s") -> Any:
        def run(self, *a, **k):  # type: ignore[no-untyped-def]
            depth[key] += 1
            t0 = time.perf_counter()
            try:
                return process(self, *a, **k)
            finally:
                depth[key] -= 1
                if not depth[key]:  # the outermost call only
                    inner[key] += time.perf_counter() - t0

        return run

    type(ex.pipeline).__call__ = timed(type(ex.pipeline).__call__)
    for processor, method in selective:
        setattr(type(processor), method, timed(getattr(type(processor), method)))
    Extractor.finish = timed(Extractor.finish, "rules")  # type: ignore[method-assign]
    diplo_events._api._default[:] = [ex]

    rows: list[tuple[str, float, int, float | None]] = []
    # The loop and the batch take turns, --repeat rounds: a shared machine's
    # speed drifts (+-20 % between runs here), so each keeps its best round
    # and the per-round ratios are printed too.
    dt_naive = dt_batch = float("inf")
    peak_naive = peak_batch = 0.0
    round_ratios = []
    for _ in range(args.repeat):
        reset_peak()
        t = time.perf_counter()
        n_naive = sum(len(diplo_events.extract_events(x)) for x in texts)
        dt_round = time.perf_counter() - t
        dt_naive, peak_naive = min(dt_naive, dt_round), max(peak_naive, peak_mb())

        inner.update(s=0.0, rules=0.0)
        ex.stats.update(sentences=0, parsed=0)
        reset_peak()
        t = time.perf_counter()
        batch_events = [r.events for r in ex.extract_many(texts, batch_size=args.batch_size)]
        dt = time.perf_counter() - t
        n_batch = sum(map(len, batch_events))
        peak_batch = max(peak_batch, peak_mb())
        round_ratios.append(dt_round / dt)
        if dt < dt_batch:
            dt_batch = dt
            outside = 1 - inner["s"] / dt
            rules_share = inner["rules"] / dt
        skipped = 1 - ex.stats["parsed"] / max(1, ex.stats["sentences"])
    rows.append(("naive loop of extract_events", tokens / dt_naive, n_naive, peak_naive))
    rows.append(
        (f"extract_many(batch_size={args.batch_size})", tokens / dt_batch, n_batch, peak_batch)
    )

    # For reference, after the default modes (whose peaks its heap would
    # raise): the same loop with every sentence lemmatized and parsed, as a
    # plain stanza-per-document tool would.
    ex.skip_untriggered = False
    reset_peak()
    t = time.perf_counter()
    n_plain = sum(len(diplo_events.extract_events(x)) for x in texts)
    dt_plain = time.perf_counter() - t
    ex.skip_untriggered = True
    plain = (
        "naive loop, every sentence parsed",
        tokens / dt_plain,
        n_plain,
        peak_mb(),
    )

    ex.skip_untriggered = False
    reset_peak()
    t = time.perf_counter()
    full_events = [r.events for r in ex.extract_many(texts, batch_size=args.batch_size)]
    dt_full = time.perf_counter() - t
    n_full = sum(map(len, full_events))
    # The pre-filter must change no result: compare the events themselves.
    differ = sum(a != b for a, b in zip(batch_events, full_events, strict=True))
    ex.skip_untriggered = True
    rows.append(("extract_many, every sentence parsed", tokens / dt_full, n_full, peak_mb()))

    startup = None
    if not args.skip_processes:
        # Workers load their own model first (a one-time cost, printed apart);
        # a longer stream, the corpus four times, shows the sustained rate.
        stream = texts * 4
        t = time.perf_counter()
        n_proc = 0
        for r in ex.extract_many(stream, batch_size=args.batch_size, n_process=2):
            if startup is None:
                startup = time.perf_counter() - t
                t_first, first_tokens = time.perf_counter(), count_tokens(ex, stream[: r.index + 1])
            n_proc += len(r.events)
        dt_proc = time.perf_counter() - t
        rows.append(("extract_many(n_process=2), 4x corpus", tokens * 4 / dt_proc, n_proc, None))
        sustained = (tokens * 4 - first_tokens) / (time.perf_counter() - t_first)
        rows.append(("  the same after the first result", sustained, n_proc, None))

    print(f"\n{'mode':<40} {'tokens/s':>10} {'events':>8} {'peak RSS':>9}")
    for name, tps, n, mb in [rows[0], plain, *rows[1:]]:
        mem = f"{mb:.0f} MB" if mb is not None else "workers"
        print(f"{name:<40} {tps:>10.0f} {n:>8} {mem:>9}")
    print(
        f"\nbatch speed-up over the naive loop: {rows[1][1] / rows[0][1]:.2f}x (best rounds; "
        f"round by round: {', '.join(f'{r:.2f}x' for r in round_ratios)})"
    )
    print(f"batch speed-up over the every-sentence loop: {rows[1][1] / plain[1]:.2f}x")
    if startup is not None:
        print(f"n_process=2: first result after {startup:.1f} s (workers load the model); "
              f"sustained speed-up over the naive loop: {rows[-1][1] / rows[0][1]:.2f}x")
    print(f"time outside the stanza pipeline (batch): {outside * 100:.1f} %")
    print(
        "of which the extraction after the parse (triggers, arguments, actors, dates): "
        f"{rules_share * 100:.1f} %"
    )
    print(f"sentences without a trigger, not dependency-parsed: {skipped * 100:.1f} %")
    print(
        "events with the pre-filter and with every sentence parsed: "
        + ("identical" if not differ else f"DIFFERENT in {differ} documents")
    )

    reset_peak()
    print("\nlength scaling (one document repeated):")
    base = " ".join(texts[1:6])
    print(f"{'length':>8} {'chars':>9} {'seconds':>8} {'s per 1x':>9}")
    first = None
    for k in (1, 4, 16):
        doc = "\n\n".join([base] * k)
        t = time.perf_counter()
        ex.extract(doc, published="2024-04-26")
        secs = time.perf_counter() - t
        first = first or secs
        print(f"{k:>7}x {len(doc):>9} {secs:>8.2f} {secs / k:>9.2f}")
    length_peak = peak_mb()
    print(f"peak RSS of the length runs: {length_peak:.0f} MB")
    # ru_maxrss follows the resets above on Linux: take the largest window.
    peak = max([length_peak, *(mb for *_, mb in [*rows, plain] if mb is not None)])
    print(f"peak RSS of the whole benchmark process: {peak:.0f} MB")
    if gpu:
        gpu_peak = torch.cuda.max_memory_allocated(args.device) / 2**20
        print(f"peak GPU memory allocated by torch (this process): {gpu_peak:.0f} MB")


if __name__ == "__main__":
    main()
