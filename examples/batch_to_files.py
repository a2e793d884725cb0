"""A folder of .txt articles -> events as JSON Lines and CSV.

Run:  python examples/batch_to_files.py [FOLDER] [--jsonl OUT.jsonl] [--csv OUT.csv]

The model loads once (``Extractor.load()``) and extracts every file in turn;
each event keeps its file's name as ``doc_id``.  Files that are not UTF-8 are
reported and skipped.  The defaults read the repository's test fixtures.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from diplo_events import Event, Extractor, write_csv, write_jsonl

HERE = Path(__file__).resolve().parent
DEFAULT_FOLDER = HERE.parent / "tests" / "fixtures"


def extract_folder(extractor: Extractor, folder: Path,
                   published: str | None = None) -> Iterator[tuple[str, list[Event]]]:
    """``(file name, events)`` for every .txt file in ``folder``, in name order."""
    for path in sorted(folder.glob("*.txt")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            print(f"skipped {path}: not UTF-8 text", file=sys.stderr)
            continue
        events = extractor.extract(text, published)  # None: each article's dateline
        print(f"{path.name}: {len(events)} events", file=sys.stderr)
        yield path.name, events


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER,
                    help="folder of .txt articles (default: tests/fixtures)")
    ap.add_argument("--jsonl", type=Path, default=Path("events.jsonl"),
                    help="JSON Lines output, lossless (default: events.jsonl)")
    ap.add_argument("--csv", type=Path, default=Path("events.csv"),
                    help="flat CSV output (default: events.csv)")
    ap.add_argument("--published", help="publication date YYYY-MM-DD for every article "
                                        "(default: each article's dateline)")
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        ap.error(f"{args.folder} is not a folder")

    extractor = Extractor.load()
    results = list(extract_folder(extractor, args.folder, args.published))
    n = write_jsonl(results, args.jsonl)
    write_csv(results, args.csv)
    print(f"{n} events from {len(results)} files -> {args.jsonl}, {args.csv}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
