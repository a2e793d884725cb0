"""Dates: the resolver of time expressions, the anchoring of events to them, the time vocabulary.

``resolver`` turns a phrase and a publication date into a TIMEX3 value;
``anchoring`` chooses which time expression of a parsed sentence dates a
trigger; ``vocabulary`` holds the month, weekday and time words. This stage
reads parse views and writes :class:`~diplo_events.EventDate` values; it knows
nothing of actors or of the parser.
"""
