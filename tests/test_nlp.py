"""The one place the pipeline is built."""

from __future__ import annotations

import pytest

from newsgraph import nlp
from newsgraph.errors import ModelNotFound


@pytest.mark.model
def test_default_model_has_the_project_component_after_ner():
    language = nlp.load()
    names = language.pipe_names
    assert names.index(nlp.ENTITY_FIXES) == names.index("ner") + 1
    assert nlp.load() is language  # loaded once, then cached


def test_unknown_model_is_a_named_error():
    with pytest.raises(ModelNotFound, match="not installed"):
        nlp.load("no_such_pipeline_xyz")


def test_a_sentence_never_runs_across_a_blank_line(nlp):
    doc = nlp("Ministers met in Oslo on Monday and talked for hours\n\nMaria Lopes, the mayor, "
              "disagreed with them")
    starts = [s.start_char for s in doc.sents]
    assert doc.text.index("Maria") in starts
