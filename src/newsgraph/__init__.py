"""newsgraph: news articles to a source-linked knowledge base.

``newsgraph.extract(text, published=...)`` returns one article's record (DESIGN.md section 3).
"""

from __future__ import annotations

import logging
from typing import Any

from newsgraph.errors import InputRejected, ModelNotFound, NewsgraphError

__all__ = ["extract", "InputRejected", "ModelNotFound", "NewsgraphError"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def extract(text: str, **options: Any) -> dict[str, Any]:
    """One article's text → its record; options as ``newsgraph.pipeline.extract``."""
    # Imported here so that ``import newsgraph`` stays cheap (spaCy loads on first use).
    from newsgraph.pipeline import extract as _extract

    return _extract(text, **options)
