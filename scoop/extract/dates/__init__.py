"""Dates: every time expression in an article as a TIMEX3 row (CONTRACT.md `dates`).

- ``extractor``: ``tag_dates`` (text in, ``dates`` rows out) and the plug-in the pipeline runs;
- ``tagger``: the driver: runs the rules, keeps the longest matches, builds them in text order;
- ``rule_table``: every rule: its regex, builder, guard and trigger;
- ``patterns``: the regex fragments the rules are written in; ``time_words``: the word tables;
- ``guards``: tests a match must pass on the text around it;
- builders by family: ``build_calendar`` (dates written out, years, decades, holidays),
  ``build_relative`` (relative to the document date: last year, Friday, two years ago),
  ``build_periods`` (quarters, halves, seasons, fiscal periods, year-end),
  ``build_durations`` (durations and sets), ``build_clock`` (times of day),
  ``build_narrative`` (anchored on the story's own dates: that year, the next day);
- ``timex``: the ``Timex`` row a builder returns and the helpers builders share;
- ``prefix_mods``: words before an expression that set its mod (late 2031, nearly four years);
- ``reference_times``: the reference dates relative expressions resolve against, and calendar arithmetic;
- ``calendar_intervals``: TIMEX3 value (+ mod) -> calendar interval and granularity;
- ``trigger_scan``: where each rule's regex runs: windows around its trigger words (speed only).
"""
from scoop.extract.dates.date_extractor import DATES_SCHEMA, DatesExtractor, tag_dates

__all__ = ["DATES_SCHEMA", "DatesExtractor", "tag_dates"]
