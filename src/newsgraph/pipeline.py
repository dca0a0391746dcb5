"""Article → Extraction, one at a time or streamed in batches through ``nlp.pipe``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice

from spacy.tokens import Doc

from newsgraph import nlp
from newsgraph.clean import PARAGRAPH_BREAK, clean_document, clean_title
from newsgraph.errors import InputRejected
from newsgraph.extract import (
    extract_entities,
    extract_events,
    extract_quantities,
    extract_quotes,
    extract_stances,
    extract_times,
)
from newsgraph.extract.clauses import party_context
from newsgraph.extract.doc_cache import known_text, release
from newsgraph.language import english_share, is_english
from newsgraph.model import Article, Extraction, RawArticle, article_id

# Articles parsed per nlp.pipe batch: enough to amortise overhead, small enough for flat memory.
BATCH_SIZE = 32
# Batches parsed in one spaCy memory zone (see extract_articles).
ZONE_BATCHES = 8
NO_DATE_WARNING = "no publication date; relative dates stay unresolved"
# Longest clean text parsed, in characters: spaCy's own default limit, far above any article
# (the longest live blog in drafting was 40,000), and what the parser's memory stays flat at.
MAX_TEXT_CHARS = 1_000_000


def prepare(raw: RawArticle) -> Article:
    """Clean one raw article; raises InputRejected when nothing usable is left."""
    text = clean_document(raw.title, raw.body).text
    title = clean_title(raw.title) if raw.title else ""
    body = text[len(title) + len(PARAGRAPH_BREAK) :] if title else text
    if not body.strip():
        raise InputRejected(raw.source, "no article text after cleaning")
    if len(text) > MAX_TEXT_CHARS:
        raise InputRejected(
            raw.source, f"article text too long: {len(text):,} characters > {MAX_TEXT_CHARS:,}"
        )
    if not is_english(body):
        share = english_share(body)
        raise InputRejected(
            raw.source, f"not English text ({share:.0%} English function words)"
        )
    return Article(
        id=article_id(text),
        text=text,
        source=raw.source,
        title=title or None,
        url=raw.url,
        published=raw.published,
        outlet=raw.outlet,
    )


def headline_end(article: Article) -> int:
    return len(article.title) if article.title else 0


def extract_doc(article: Article, doc: Doc) -> Extraction:
    """Run every extractor over one annotated article."""
    warnings = () if article.published else (NO_DATE_WARNING,)
    known_text(doc, article.text)
    try:
        entities = extract_entities(doc, headline_end=headline_end(article))
        quotes = extract_quotes(doc, entities, headline_end=headline_end(article))
        times = extract_times(doc, published=article.published)
        parties = party_context(doc, entities)  # events and stances resolve parties alike
        return Extraction(
            article=article,
            entities=entities,
            quotes=quotes,
            quantities=extract_quantities(doc, entities, quotes),
            times=times,
            events=extract_events(doc, entities, times, published=article.published,
                                  headline_end=headline_end(article), ctx=parties),
            stances=extract_stances(doc, entities, quotes, ctx=parties),
            warnings=warnings,
        )
    finally:
        release(doc)  # the Doc is freed as soon as the caller lets it go


def extract_articles(
    raws: Iterable[RawArticle | Article | InputRejected], *, model: str = nlp.DEFAULT_MODEL,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Extraction | InputRejected]:
    """Stream extractions; a rejected input is passed through in its place, never dropped.

    An already cleaned ``Article`` (the store's skip check cleans to find the content hash)
    goes straight to the parser: cleaning costs about 8 % of an article's time, too much to
    pay twice."""
    language = nlp.load(model)

    def prepared() -> Iterator[tuple[str, Article | InputRejected]]:
        for raw in raws:
            if isinstance(raw, InputRejected):
                yield "", raw
                continue
            if isinstance(raw, Article):
                yield raw.text, raw
                continue
            try:
                article = prepare(raw)
            except InputRejected as exc:
                yield "", exc
                continue
            yield article.text, article

    # Rejections ride through nlp.pipe as empty texts so the output keeps input order. Each
    # group of batches is parsed in a memory zone: the strings its articles added to the
    # vocabulary (every new name, number and typo) are freed when the group is done, so a
    # long feed does not grow the model's memory.
    items = prepared()
    while group := list(islice(items, batch_size * ZONE_BATCHES)):
        with language.memory_zone():
            for doc, item in language.pipe(group, as_tuples=True, batch_size=batch_size):
                if isinstance(item, InputRejected):
                    yield item
                    continue
                try:
                    yield extract_doc(item, doc)
                except Exception as exc:  # one article's failure must not end the batch
                    yield InputRejected(item.source,
                                        f"extraction failed: {type(exc).__name__}: {exc}")


def extract(
    text: str, *, published: date | str | None = None, title: str | None = None,
    url: str | None = None, source: str = "<text>", model: str = nlp.DEFAULT_MODEL,
) -> dict:
    """The Python API: one article's text → its record (a dict per the JSON contract)."""
    if isinstance(published, str):
        published = date.fromisoformat(published)
    raw = RawArticle(source=source, body=text, title=title, url=url, published=published)
    article = prepare(raw)
    return extract_doc(article, nlp.load(model)(article.text)).to_dict()
