"""newsgraph: news articles to a source-linked knowledge base.

``newsgraph.extract(text, published=...)`` returns one article's record (DESIGN.md section 3);
``newsgraph.KnowledgeBase(url)`` ingests articles into a store and reads them back.
"""

from __future__ import annotations

import logging
from typing import Any

# The extractors live in the subpackage newsgraph.extract; importing it here, before the
# function of the same name is defined, keeps ``newsgraph.extract`` the function for good
# (a later ``import newsgraph.extract.quotes`` does not rebind the package attribute).
import newsgraph.extract as _extractors  # noqa: F401
from newsgraph.errors import InputRejected, ModelNotFound, NewsgraphError

__all__ = ["extract", "KnowledgeBase", "InputRejected", "ModelNotFound", "NewsgraphError"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def extract(text: str, **options: Any) -> dict[str, Any]:
    """One article's text → its record; options as ``newsgraph.pipeline.extract``."""
    from newsgraph.pipeline import extract as _extract

    return _extract(text, **options)


def __getattr__(name: str) -> Any:
    """``newsgraph.KnowledgeBase`` imported on first use: SQLAlchemy stays out of ``extract``."""
    if name == "KnowledgeBase":
        from newsgraph.kb import KnowledgeBase

        return KnowledgeBase
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
