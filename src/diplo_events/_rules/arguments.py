"""Arguments: agents, targets, topic, negation and modality of a trigger, from the parse."""

from __future__ import annotations

import itertools

from .._actors.gazetteer import animacy
from .._actors.mentions import (
    POSSESSIVE_MARKS,
    antecedent,
    coordinated_antecedent,
    is_actor_like,
    is_relative_pronoun,
    is_time_word,
    names_country,
)
from .._tokens import Sentence, Word
from .triggers import Candidate

__all__ = [
    "agents_of",
    "givers_of",
    "is_hypothetical",
    "is_negated",
    "is_reciprocal",
    "meets_no_one",
    "participants_of",
    "targets_of",
    "topic_of",
]

_NEGATORS = {"not", "n't", "never", "no"}
_MODALS = {"could", "would", "may", "might", "should", "can", "must"}
# Verbs whose complement is a deed not done.
_AVOIDING_VERBS = frozenset({"avoid", "refrain"})
# Nouns whose to-infinitive is intended or possible ("plans to visit").
_INTENT_NOUNS = frozenset(
    {
        "plan", "intention", "hope", "bid", "attempt", "effort", "offer", "proposal",
        "threat", "promise", "pledge", "call", "decision", "desire", "readiness",
        "willingness", "wish", "invitation", "request", "demand", "agreement", "refusal",
    }
)  # fmt: skip
# Adjectives whose complement is intended or possible ("ready to enter into
# an agreement", "willing to hold talks", "open to talks").
_INTENT_ADJECTIVES = frozenset(
    {
        "ready", "willing", "prepared", "eager", "keen", "determined", "open", "reluctant",
        "unwilling", "likely", "unlikely", "due", "poised",
    }
)  # fmt: skip
# Modifiers of a noun trigger that make it intended or possible, not real
# ("potential peace talks", "a planned meeting", "Syria's promised withdrawal").
_UNREAL_MODIFIERS = frozenset(
    {
        "potential", "possible", "planned", "proposed", "prospective", "intended",
        "mooted", "would-be", "expected", "promised", "envisaged", "hypothetical",
    }
)  # fmt: skip
# Verbs whose object is who is to do what their complement says ("warned
# NATO against sending troops", "urged Iran to stop"): it is the doer, and
# the deed is only asked for or warned against.
_OBJECT_CONTROL = frozenset(
    {
        "warn", "urge", "ask", "call", "persuade", "force", "order", "tell", "encourage",
        "invite", "press", "push", "pressure", "caution", "advise", "request", "implore",
    }
)  # fmt: skip
# Verbs whose complement is intended or possible, not (yet) real.
_INTENT_VERBS = {
    "aim",
    "plan",
    "intend",
    "want",
    "seek",
    "hope",
    "threaten",
    "try",
    "expect",
    "propose",
    "consider",
    "wish",
    "prepare",
    "mull",
    "weigh",
    "offer",
    "refuse",
    "decline",
    "fail",
    "vow",
    "pledge",
    "promise",
    "ask",
    "urge",
    "call",
    "agree",
    "decide",
    "schedule",
}
_CONTROL_RELS = ("xcomp", "advcl", "conj", "acl")
# Verbs whose clause reports a claim, not a deed ("denied supplying drones").
_DENIAL_VERBS = frozenset({"deny", "refute"})
# Words that count or pick out members of the group after "of" ("dozens of
# lawmakers", "a wide range of Iraqi political forces", "most of the members").
_QUANTIFIERS = frozenset(
    {
        "range", "number", "dozen", "score", "hundred", "thousand", "million", "majority",
        "minority", "handful", "host", "couple", "lot", "most", "many", "some", "several",
        "all", "both", "each", "few", "none", "half", "rest", "group", "series", "variety",
    }
)  # fmt: skip


def _with_conjuncts(sent: Sentence, word: Word) -> list[Word]:
    """``word`` and its coordinated nominals of the same kind ("Xi and Blinken")."""
    out = [word]
    conjuncts = list(sent.deps(word, "conj"))
    coordinated = any(sent.dep(c, "cc") is not None for c in conjuncts)
    head = sent.head_of(word)
    for c in conjuncts:
        if not coordinated and _verb_follows(sent, c):
            continue  # "visited a factory, state media reported": no list, a new clause
        if head is not None and min(word.index, c.index) < head.index < max(word.index, c.index):
            # "A court freed the pastor, a critic of Mugabe" parsed with the
            # critic a conjunct of the court: a coordination never spans its
            # own head word
            continue
        if c.upos == word.upos or (c.upos in ("PROPN", "PRON") and word.upos in ("PROPN", "PRON")):
            # "Egypt, Qatar and the US" parsed with the US on Qatar
            out.extend(_with_conjuncts(sent, c))
        elif (
            c.upos == "NOUN"
            and word.upos in ("PROPN", "PRON")
            and sent.dep(c, "cc") is not None  # without "and": an apposition
            and _named_nominal(sent, c)
        ):
            # "Putin and his Chinese counterpart Xi", "Israel and the UAE"
            # with "UAE" tagged a common noun
            out.append(c)
    return out


def _name_after_title(sent: Sentence, title: Word) -> Word | None:
    """ "Zelensky's chief of staff Andriy Yermak": the name the parser hung on "staff"."""
    if title.upos != "NOUN":
        return None
    for nmod in sent.deps(title, "nmod"):
        if nmod.index < title.index or sent.case_of(nmod) != "of":
            continue
        for name in sent.deps(nmod, "flat", "appos"):
            if name.upos == "PROPN" and name.index == nmod.index + 1:
                return name
    return None


def _verb_follows(sent: Sentence, word: Word) -> bool:
    """Whether a verb follows ``word`` right away, as a verb follows its subject."""
    following = word.index + 1
    return following < len(sent.words) and sent.words[following].upos == "VERB"


def _named_nominal(sent: Sentence, word: Word) -> bool:
    """A common noun that names an actor: with a name of its own, or a known entity."""
    if any(d.upos == "PROPN" for d in sent.deps(word, "appos", "flat")):
        return True
    return names_country(word)


def _subject(sent: Sentence, clause: Word, depth: int = 0) -> list[Word]:
    """The agent words of a verbal clause: subject, by-agent, controller."""
    if depth > 4:
        return []
    subjects = [d for d in sent.deps(clause) if d.deprel in ("nsubj", "nsubj:outer")]
    # Two subjects are a parse error ("X will travel ..., the State
    # Department said" with X on "said" too): the one nearest before the
    # verb, unless it is the other's apposition ("Mahmoud Zahar, Hamas's
    # leader declared": Zahar; "the former Iraqi leader Saddam Hussein":
    # the leader, whose phrase takes in the name).
    before = [d for d in subjects if d.index < clause.index]
    subj = next(iter(subjects), None)
    if len(subjects) > 1 and before:
        subj = before[-1]
        if len(before) > 1 and _apposed(sent, before[-2], subj):
            subj = before[-2]
    if subj is not None:
        if is_relative_pronoun(subj):
            coordinated = coordinated_antecedent(sent, subj)
            if coordinated is not None:
                return [coordinated]
            if clause.deprel in ("acl:relcl", "acl", "advcl:relcl"):
                head = sent.head_of(clause)
                return _with_conjuncts(sent, head) if head is not None else []
            ante = antecedent(sent, subj)
            return [ante] if ante is not None else []
        if is_time_word(subj):
            return []
        return _with_conjuncts(sent, _name_after_title(sent, subj) or subj)
    by_agent = sent.dep(clause, "obl:agent")
    if by_agent is not None:
        return _with_conjuncts(sent, by_agent)
    for by in sent.deps(clause, "obl"):
        if sent.case_of(by) == "by" and sent.dep(clause, "nsubj:pass", "aux:pass"):
            return _with_conjuncts(sent, by)
    passive_subject = sent.dep(clause, "nsubj:pass")
    if passive_subject is not None:
        # "Scholz ... warned against protectionism" labelled passive: a
        # finite past form with no passive auxiliary is active.
        return _with_conjuncts(sent, passive_subject) if _false_passive(sent, clause) else []
    # Controlled and coordinated clauses share the subject of their head
    # ("capped his visit by meeting with Xi", "warned China ... and promised").
    head = sent.head_of(clause)
    if head is not None and clause.deprel == "acl" and _adverbial_mark(sent, clause):
        # "capped his visit to Beijing by meeting with Xi" parsed with the
        # clause on "Beijing": "by", "after", "while" ... make it adverbial,
        # so its subject is the governing verb's, not the noun's.
        verb = sent.head_of(head)
        return _subject(sent, verb, depth + 1) if verb is not None else []
    if head is not None and clause.deprel == "xcomp" and not is_passive(sent, clause):
        # "Blinken is expected to meet Wang Yi", "Xi was invited to visit":
        # a passive governor's subject is the one who meets, visits (not in
        # "Xi is expected to be invited": nobody named invites).
        raised = sent.dep(head, "nsubj:pass")
        if raised is not None and not is_relative_pronoun(raised):
            return _with_conjuncts(sent, raised)
    if (
        head is not None
        and clause.deprel == "advcl"
        and head.lemma in ("quote", "cite")
        and any(m.lower == "as" for m in sent.deps(clause, "mark"))
    ):
        # "P Sithamparanathan was quoted as saying": the one quoted
        quoted = sent.dep(head, "nsubj:pass")
        if quoted is not None and not is_relative_pronoun(quoted):
            return _with_conjuncts(sent, _name_after_title(sent, quoted) or quoted)
    controller = _object_controller(sent, clause)
    if controller is not None:
        return _with_conjuncts(sent, controller)
    if head is not None and clause.deprel in _CONTROL_RELS and head.upos in ("VERB", "AUX"):
        return _subject(sent, head, depth + 1)
    if head is not None and clause.deprel == "xcomp" and head.upos == "ADJ":
        # "Iran is willing to hold talks": the adjective's subject
        return _subject(sent, head, depth + 1)
    if (
        head is not None
        and clause.deprel in ("acl", "acl:relcl")
        and head.upos in ("NOUN", "PROPN")
    ):
        # "a law that aims to ban": the relative clause's head noun; "The
        # IIP had been the main force urging ...": a predicate noun's subject
        if sent.dep(head, "cop") is not None:
            subject = sent.dep(head, "nsubj")
            if subject is not None and not is_relative_pronoun(subject):
                return _with_conjuncts(sent, subject)
        return [head]
    return []


# Subordinators that make a participle clause adverbial, whatever it hangs on.
_ADVERBIAL_MARKS = frozenset(
    {"by", "after", "before", "while", "when", "without", "upon", "since", "through", "despite"}
)


def _object_controller(sent: Sentence, clause: Word) -> Word | None:
    """The object of "warned NATO against sending", "urged Iran to stop": who is to do it."""
    head = sent.head_of(clause)
    if head is None or not _is_controlled_deed(sent, clause):
        return None
    obj = sent.dep(head, "obj", "iobj")
    return obj if obj is not None and is_actor_like(obj) else None


def _is_controlled_deed(sent: Sentence, clause: Word) -> bool:
    """A complement of an object-control verb: "urged Iran to stop", "warned
    NATO against sending" (not an adverbial "warned China, saying ...")."""
    head = sent.head_of(clause)
    if head is None or head.lemma not in _OBJECT_CONTROL:
        return False
    if clause.deprel == "xcomp":
        return True
    return clause.deprel == "advcl" and any(
        m.lower in ("against", "to", "from") for m in sent.deps(clause, "mark")
    )


def _apposed(sent: Sentence, first: Word, second: Word) -> bool:
    """Whether ``second``'s phrase follows ``first``'s at once or after a comma.

    ("the former Iraqi leader Saddam Hussein", "Zahar, Hamas's leader").
    """
    end = max((w.index for w in sent.subtree(first) if w.upos != "PUNCT"), default=first.index)
    start = min((w.index for w in sent.subtree(second) if w.upos != "PUNCT"), default=second.index)
    return end + 1 == start or (end + 2 == start and sent.words[end + 1].text == ",")


def _adverbial_mark(sent: Sentence, clause: Word) -> bool:
    return any(m.lower in _ADVERBIAL_MARKS for m in sent.deps(clause, "mark"))


def _noun_governor_agent(sent: Sentence, noun: Word) -> list[Word]:
    """Agent of a noun trigger with no possessor: the subject of the verb it hangs on."""
    cur = noun
    for _ in range(4):
        head = sent.head_of(cur)
        if head is None or cur.rel not in ("obl", "nmod", "obj", "iobj"):
            return []
        if head.upos in ("VERB", "AUX"):
            return _subject(sent, head)
        if head.upos == "ADJ" and sent.dep(head, "nsubj") is not None:
            return _subject(sent, head)  # "Russia was ready for talks"
        cur = head
    return []


def _possessive_compound(sent: Sentence, noun: Word) -> Word | None:
    """A name the parser hung on ``noun`` as a compound though it ends in "'s".

    "House Speaker Nancy Pelosi's visit" parsed with "Speaker" a compound of
    "visit" and the "'s" inside that phrase: the phrase is the possessor.
    """
    for child in sent.deps(noun, "compound"):
        if child.index > noun.index or child.upos not in ("PROPN", "NOUN"):
            continue
        phrase = sent.subtree(child)
        last = phrase[-1]
        if last.lower in POSSESSIVE_MARKS and last.deprel == "case":
            return child
    return None


def _tree_agents(sent: Sentence, cand: Candidate) -> list[Word]:
    trigger, clause = cand.word, cand.clause
    if clause.index != trigger.index or trigger.upos == "VERB":
        return _subject(sent, clause)
    poss = sent.dep(trigger, "nmod:poss") or _possessive_compound(sent, trigger)
    if poss is not None:
        return _with_conjuncts(sent, poss)
    for nmod in sent.deps(trigger, "nmod"):
        if sent.case_of(nmod) == "by":
            return _with_conjuncts(sent, nmod)
    # "a visit to Sri Lanka by Jan Petersen", the by-phrase hung on the place
    for nmod in sent.deps(trigger, "nmod"):
        for inner in sent.deps(nmod, "nmod"):
            if sent.case_of(inner) == "by" and is_actor_like(inner):
                return _with_conjuncts(sent, inner)
    governed = _noun_governor_agent(sent, trigger)
    if any(is_actor_like(w) for w in governed):
        return governed
    # "for the annual APEC leaders meeting": the people it is named after
    people = [
        c
        for c in sent.deps(trigger, "compound")
        if c.index < trigger.index and c.upos == "NOUN" and is_actor_like(c)
    ]
    return people[-1:] or governed


# Climbing for a subject stops at clauses that report or embed another event.
_CLIMB_STOP = {"ccomp", "parataxis", "csubj", "acl:relcl", "root", "list"}


def _ancestor_subject(sent: Sentence, word: Word) -> list[Word]:
    """The subject of the nearest governing verb: a fallback for imperfect parses."""
    cur = word
    for _ in range(6):
        if cur.deprel in _CLIMB_STOP:
            return []
        head = sent.head_of(cur)
        if head is None:
            return []
        if head.upos in ("VERB", "AUX"):
            found = [w for w in _subject(sent, head) if is_actor_like(w)]
            if found:
                return found
        cur = head
    return []


def _preceding_name(sent: Sentence, verb: Word) -> list[Word]:
    """A name or personal pronoun right before a verb ("... before Blinken arrived")."""
    i = verb.index - 1
    while i >= 0 and sent.words[i].upos in ("ADV", "AUX", "PART"):
        i -= 1
    if i >= 0:
        w = sent.words[i]
        if (w.upos == "PROPN" or (w.upos == "PRON" and not is_relative_pronoun(w))) and (
            is_actor_like(w)
        ):
            return [w]
    return []


# Documents that "say" or "accuse" on behalf of whoever issued them.
_DOCUMENTS = frozenset(
    {
        "statement", "letter", "report", "communique", "communiqué", "declaration",
        "literature", "release", "document", "memo", "message", "announcement",
        "article", "editorial", "column",
    }
)  # fmt: skip


def _issuer(sent: Sentence, document: Word) -> Word | None:
    """Who issued a document: "Edwards' campaign literature", "the letter, signed by
    Griffin", "a statement from the ministry", "an article in Time magazine", "the
    White House statement".
    """
    poss = sent.dep(document, "nmod:poss")
    if poss is not None and is_actor_like(poss):
        return poss
    for acl in sent.deps(document, "acl"):
        for by in sent.deps(acl, "obl:agent", "obl"):
            if sent.case_of(by) == "by" and is_actor_like(by):
                return by
    for nmod in sent.deps(document, "nmod"):
        # "a statement from the ministry", "an article in Time magazine"
        if sent.case_of(nmod) in ("from", "by", "in") and (
            is_actor_like(nmod) or nmod.upos == "NOUN"
        ):
            return nmod
    names = [c for c in sent.deps(document, "compound") if c.upos == "PROPN"]
    return names[-1] if names else None


def _inverted_speaker(sent: Sentence, verb: Word) -> list[Word]:
    """'"...," says a Pakistani official.': the speaker after a quote-final verb."""
    before = sent.words[verb.index - 1] if verb.index > 0 else None
    if before is None or before.upos != "PUNCT" or verb.lemma == "tell":
        return []  # "..., told journalists": whom he told, not who
    head: Word | None = None
    for w in sent.words[verb.index + 1 :]:
        if w.upos in ("DET", "ADJ", "NUM"):
            continue
        if w.upos in ("NOUN", "PROPN"):
            head = w
            continue
        break
    return [head] if head is not None and is_actor_like(head) else []


# Marks that close a quotation, as tokenizers write them.
_CLOSING_QUOTES = frozenset({'"', "\u201d", "''", "\u2019\u2019", "\u2019"})
# What a quotation ends with before its attribution: '"...," he said'.
_QUOTE_ENDS = frozenset({",", ".", "?", "!"})


def _speaker_after_quote(sent: Sentence, verb: Word) -> list[Word]:
    """'"...," Masoud Shojai, the fair's organizer, said.': the name after the quote.

    The parser tends to hang such a name on the quoted verb; the speaker is
    the first name (else noun) right after the quotation's end ('," '), in
    a verbless phrase up to the next comma: what follows that comma, up to
    the verb, is an apposition or an aside ("Erdogan, speaking after
    Friday prayers, told journalists").
    """
    closing = next(
        (
            w
            for w in reversed(sent.words[1 : verb.index])
            if w.text in _CLOSING_QUOTES and sent.words[w.index - 1].text in _QUOTE_ENDS
        ),
        None,
    )
    if closing is None:
        return []
    between = sent.words[closing.index + 1 : verb.index]
    phrase = list(itertools.takewhile(lambda w: w.text != ",", between))
    if not phrase or any(w.upos in ("VERB", "AUX") for w in phrase):
        return []
    for upos in ("PROPN", "NOUN"):
        found = next((w for w in phrase if w.upos == upos and is_actor_like(w)), None)
        if found is not None:
            return [found]
    return []


def _false_passive(sent: Sentence, verb: Word) -> bool:
    """A passive subject on a finite past verb (VBD) without a passive auxiliary.

    A participle (VBN) heading the sentence without any auxiliary is a past
    tense too: "Macron on Thursday called/VBN for ..." ("by" agents of
    headline passives are read before this).
    """
    finite_past = (
        verb.xpos == "VBD"
        or (verb.feat("VerbForm") == "Fin" and verb.feat("Tense") == "Past")
        or ((verb.xpos == "VBN" or verb.feat("VerbForm") == "Part") and verb.deprel == "root")
    )
    return (
        finite_past
        and sent.dep(verb, "nsubj:pass") is not None
        and sent.dep(verb, "aux:pass", "aux") is None
    )


def is_passive(sent: Sentence, verb: Word) -> bool:
    """"are said to", "can not be said": by the tree, or by "be" right before a participle."""
    if _false_passive(sent, verb):
        return False
    if sent.dep(verb, "aux:pass", "nsubj:pass") is not None:
        return True
    if verb.xpos != "VBN" and verb.feat("VerbForm") != "Part":
        return False
    i = verb.index - 1
    while i >= 0 and sent.words[i].upos in ("ADV", "PART"):
        i -= 1
    return i >= 0 and sent.words[i].upos == "AUX" and sent.words[i].lemma == "be"


def _adjectival_visiting(sent: Sentence, word: Word) -> Word | None:
    """ "met with visiting U.S. Secretary of State Antony Blinken": whom
    "visiting" describes (the visitor), where it is an adjective before a
    name -- parsed as one, or as a clause with the name its object.
    """
    if word.lower != "visiting" or word.index + 1 >= len(sent.words):
        return None
    nxt = sent.words[word.index + 1]
    before = sent.words[word.index - 1] if word.index else None
    if nxt.upos != "PROPN" or before is None or before.lower not in _BEFORE_ADJECTIVE:
        return None
    if word.rel == "amod":
        return sent.head_of(word)
    return sent.dep(word, "obj") or nxt


# What comes before an adjectival "visiting": "with visiting ...", "the visiting ...".
_BEFORE_ADJECTIVE = frozenset({"with", "the", "a", "an", "his", "her", "their", "its", "to"})


def _of_whom(sent: Sentence, word: Word) -> Word:
    """The group a quantity is of: "dozens of lawmakers" -> "lawmakers"."""
    if word.lemma in _QUANTIFIERS or word.lower in _QUANTIFIERS:
        for nmod in sent.deps(word, "nmod"):
            if sent.case_of(nmod) == "of" and not is_relative_pronoun(nmod):
                return nmod
    return word


def _people_by_their_doing(word: Word) -> bool:
    """A plural agent noun the gazetteer does not know: "hackers", "musicians",
    "investigators", "activists" -- people named for what they do.

    Only as the subject of a trigger, and only in the plural, where a
    "-ers"/"-ors"/"-ists"/"-ians" noun is nearly always people; a noun the
    gazetteer knows as inanimate stays one.
    """
    lower = word.lower
    return (
        word.upos == "NOUN"
        and lower.endswith(_AGENT_PLURALS)
        and len(lower) > 6
        and animacy(word.lemma) is None
    )


_AGENT_PLURALS = ("ers", "ors", "ists", "ians")


def agents_of(sent: Sentence, cand: Candidate) -> list[Word]:
    """The agent words: from the tree, else from the governing clause or the surface.

    A passive verb without a by-agent has none: the subject of a clause above
    it ("the same can not be said of Jihad") is not who said it.
    """
    visitor = _adjectival_visiting(sent, cand.word)
    if visitor is not None:
        return [visitor]
    tree = _tree_agents(sent, cand)
    tree = [
        (_issuer(sent, w) or w) if w.upos == "NOUN" and w.lemma in _DOCUMENTS else w
        for w in (_of_whom(sent, w) for w in tree)
    ]
    policy = cand.entry.policy
    found = [
        w for w in tree
        if is_actor_like(w)
        or (policy.instrument_agents and w.lemma in policy.instruments)
        or _people_by_their_doing(w)
    ]
    if found or (cand.word.upos == "VERB" and is_passive(sent, cand.word)):
        return found
    if any(w.lower == "it" for w in tree):
        found = _reporting_it(sent, cand.clause)
    if cand.word.upos == "VERB" and not found:
        found = (
            _preceding_name(sent, cand.word)
            or _inverted_speaker(sent, cand.word)
            or _speaker_after_quote(sent, cand.word)
        )
    return found or _ancestor_subject(sent, cand.clause)


# Verbs whose subject says what the clause under them reports.
_SAYING = frozenset({
    "say", "announce", "tell", "claim", "confirm", "report", "state", "add", "admit",
    "acknowledge", "insist", "declare",
})  # fmt: skip


def _reporting_it(sent: Sentence, clause: Word) -> list[Word]:
    """ "NASA is looking to private companies ..., it announced": the "it" of a
    reporting clause set into another is that clause's subject.  And "the
    army said it had launched airstrikes": the "it" of what a body says is
    the body that says it."""
    head = sent.head_of(clause)
    if head is None:
        return []
    if clause.deprel == "parataxis":
        return [w for w in _subject(sent, head) if is_actor_like(w) and w.upos != "PRON"]
    if clause.deprel == "ccomp" and head.lemma in _SAYING:
        return [
            w for w in _subject(sent, head)
            if is_actor_like(w) and w.upos != "PRON" and w.feat("Number") != "Plur"
        ]
    return []


def targets_of(sent: Sentence, cand: Candidate, agents: list[Word]) -> list[Word]:
    trigger, clause, entry = cand.word, cand.clause, cand.entry
    found: list[Word] = []
    agent_ids = {a.index for a in agents}
    sources = [clause] if clause.index == trigger.index else [clause, trigger]
    # A transfer to a recipient ("aid to Ukraine", "returned the artifacts to
    # Peru"): the recipient may hang on what is given.
    giving = entry.policy.gives or (entry.needs_object and entry.needs_target)
    answering = entry.policy.responds
    for src in sources:
        for dep in sent.deps(src):
            if dep.index == trigger.index or dep.index in agent_ids:
                continue
            if is_time_word(dep):
                # "met Xi Friday", "will meet Xi next month": the name hung on
                # the time word as its preposition or number
                found.extend(
                    name
                    for name in sent.deps(dep, "case", "nummod")
                    if name.upos == "PROPN" and name.index < dep.index and is_actor_like(name)
                )
                continue
            case = sent.case_of(dep)
            # "send troops to Ukraine", "recalled its ambassador from Iran",
            # "severed ties with Iran": the object the trigger needs is what
            # is sent or cut; the party follows a target preposition
            given = (
                (giving or bool(entry.targets))
                and dep.rel == "obj"
                and dep.lemma in entry.objects
            )
            if not given and (
                (dep.rel in ("obj", "iobj") and case is None)
                or (
                    dep.rel in ("obl", "nmod", "acl", "advcl", "obj")
                    and case is not None
                    and case in entry.targets
                )
                or (dep.deprel == "nsubj:pass" and src.upos == "VERB")
            ):
                found.extend(_with_conjuncts(sent, dep))
            if (
                answering
                and dep.rel == "obj"
                and case is None
                and not is_actor_like(dep)
            ):
                # "rejected the Hamas proposal", "accepted Egypt's plan",
                # "condemned Israel's strike", "denied a request of the
                # Commission": the author of what is answered
                for owner in sent.deps(dep, "compound", "nmod:poss", "nmod"):
                    if owner.upos == "PROPN" and (
                        owner.deprel != "nmod" or sent.case_of(owner) == "of"
                    ):
                        found.extend(_with_conjuncts(sent, owner))
                # "rejected the draft resolution proposed by the Security Council"
                for acl in sent.deps(dep, "acl"):
                    found.extend(
                        by
                        for by in sent.deps(acl, "obl:agent", "obl")
                        if sent.case_of(by) == "by" and is_actor_like(by)
                    )
            if (giving and dep.rel in ("obj", "obl") and not is_actor_like(dep)) or given:
                # "pledged $500 million in aid to Ukraine", "promised tanks to
                # Kyiv": the recipient hangs on what is given, not on the verb.
                found.extend(_recipient_in(sent, dep, entry.targets))

    if not found and entry.objects and trigger.upos == "NOUN":
        # "a suspension of aid to Pakistan": the party hangs on the noun's object
        for held in sent.deps(trigger, "nmod"):
            if sent.case_of(held) == "of" and held.lemma in entry.objects:
                found.extend(_recipient_in(sent, held, entry.targets))
    if not found and entry.policy.content_subject_targets and trigger.upos == "VERB":
        # "demanded that Israel leave the land": the one asked to act
        for content in sent.deps(trigger, "ccomp"):
            if sent.dep(content, "mark") is not None:
                found.extend(w for w in sent.deps(content, "nsubj") if is_actor_like(w))
    if not found and entry.policy.deed_targets and trigger.upos == "VERB":
        for deed in sent.deps(trigger, "xcomp"):
            for dep in sent.deps(deed, "obj"):
                found.extend(_with_conjuncts(sent, dep))
    # "Taiwan, which the United States is arming": the relative pronoun stands
    # for the noun the clause modifies.
    head = sent.head_of(clause)
    relcl_head = head if clause.deprel in ("acl:relcl", "acl") else None
    found = [
        (coordinated_antecedent(sent, w) or relcl_head or antecedent(sent, w) or w)
        if is_relative_pronoun(w)
        else w
        for w in found
    ]
    # "met the visiting Olaf Scholz" parsed with "visiting" as the object
    found = [_adjectival_visiting(sent, w) or _of_whom(sent, w) for w in found]
    # A visit's destination is a target even when not actor-like ("visit Beijing").
    keep_places = entry.policy.place_targets
    found = [w for w in found if (keep_places and not is_time_word(w)) or is_actor_like(w)]
    if not found and entry.targets:
        found = _following_name(sent, trigger, entry.targets)
    return found


def _recipient_in(sent: Sentence, given: Word, preps: frozenset[str]) -> list[Word]:
    """The recipient inside what is given: the first target preposition's noun
    down its chain of nominal modifiers.

    "returned a sculpture of the head of Emperor Marcus Aurelius to Ambassador
    Kherbi": the parser hangs a late "to" phrase on the nearest noun, not on
    the verb.  The chain stays inside the noun phrase (``nmod`` only, never a
    clause), so a "to" of a relative clause or of another event is not read,
    and the nearest level that has one wins.
    """
    layer = [given]
    for _ in range(_RECIPIENT_DEPTH):
        nxt: list[Word] = []
        found: list[Word] = []
        for noun in layer:
            for inner in sent.deps(noun, "nmod", "conj"):
                if inner.rel == "nmod" and sent.case_of(inner) in preps:
                    found.extend(_with_conjuncts(sent, inner))
                else:  # "equipment and medicines to the ministry": the last conjunct's
                    nxt.append(inner)
        if found:
            return found
        layer = nxt
    return []


# How deep in the given thing's modifiers a recipient is looked for ("a
# portrait of a girl by an artist to its owner": three nouns down).
_RECIPIENT_DEPTH = 4


def meets_no_one(sent: Sentence, cand: Candidate) -> bool:
    """A meeting verb whose object is no party (read where no target was found):
    "met the deadline", "were still meeting pockets of resistance", "meets
    with the approval of the IAEA", "volunteered to host some of its content"."""
    verb, entry = cand.word, cand.entry
    if entry.lemma not in entry.policy.party_object_verbs and not (
        entry.policy.party_objects and not (entry.objects or entry.obl)
    ):
        return False
    met = [
        dep
        for dep in sent.deps(verb)
        if not is_time_word(dep)
        and (
            (dep.rel == "obj" and sent.case_of(dep) is None)
            or (dep.rel == "obl" and sent.case_of(dep) in entry.targets)
        )
    ]
    return bool(met) and not any(
        is_actor_like(_of_whom(sent, w)) or names_country(w) or is_relative_pronoun(w)
        for w in met
    )


def participants_of(sent: Sentence, words: list[Word]) -> list[Word]:
    """ "The foreign ministers of India and China held talks": the parties
    whose people meet, when one head names people of two or more."""
    if len(words) != 1 or words[0].upos != "NOUN":
        return words
    for nmod in sent.deps(words[0], "nmod"):
        if sent.case_of(nmod) == "of":
            parties = [w for w in _with_conjuncts(sent, nmod) if is_actor_like(w)]
            if len(parties) > 1:
                return parties
    return words


def givers_of(sent: Sentence, cand: Candidate) -> list[Word]:
    """Who gives what the subject receives: "received aid from Germany".

    The object of one of the entry's ``agent_preps``, on the verb or on
    what is received ("$2 billion in aid from Germany").
    """
    preps = cand.entry.agent_preps
    found: list[Word] = []
    for src in dict.fromkeys((cand.clause, cand.word)):  # in order, once each
        for dep in sent.deps(src):
            if dep.rel in ("obl", "nmod") and sent.case_of(dep) in preps:
                found.extend(_with_conjuncts(sent, dep))
            elif dep.rel in ("obj", "obl"):
                for inner in sent.deps(dep, "nmod"):
                    if sent.case_of(inner) in preps:
                        found.extend(_with_conjuncts(sent, inner))
    return [w for w in found if is_actor_like(w)]


def _following_name(sent: Sentence, trigger: Word, preps: frozenset[str]) -> list[Word]:
    """ "met earlier Friday with Wang Yi": a target preposition right after the
    trigger and the name after it, read off the surface when the parse
    attached them elsewhere."""
    i = trigger.index + 1
    words = sent.words
    while (
        i < len(words)
        and (words[i].upos in ("ADV", "ADJ", "NUM") or is_time_word(words[i]))
        and i - trigger.index <= 4
    ):
        i += 1
    if i + 1 < len(words) and words[i].lower in preps:
        j = i + 1
        while j < len(words) and (
            words[j].upos in ("DET", "ADJ") or _adjectival_visiting(sent, words[j]) is not None
        ):
            j += 1
        if j < len(words) and words[j].upos == "PROPN":
            return [words[j]]
    return []


def topic_of(sent: Sentence, cand: Candidate) -> Word | None:
    """The object an event is about when it is no actor ("signed ... a bipartisan bill")."""
    clause = cand.clause if cand.clause.upos == "VERB" else cand.word
    for dep in sent.deps(clause, "obj", "nsubj:pass"):
        if dep.index != cand.word.index and not is_actor_like(dep):
            return dep
    return None


# Auxiliaries of a deed announced for the future ("will impose", "said they
# would boycott"); "could", "may", "should" speculate or oblige and announce nothing.
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "would", "wo"})
# Verbs whose to-infinitive is a deed their subject announces ("plans to impose",
# "is preparing to launch", "vowed to retaliate").
# Verbs whose to-infinitive is a deed refused ("refused to release", "declined
# to resign", "failed to reach agreement").
REFUSING_VERBS = frozenset({"refuse", "decline", "fail"})
_ANNOUNCING_VERBS = (
    frozenset(
        {"plan", "intend", "prepare", "vow", "pledge", "promise", "decide", "go", "offer", "agree"}
    )
    | REFUSING_VERBS
)
# Verbs whose complement deed is their own event's content, already a threat.
THREAT_VERBS = frozenset({"threaten", "warn"})
# "is ready to", "is prepared to impose martial law"
_ANNOUNCING_ADJECTIVES = frozenset({"ready", "prepared", "determined", "willing"})


def is_announced(sent: Sentence, cand: Candidate) -> Word | None:
    """The word that announces the trigger's deed for the future, or None.

    "will impose sanctions", "said they would boycott", "plans to impose
    restrictions", "is prepared to impose martial law", "will withdraw its
    force unless ...": the auxiliary, or the announcing verb or adjective.  A
    condition alone announces nothing ("if someone committed a crime,
    prosecute the person" is no threat).  A deed under "threaten" or "warn" is
    not announced here: the threat is that verb's own event.
    """
    clause = cand.clause
    head = sent.head_of(clause)
    if head is not None and head.lemma in THREAT_VERBS:
        return None
    auxes = list(sent.deps(clause, "aux"))
    for aux in auxes:
        if (
            aux.lower in _FUTURE_AUX
            and aux.upos == "AUX"
            # "would have blocked" is what did not happen
            and not any(a.lemma == "have" and a.index > aux.index for a in auxes)
        ):
            return aux
    if head is None or clause.deprel != "xcomp":
        return None
    if head.upos == "VERB" and head.lemma in _ANNOUNCING_VERBS:
        if head.lemma == "go" and not any(a.lemma == "be" for a in sent.deps(head, "aux")):
            return None  # "went to attack" is done, "is going to attack" announced
        return head
    if head.upos == "ADJ" and head.lemma in _ANNOUNCING_ADJECTIVES:
        return head
    return None


# Auxiliaries of what someone must do ("Moscow must return the aircraft").
_OBLIGATION_AUX = frozenset({"must", "should"})


def content_obligation(sent: Sentence, cand: Candidate) -> Word | None:
    """The clause a statement reports as an obligation, or None.

    "said Moscow must return the aircraft", "said a reform was needed",
    "says intervention must be avoided": the complement's verb with "must" or
    "should", or "need" (a verb or "is needed").
    """
    for content in sent.deps(cand.clause, "ccomp", "parataxis"):
        if any(a.lower in _OBLIGATION_AUX for a in sent.deps(content, "aux")):
            return content
        if content.lemma == "need" and (
            sent.dep(content, "xcomp") is not None or is_passive(sent, content)
        ):
            return content
    return None


def is_negated(sent: Sentence, cand: Candidate) -> bool:
    for w in {cand.word.index: cand.word, cand.clause.index: cand.clause}.values():
        for dep in sent.deps(w, "advmod", "det", "aux"):
            if dep.lower in _NEGATORS:
                return True
    # "the US has avoided criticising Musharraf", "refrained from criticizing":
    # the deed was not done
    head = sent.head_of(cand.clause)
    return (
        head is not None
        and head.lemma in _AVOIDING_VERBS
        and cand.clause.deprel in ("xcomp", "advcl")
    )


def is_hypothetical(sent: Sentence, cand: Candidate) -> bool:
    """Modal, conditional or merely intended events ("a law that aims to ban TikTok")."""
    if cand.word.upos == "NOUN" and any(
        m.lower in _UNREAL_MODIFIERS for m in sent.deps(cand.word, "amod")
    ):
        return True
    cur: Word | None = cand.clause
    for _ in range(6):
        if cur is None:
            return False
        for aux in sent.deps(cur, "aux"):
            # not "Theresa May met", the name hung on the verb as an auxiliary
            if (aux.lower in _MODALS or aux.lemma in _MODALS) and aux.upos == "AUX":
                return True
        for mark in sent.deps(cur, "mark"):
            if mark.lower in ("if", "unless", "whether"):
                return True
        # "will impose sanctions if the elections are rigged": a condition on
        # a deed.  Not on words: "warned that if ..." is what was said, and
        # the parser often hangs the said condition on the speech verb.
        if cur is cand.clause and cand.entry.policy.act != "speech":
            for cond in sent.deps(cur, "advcl"):
                if any(m.lower in ("if", "unless") for m in sent.deps(cond, "mark")):
                    return True
        head = sent.head_of(cur)
        if head is None:
            return False
        if cur.deprel == "xcomp" and head.lemma in _INTENT_VERBS:
            return True
        if _is_controlled_deed(sent, cur) and sent.dep(head, "obj", "iobj") is not None:
            return True  # "urged Iran to stop", "warned NATO against sending"
        if head.upos == "ADJ" and head.lemma in _INTENT_ADJECTIVES and cur.rel in ("xcomp", "obl"):
            return True
        # "had no plans to meet", "an invitation to visit": intended by a noun
        if (
            cur.deprel == "acl"
            and head.upos == "NOUN"
            and head.lemma in _INTENT_NOUNS
            and any(m.lower == "to" for m in sent.deps(cur, "mark"))
        ):
            return True
        # "Iran denied supplying drones", "denied that it had supplied ...":
        # the text reports a claim, not the deed.
        if cur.rel in ("xcomp", "ccomp") and head.lemma in _DENIAL_VERBS:
            return True
        if cur.rel not in ("xcomp", "conj", "advcl", "ccomp"):
            return False
        if cur.rel == "conj" and _is_gerund(cur) and not _is_gerund(head):
            # "should not be disrupted, also stressing that ...": a modal
            # cannot govern an -ing form; the participle is the writer's.
            return False
        cur = head
    return False


def _is_gerund(word: Word) -> bool:
    return word.xpos == "VBG" or word.feat("VerbForm") == "Ger"


def is_reciprocal(sent: Sentence, cand: Candidate) -> bool:
    """ "India and Pakistan accused each other": the agents are each other's targets."""
    for dep in sent.deps(cand.clause):
        if dep.lemma in ("other", "another") and any(
            d.lower in ("each", "one") for d in sent.deps(dep)
        ):
            return True
        if dep.lower in ("one", "each") and any(
            d.lemma in ("other", "another") for d in sent.deps(dep)
        ):
            return True
    return False
