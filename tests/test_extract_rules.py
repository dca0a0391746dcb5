"""The registry of switchable event and stance rules (extract/rules.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.errors import UnknownRule
from newsgraph.extract import rules

SOURCES = Path(rules.__file__).parent


def _asked() -> set[str]:
    """Every rule name the extractors (and the pipeline's entity fixer) ask ``on`` about."""
    paths = [*SOURCES.glob("*.py"), SOURCES.parent / "entity_rules.py"]
    return {name for path in paths
            for name in re.findall(r'\bon\("([A-Z_]+)"\)', path.read_text())}


def test_every_rule_asked_for_is_registered_and_every_registered_rule_is_asked_for():
    assert _asked() == set(rules.RULES)


def test_rules_are_on_unless_switched_off_and_come_back_after():
    assert rules.on("HARD_LINE")
    with rules.switched_off(["HARD_LINE", "NEUTRAL"]):
        assert not rules.on("HARD_LINE") and not rules.on("NEUTRAL")
        assert rules.on("BUT_WANTS")
    assert rules.on("HARD_LINE") and rules.on("NEUTRAL")


def test_a_failure_inside_still_switches_the_rules_back_on():
    with pytest.raises(RuntimeError), rules.switched_off(["HARD_LINE"]):
        raise RuntimeError("boom")
    assert rules.on("HARD_LINE")


def test_an_unknown_rule_is_refused_by_name():
    with pytest.raises(UnknownRule, match="NO_SUCH_RULE"), rules.switched_off(["NO_SUCH_RULE"]):
        pass


@pytest.mark.model
def test_a_rule_switched_off_no_longer_acts():
    """The switch reaches the extractor: without HARD_LINE the position is not read."""
    from newsgraph.pipeline import extract

    text = "Velmark's interior minister has taken a hard line on migration since March."
    assert [s["polarity"] for s in extract(text)["stances"]] == ["oppose"]
    with rules.switched_off(["HARD_LINE"]):
        assert extract(text)["stances"] == []
