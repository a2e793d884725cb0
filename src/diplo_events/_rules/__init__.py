"""Rules: triggers, their arguments and the engine that turns a parse into events.

``lexicon`` holds the event kinds and trigger words as data validated at
load; ``triggers`` finds the words of a sentence that start an event (and
the pre-filter the parser backend asks before parsing); ``arguments``
reads agents, targets, topic, negation and modality from the parse;
``engine`` assembles the events; ``relevance`` types their actors and says
why an event has no political side. Nothing here imports the parser: the rules
read parse views only, so they are tested on CoNLL-U.
"""
