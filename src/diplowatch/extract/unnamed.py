"""Counterparts known only by a title the article never ties to a name are no actors.

The actor layer resolves "the German chancellor" to the office holder of the day (useful for
search and linking), but a contact event needs named actors (`../shared/gold/ANNOTATION.md`,
Actors): resolving a role from world knowledge is a guess the text does not make. A title the
same article ties to a name ("Merkel ... the chancellor") is that person; a person the article
names anywhere else is named. So after pairing, a report drops the actors that only such a
title names: a visit or an attendance keeps its named traveller, a contact that needs two
parties and is left with one is no report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from diplowatch.extract.reports import SOLO_MODES  # one named actor is a report of its own
from diplowatch.model import Mention, Report

ROLE_RULE = "role"  # extract/mentions.py: a title resolved through the knowledge base


def drop_unnamed_roles(reports: list[Report], mentions: Sequence[Mention]) -> list[Report]:
    """``reports`` without the actors only an untied title names (see module docstring)."""
    named = {m.actor_id for m in mentions if m.kind == "person" and m.rule != ROLE_RULE}
    unnamed = {(m.start, m.end) for m in mentions if m.rule == ROLE_RULE and m.actor_id not in named}
    if not unnamed:
        return reports
    kept = []
    for report in reports:
        actors = tuple(a for a in report.actors if (a.start, a.end) not in unnamed)
        if len(actors) == len(report.actors):
            kept.append(report)
        elif len(actors) > 1 or actors and report.mode in SOLO_MODES:
            kept.append(replace(report, actors=actors))
        elif actors and report.mode == "host":  # "the chancellor received X": X's visit
            kept.append(replace(report, actors=actors, mode="visit"))
    return kept
