"""The rule engine: parse views in, events out.  Pure: no model, no stanza.

For each trigger the lexicon finds in a sentence, the engine reads its
arguments (agents, targets, topic) from the parse, resolves them to actors,
dates the event, and keeps it when the kind's constraints hold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .._actors.gazetteer import country_of, is_animate_head, place_country, role_sector
from .._actors.mentions import Mentions, actor_for, pair_actors, resolve_first_person
from .._dates.anchoring import (
    DEFINITE,
    date_event,
    date_from_discourse,
    in_reported_clause,
    lead_day,
    story_day,
    tense_of,
    told_by_headline,
)
from .._events import Actor, Event, EventKind, Place, Span
from .._tokens import Sentence, Word
from .arguments import (
    REFUSING_VERBS,
    THREAT_VERBS,
    agents_of,
    content_obligation,
    givers_of,
    is_announced,
    is_hypothetical,
    is_negated,
    is_passive,
    is_reciprocal,
    meets_no_one,
    participants_of,
    targets_of,
    topic_of,
)
from .lexicon import Lexicon
from .relevance import typed
from .triggers import Candidate, find_triggers

__all__ = ["events_from_sentences"]



def _location(
    sent: Sentence, cand: Candidate, text: str, targets: Sequence[Actor], dateline_city: str | None
) -> Place | None:
    if cand.entry.policy.place_targets and targets:
        t = targets[0]
        return Place(text=t.text, name=t.name, country=t.country or country_of(t.name), span=t.span)
    for src in (cand.word, cand.clause):
        for dep in sent.deps(src, "obl", "nmod"):
            if sent.case_of(dep) in ("in", "at") and dep.upos == "PROPN":
                name = text[dep.start : dep.end]
                for flat in sent.deps(dep, "flat", "compound"):
                    lo, hi = min(flat.start, dep.start), max(flat.end, dep.end)
                    name = text[lo:hi]
                ctry = country_of(name) or place_country(name)
                if ctry is not None:
                    span = Span(
                        dep.start, dep.start + len(name), text[dep.start : dep.start + len(name)]
                    )
                    return Place(text=span.text, name=name, country=ctry, span=span)
    if dateline_city:
        return Place(text=dateline_city, name=dateline_city, country=country_of(dateline_city))
    return None


def _unique(actors: list[Actor]) -> list[Actor]:
    """One actor per phrase: "Wang" and "Yi" both parsed as objects are one person."""
    seen: set[tuple[int, int, str]] = set()
    out = []
    for a in actors:
        key = (a.span.start, a.span.end, a.name)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _animate(word: Word) -> bool:
    if word.upos in ("PROPN", "PRON"):
        return word.lower not in ("it", "this", "that", "which", "what")
    return is_animate_head(word.lemma)


def events_from_sentences(
    sentences: Sequence[Sentence],
    text: str,
    published: dt.date | None,
    lexicon: Lexicon,
    *,
    dateline_city: str | None = None,
) -> list[Event]:
    """Events from parsed sentences.  Pure: no model, no stanza.

    :class:`~diplo_events.Extractor` feeds it the parser's views, and tests
    feed it CoNLL-U.
    """
    mentions = Mentions.collect(sentences, text, published)
    events: list[Event] = []
    # a trigger's own ``political`` policy, by its offset ("called off the strike")
    political: dict[int, str] = {}
    past: list[bool] = []  # per event: a past-tense verb trigger
    definite: list[bool] = []  # per event: "the meeting", a mention again
    headline: list[bool] = []  # per event: told by the text's headline
    for sent in sentences:
        sentence_span = Span(sent.start, sent.end, text[sent.start : sent.end])
        first = len(events)
        announcers: set[int] = set()  # words whose own event a threat replaces
        found = find_triggers(sent, lexicon)
        # "threatened to behead them": the deed is the threat's content, which
        # the threat's own event codes (CAMEO 13); it is no assault of its own
        threat_words = {c.word.index for c in found if c.word.lemma in THREAT_VERBS}
        # "accuses Russia of sending tanks", "suspected of plotting attacks": a
        # deed alleged is the accusation's content (CAMEO 11), not a fact
        accusing = {
            c.word.index for c in found if c.entry.kind in _GOVERNING
        } | {w.index for w in sent.words if w.lemma in _ALLEGING}
        # "lifted sanctions imposed on India", "freed a diplomat it arrested":
        # the deed undone, told in a relative clause on what is undone, is the
        # undoing's background, not news of its own
        undoing = {c.word.index for c in found if c.entry.kind is EventKind.CONCESSION}
        for cand in found:
            if cand.entry.policy.act == "deed" and (
                (cand.clause.deprel == "xcomp" and cand.clause.head in threat_words)
                or _alleged(sent, cand.clause, accusing)
                or _undone(sent, cand.clause, undoing)
            ):
                continue
            agent_words = agents_of(sent, cand) or [
                # "The Iraqi Islamic Party ... .  It is now threatening to pull out"
                w for w in sent.deps(cand.clause, "nsubj") if mentions.body_for(w)
            ]
            policy = cand.entry.policy
            if policy.symmetric:
                agent_words = participants_of(sent, agent_words)
            receivers = None
            if cand.entry.agent_preps:
                # "Ukraine received aid from Germany": the subject is the target
                agent_words, receivers = givers_of(sent, cand), agent_words
            if cand.entry.animate_agent and not any(
                _animate(w) or mentions.body_for(w) for w in agent_words
            ):
                continue  # "problems that threaten the improvement" is no threat
            kind = cand.entry.kind
            if policy.needs_agent and not agent_words and not (
                # "The journalist was arrested on Monday", "26 people were
                # killed": force is told by who suffered it, its doer left
                # out; the event stands with an unknown agent
                # -- said of the sentence's own news, not of a background
                # clause ("a lawyer who was jailed", "after they were captured")
                cand.entry.kind in _DOER_LEFT_OUT
                and cand.word.upos == "VERB"
                and is_passive(sent, cand.word)
                and _main_clause(sent, cand.word)
            ):
                continue
            target_words = (
                targets_of(sent, cand, agent_words) if receivers is None else receivers
            )
            if cand.entry.needs_target and not target_words:
                continue
            if not target_words and meets_no_one(sent, cand):
                continue
            agents = _unique(_actors(sent, agent_words, text, mentions))
            targets = tuple(
                t
                for t in _unique(_actors(sent, target_words, text, mentions))
                # "she said her wedding ...": no one is their own target
                if all(t.span != a.span and t.name != a.name for a in agents)
            )
            if policy.press_is_no_party and targets and all(map(_is_press, targets)):
                continue  # "spoke with reporters": a press encounter, not a meeting
            if policy.symmetric and len(agents) > 1:
                # "Xi and Blinken met": one meeting, the others are its targets
                targets = tuple(agents[1:]) + targets
                agents = agents[:1]
            elif policy.symmetric and not agents and len(targets) > 1:
                # "talks between Colombo and the Tigers": the first takes part as agent
                agents, targets = [targets[0]], targets[1:]
            trigger = cand.word
            topic_word = topic_of(sent, cand)
            topic = None
            if topic_word is not None and policy.topic:
                words = sent.subtree(topic_word, exclude=frozenset({"acl", "acl:relcl", "punct"}))
                topic = text[words[0].start : words[-1].end] if words else None
            base = dict(
                kind=kind,
                trigger=Span(trigger.start, trigger.end, text[trigger.start : trigger.end]),
                sentence=sentence_span,
                targets=targets,
                date=date_event(sent, trigger, cand.clause, text, published),
                negated=is_negated(sent, cand),
                hypothetical=is_hypothetical(sent, cand),
                location=_location(sent, cand, text, targets, dateline_city),
                topic=topic,
                cameo=cand.entry.cameo,
                plover=cand.entry.plover,
                explanation=f"{cand.how} -> {kind.value}",
            )
            demand = lexicon.obligation_cameo
            obliged = content_obligation(sent, cand) if policy.reports and demand else None
            if obliged is not None and demand is not None:
                # "said Moscow must return the aircraft": a demand on the content's subject
                base["cameo"] = demand
                base["plover"] = lexicon.plover_of(demand)
                base["explanation"] = (
                    f"{base['explanation']}, whose content '{obliged.text}' is an obligation: "
                    f"a demand (CAMEO {demand})"
                )
            announced = _announced(sent, cand, lexicon, base)
            if announced is not None:
                announcer, update, replaces = announced
                base.update(update)
                if replaces:
                    announcers.add(announcer.start)
            agent_list: list[Actor | None] = list(agents) if agents else [None]
            is_past = (
                trigger.upos == "VERB"
                and tense_of(sent, cand.clause) == "past"
                and not in_reported_clause(sent, cand.clause)
            )
            in_headline = told_by_headline(sent, trigger, text)
            is_definite = trigger.upos == "NOUN" and any(
                d.lower in DEFINITE for d in sent.deps(trigger, "det")
            )
            reciprocal = len(agents) > 1 and is_reciprocal(sent, cand)
            if cand.entry.political is not None:
                political[trigger.start] = cand.entry.political
            for agent in agent_list:
                if reciprocal:  # "accused each other": the other agents
                    others = tuple(a for a in agents if a is not agent)
                    base["targets"] = others + targets
                events.append(Event(agent=agent, **base))  # type: ignore[arg-type]
                past.append(is_past)
                definite.append(is_definite)
                headline.append(in_headline)
        if announcers:
            # "vowed to retaliate": the vow is the threat, not also a promise
            keep = [
                i
                for i in range(first, len(events))
                if not (
                    events[i].kind in _ANNOUNCING_KINDS and events[i].trigger.start in announcers
                )
            ]
            events[first:] = [events[i] for i in keep]
            past[first:] = [past[i] for i in keep]
            definite[first:] = [definite[i] for i in keep]
            headline[first:] = [headline[i] for i in keep]
    events = date_from_discourse(
        events,
        past,
        definite,
        headline,
        text,
        published,
        story_day(sentences, text, published),
        lead_day(sentences, text, published),
    )
    reporting = {kind for kind, info in lexicon.kinds.items() if info.reports}
    events = resolve_first_person(events, sentences, text, mentions, reporting)
    return typed(events, lexicon, published, political)


# Kinds whose content is a deed not done: alleged, or asked for ("urged
# Israel to withdraw": the request codes it, CAMEO 10).
_GOVERNING = frozenset({EventKind.ACCUSATION, EventKind.REQUEST})
# Words that make what they govern an allegation, beside the accusation triggers.
_ALLEGING = frozenset({"allege", "allegation", "suspect", "suspicion", "accusation"})
# How an alleged deed hangs on what alleges it (a relative clause tells a fact).
_CONTENT_RELS = frozenset({"advcl", "acl", "ccomp", "xcomp"})


def _alleged(sent: Sentence, clause: Word, accusing: set[int]) -> bool:
    """Whether ``clause`` is the content of an accusation or allegation: under
    it, or under its accused ("accuses Russia of sending")."""
    if clause.deprel not in _CONTENT_RELS:
        return False
    head = sent.head_of(clause)
    if head is None:
        return False
    if head.index in accusing:
        return True
    upper = sent.head_of(head) if head.rel in ("obj", "obl", "nsubj:pass") else None
    return upper is not None and upper.index in accusing


def _undone(sent: Sentence, clause: Word, undoing: set[int]) -> bool:
    """Whether ``clause`` is a relative clause on the thing a concession undoes."""
    if clause.deprel not in ("acl", "acl:relcl"):
        return False
    thing = sent.head_of(clause)
    return (
        thing is not None
        and thing.rel in ("obj", "obl", "nsubj:pass")
        and thing.head in undoing
    )


# Kinds whose passive deeds stand without a named doer.
_DOER_LEFT_OUT = frozenset({EventKind.COERCION, EventKind.ASSAULT})

def _main_clause(sent: Sentence, verb: Word) -> bool:
    """The root, or a verb coordinated with it."""
    if verb.deprel == "root":
        return True
    head = sent.head_of(verb)
    return verb.deprel == "conj" and head is not None and head.deprel == "root"


# Kinds whose event a threat replaces when they announce it: "vowed to
# retaliate" is one threat, not also a promise.
_ANNOUNCING_KINDS = frozenset({EventKind.PROMISE, EventKind.PROPOSAL})


def _announced(
    sent: Sentence, cand: Candidate, lexicon: Lexicon, base: dict[str, object]
) -> tuple[Word, dict[str, object], bool] | None:
    """A deed announced for the future or refused, coded as the codebook codes that.

    "will impose sanctions", "plans to impose restrictions" (threats, CAMEO
    13); "is willing to withdraw its troops", "will release the hostages"
    (intents, CAMEO 03); "will not lift the embargo", "refused to release"
    (refusals, CAMEO 12): ``Lexicon.announced`` maps the deed's code.  The
    event keeps its kind; the code and category change.  Returns the
    announcing word, the changes, and whether the announcing word's own event
    is replaced: a threat's (a vow to attack is no promise), not an intent's
    (a pledge to send aid is one) nor a refusal's (a refusal is one).
    """
    announcer = is_announced(sent, cand)
    if announcer is None:
        return None
    refused = announcer.lemma in REFUSING_VERBS or bool(base["negated"])
    if announcer.lemma in REFUSING_VERBS and base["negated"]:
        return None  # "did not refuse to meet"
    table = "refusals" if refused else "threats"
    code = lexicon.announced_code(table, cand.entry.cameo)
    if code is None and not refused:
        table, code = "intents", lexicon.announced_code("intents", cand.entry.cameo)
    if code is None:
        return None
    what = {"threats": "threat", "intents": "intent", "refusals": "refusal"}[table]
    return (
        announcer,
        {
            "cameo": code,
            "plover": lexicon.plover_of(code),
            "explanation": f"{cand.how} -> {cand.entry.kind.value}, announced by "
            f"'{announcer.text}': {what} (CAMEO {code})",
        },
        table == "threats",
    )


_PRESS = frozenset({"press", "media", "news media"})


def _is_press(actor: Actor) -> bool:
    """Reporters, journalists, the press: the media sector."""
    if actor.role is not None and role_sector(actor.role) == "MED":
        return True
    return actor.name.lower() in _PRESS


def _actors(sent: Sentence, words: Sequence[Word], text: str, mentions: Mentions) -> list[Actor]:
    """One actor per word, two for "the two sides"."""
    out: list[Actor] = []
    for w in words:
        out.extend(pair_actors(sent, w, text, mentions) or [actor_for(sent, w, text, mentions)])
    return out
