"""Clean, parse and extract in worker processes; results come back in input order.

The parse is the cost (a hundred times the cleaning), and spaCy holds the GIL, so the only way
to use every core is processes. Each worker loads the model once (the pool's initializer);
chunks of raw articles go out and plain values come back: ``Extraction`` records (frozen
dataclasses of text, offsets and ids) and rejections as ``(source, reason)`` pairs, never spaCy
objects. At most ``window`` chunks are in flight, so memory stays flat however long the feed,
and results are yielded in input order so the one writer (``store.ingest.write``) stores
exactly what the single-process path stores.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from newsgraph import nlp
from newsgraph.errors import InputRejected
from newsgraph.model import Article, Extraction, RawArticle
from newsgraph.pipeline import BATCH_SIZE, extract_articles

# What crosses the process boundary: raw or cleaned articles or rejections going out, records or
# rejections coming back. InputRejected travels as a (source, reason) pair because an
# exception with two required arguments does not survive pickling.
Outgoing = RawArticle | Article | tuple[str, str]
Returned = Extraction | tuple[str, str]

_model: str | None = None  # the worker's model name, set by its initializer
ORPHAN_CHECK_SECONDS = 0.5


def default_workers() -> int:
    """All cores: the parse is CPU-bound, one process per core."""
    return os.cpu_count() or 1


def context() -> multiprocessing.context.BaseContext:
    """spawn: each worker is a fresh interpreter and a direct child of this process (so it
    can tell when this process is gone); never plain fork, which would copy a parent that may
    hold threads and open database connections. The start-up cost is the model load, which
    any method pays once per worker."""
    return multiprocessing.get_context("spawn")


def extract_parallel(
    raws: Iterable[RawArticle | Article | InputRejected], *, workers: int | None = None,
    model: str = nlp.DEFAULT_MODEL, batch_size: int = BATCH_SIZE, window: int | None = None,
) -> Iterator[Extraction | InputRejected]:
    """``pipeline.extract_articles`` on ``workers`` processes, in input order.

    Chunks of ``batch_size`` articles are parsed with ``nlp.pipe`` in a worker; at most
    ``window`` chunks (default two per worker) are queued or in flight. A feed of one chunk or
    less is extracted here: starting workers and loading the model in each would cost more.
    """
    workers = workers or default_workers()
    window = window or 2 * workers
    chunks = _chunks(raws, batch_size)
    head = list(islice(chunks, 2))
    if workers < 2 or len(head) < 2:
        flat = (item for chunk in head for item in chunk)
        yield from extract_articles(flat, model=model, batch_size=batch_size)
        return
    with ProcessPoolExecutor(workers, mp_context=context(), initializer=_start_worker,
                             initargs=(model, batch_size, os.getpid())) as pool:
        pending: deque[Future[list[Returned]]] = deque()
        try:
            for chunk in _chain(head, chunks):
                pending.append(pool.submit(_extract_chunk, [_outgoing(i) for i in chunk]))
                if len(pending) >= window:
                    yield from _incoming(pending.popleft().result())
            while pending:
                yield from _incoming(pending.popleft().result())
        finally:
            for future in pending:
                future.cancel()


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _chain(head: list[list], rest: Iterator[list]) -> Iterator[list]:
    yield from head
    yield from rest


def _outgoing(item: RawArticle | Article | InputRejected) -> Outgoing:
    return (item.source, item.reason) if isinstance(item, InputRejected) else item


def _incoming(results: list[Returned]) -> Iterator[Extraction | InputRejected]:
    for item in results:
        yield InputRejected(*item) if isinstance(item, tuple) else item


# --- in the worker --------------------------------------------------------------------------

_batch_size = BATCH_SIZE


def _start_worker(model: str, batch_size: int, parent: int) -> None:
    """Load the model once per worker. Ctrl-C is the parent's to handle: it stops the pool,
    and the batches already written are kept. A parent killed outright (kill -9) cannot stop
    the pool, so each worker watches for it and exits when it is gone."""
    global _model, _batch_size
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    nlp.load(model)
    _model, _batch_size = model, batch_size


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_SECONDS)
    os._exit(1)


def _extract_chunk(chunk: list[Outgoing]) -> list[Returned]:
    raws = (InputRejected(*item) if isinstance(item, tuple) else item for item in chunk)
    return [_outgoing(item) if isinstance(item, InputRejected) else item
            for item in extract_articles(raws, model=_model or nlp.DEFAULT_MODEL,
                                         batch_size=_batch_size)]
