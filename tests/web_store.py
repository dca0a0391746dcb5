"""A small store for the web tests: four inputs written for them (our own words).

Two outlets report the same meeting (one event, two sources, two outlets); one article's text
holds a script tag, which every page must show as text; one input is empty and is rejected.
"""

from __future__ import annotations

from pathlib import Path

ARTICLES = {
    "gazette-valdora.txt": """Varga and Brandt meet in Valdora
By Mira Olsen | Harbour Gazette
Published 7 April 2026

Kestonia's Foreign Minister Ilse Varga met Torvald Brandt in Valdora on Monday. "We agreed to \
keep the ferry line open," Varga said after the meeting. The port will need 1,200 tonnes of new \
steel, according to the harbour authority.
""",
    "wire-valdora.txt": """Ferry talks in Valdora
By Jon Arvik | Coastal Wire
Published 7 April 2026

Foreign Minister Ilse Varga met Torvald Brandt in Valdora on Monday to discuss the ferry line. \
Brandt said the line "will not close while I am premier". Some 3,000 islanders use the ferry \
each week.
""",
    "notes-markup.txt": """A strange comment
By Lea Fenn | Island Notes
Published 8 April 2026

A reader of this blog, Tomas Greer, pasted <script>alert(1)</script> into the comment box on \
Tuesday. "It was only a test," Greer said. Torvald Brandt opposes any new tax on ferry tickets.
""",
    "empty.txt": "",
}
SCRIPT = "<script>alert(1)</script>"


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build_store(url: str, folder: Path) -> str:
    """Ingest the articles into the store at ``url`` (3 stored, 1 rejected); returns ``url``."""
    from newsgraph.kb import KnowledgeBase

    with KnowledgeBase(url) as kb:
        counts = kb.ingest(write_articles(folder))
    assert (counts.stored, counts.rejected) == (3, 1), counts
    return url


def client_for(app):
    """FastAPI's TestClient, without Starlette's notice about httpx's successor."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # StarletteDeprecationWarning: "use httpx2"
        from fastapi.testclient import TestClient
    return TestClient(app)
