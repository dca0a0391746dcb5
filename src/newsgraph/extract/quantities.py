"""Figures the text claims, normalised (issue 5: being written)."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import Entity, Quantity


def extract_quantities(doc: Doc, entities: tuple[Entity, ...]) -> tuple[Quantity, ...]:
    """Every figure that measures or counts something, with its unit, subject and source."""
    return ()
