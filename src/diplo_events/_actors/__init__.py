"""Actors: who takes part in an event.

``gazetteer`` holds the names people count (countries, capitals, bodies,
organizations, roles, places) as data validated at load; ``mentions`` finds
the names of a document and resolves what a word of a parse stands for
(a name, a title, "he", "the two sides") to an :class:`~diplo_events.Actor`;
``types`` says what kind of participant an actor is (a state, a government,
an official, ... or none of the political ones).
"""
