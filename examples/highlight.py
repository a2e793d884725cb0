"""An article as an HTML page with its events highlighted, like displaCy.

Run:  python examples/highlight.py [ARTICLE.txt] [--published DATE] [--out highlight.html]

Triggers, agents, targets, places and time expressions are colored <mark>
spans over the text as written (the events' offsets point into it); hover a
trigger for its event.  Triggers of negated or hypothetical events are
outlined with dashes.  Mentions of one real-world event (an incident, see
``diplo_events.incidents_of``) carry the same number, "#3", on their tag and
in the table.  Everything from the text is HTML-escaped.
"""

from __future__ import annotations

import argparse
import html
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from diplo_events import Actor, Event, Extractor, incidents_of

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent / "tests" / "fixtures" / "seed_article.txt"

# label -> (legend text, background color); earlier labels win where spans overlap.
LABELS: dict[str, tuple[str, str]] = {
    "trigger": ("event trigger", "#ffd166"),
    "time": ("time expression", "#a0e7e5"),
    "agent": ("agent", "#b4f8c8"),
    "target": ("target", "#fbe7c6"),
    "place": ("place", "#d7c4f2"),
}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    label: str
    title: str
    tentative: bool = False  # negated or hypothetical
    incident: int | None = None  # the incident's number, for triggers


def describe(e: Event) -> str:
    """One line about an event, for a trigger's tooltip."""
    agent = e.agent.name if e.agent else "?"
    targets = ", ".join(t.name for t in e.targets) or "-"
    when = f"{e.date.timex} ({e.date.basis.value})" if e.date else "undated"
    flags = "".join([" [negated]" if e.negated else "",
                     " [hypothetical]" if e.hypothetical else ""])
    return (f"{e.kind.value}: {agent} -> {targets}, {when}; CAMEO {e.cameo or '-'}, "
            f"PLOVER {e.plover or '-'}{flags}\n{e.explanation}").rstrip()


def incident_numbers(events: Sequence[Event]) -> dict[int, tuple[int, int]]:
    """Trigger offset -> (incident number from 1, mentions in that incident)."""
    numbers: dict[int, tuple[int, int]] = {}
    for n, inc in enumerate(incidents_of(events), start=1):
        for e in inc.mentions:
            numbers.setdefault(e.trigger.start, (n, len(inc.mentions)))
    return numbers


def marks_of(events: Sequence[Event]) -> list[Mark]:
    """Every span worth highlighting, without duplicates."""
    marks: dict[tuple[int, int, str], Mark] = {}
    numbers = incident_numbers(events)

    def add(mark: Mark) -> None:
        key = (mark.start, mark.end, mark.label)
        if mark.end > mark.start and key not in marks:
            marks[key] = mark

    for e in events:
        tentative = e.negated or e.hypothetical
        n, size = numbers.get(e.trigger.start, (0, 0))
        told = f"\nincident #{n}: told {size} times in the text" if size > 1 else ""
        add(Mark(e.trigger.start, e.trigger.end, "trigger", describe(e) + told, tentative,
                 incident=n or None))
        if e.date is not None and e.date.span is not None:
            add(Mark(e.date.span.start, e.date.span.end, "time",
                     f"{e.date.timex} ({e.date.precision.value}, {e.date.basis.value})"))
        if e.agent is not None:
            add(Mark(e.agent.span.start, e.agent.span.end, "agent", _actor_title(e.agent)))
        for t in e.targets:
            add(Mark(t.span.start, t.span.end, "target", _actor_title(t)))
        if e.location is not None and e.location.span is not None:
            add(Mark(e.location.span.start, e.location.span.end, "place",
                     f"{e.location.name} ({e.location.country or '?'})"))
    return list(marks.values())


def _actor_title(actor: Actor) -> str:
    details = list(dict.fromkeys(d for d in (actor.role, actor.country, actor.code) if d))
    return f"{actor.name} ({', '.join(details)})" if details else actor.name


def without_overlaps(marks: Sequence[Mark]) -> list[Mark]:
    """Marks that do not overlap, in text order; labels earlier in LABELS win."""
    order = list(LABELS)
    kept: list[Mark] = []
    for m in sorted(marks, key=lambda m: (order.index(m.label), m.start, -(m.end - m.start))):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def render(text: str, events: Sequence[Event], title: str) -> str:
    """The whole HTML page."""
    out: list[str] = []
    pos = 0
    for m in without_overlaps(marks_of(events)):
        out.append(html.escape(text[pos:m.start]))
        cls = f"m {m.label}" + (" tentative" if m.tentative else "")
        tag = m.label + (f" #{m.incident}" if m.incident else "")
        out.append(
            f'<mark class="{cls}" title="{html.escape(m.title, quote=True)}">'
            f"{html.escape(text[m.start:m.end])}"
            f'<span class="tag">{html.escape(tag)}</span></mark>'
        )
        pos = m.end
    out.append(html.escape(text[pos:]))
    legend = "".join(
        f'<mark class="m {label}">{html.escape(name)}</mark> '
        for label, (name, _) in LABELS.items()
    )
    colors = "\n".join(f"mark.{label} {{ background: {color}; }}"
                       for label, (_, color) in LABELS.items())
    numbers = incident_numbers(events)
    rows = "".join(
        f"<tr><td>#{numbers.get(e.trigger.start, (0, 0))[0]}</td>"
        f"<td>{html.escape(e.kind.value)}</td><td>{html.escape(e.trigger.text)}</td>"
        f"<td>{html.escape(e.agent.name if e.agent else '')}</td>"
        f"<td>{html.escape('; '.join(t.name for t in e.targets))}</td>"
        f"<td>{html.escape(e.date.timex if e.date else '')}</td>"
        f"<td>{'negated ' if e.negated else ''}{'hypothetical' if e.hypothetical else ''}</td></tr>"
        for e in events
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
        padding: 0 1rem; color: #222; }}
.text {{ white-space: pre-wrap; line-height: 2.4; font-size: 1.05rem; }}
mark.m {{ padding: 0.15em 0.35em; border-radius: 0.3em; }}
mark.m .tag {{ font-size: 0.6em; font-weight: bold; text-transform: uppercase;
               margin-left: 0.4em; opacity: 0.6; vertical-align: middle; }}
.legend mark.m {{ margin-right: 0.4em; }}
mark.tentative {{ outline: 2px dashed #d62828; }}
{colors}
table {{ border-collapse: collapse; margin-top: 2rem; font-size: 0.9rem; }}
td, th {{ border-bottom: 1px solid #ddd; padding: 0.3em 0.8em; text-align: left; }}
</style>
</head>
<body>
<h1>{html.escape(title)}</h1>
<p class="legend">{legend}<mark class="m trigger tentative">negated or hypothetical</mark></p>
<div class="text">{"".join(out)}</div>
<table>
<tr><th>incident</th><th>kind</th><th>trigger</th><th>agent</th><th>targets</th><th>date</th><th></th></tr>
{rows}
</table>
</body>
</html>
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("article", nargs="?", type=Path, default=DEFAULT,
                    help="a UTF-8 text file (default: the seed article)")
    ap.add_argument("--published", help="publication date YYYY-MM-DD (default: the dateline)")
    ap.add_argument("--out", type=Path, default=Path("highlight.html"),
                    help="the HTML file to write (default: highlight.html)")
    args = ap.parse_args(argv)

    text = args.article.read_text(encoding="utf-8")
    events = Extractor.load().extract(text, args.published)
    args.out.write_text(render(text, events, f"Events in {args.article.name}"), encoding="utf-8")
    print(f"{len(events)} events highlighted -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
