"""Worker processes (newsgraph.parallel): the same records as one process, in input order,
with plain values across the boundary and a bounded number of chunks in flight."""

from __future__ import annotations

import pickle
from datetime import date
from itertools import count, islice

import pytest

from newsgraph import parallel
from newsgraph.errors import InputRejected
from newsgraph.model import RawArticle
from newsgraph.parallel import default_workers, extract_parallel
from newsgraph.pipeline import extract_articles

BODY = (
    "Nordland's Foreign Minister Elena Marsh will meet her Estmark counterpart in Oslo on "
    "Thursday, the ministry said. Marsh told reporters that the talks would be difficult but "
    "that both governments wanted a deal before the {n} spring floods."
)


def raws(n: int) -> list[RawArticle | InputRejected]:
    """n items: articles, a rejection from the reader and one from cleaning, mixed in."""
    items: list[RawArticle | InputRejected] = []
    for i in range(n):
        if i == 3:
            items.append(InputRejected("reader.txt", "empty file"))
        elif i == 7:
            items.append(RawArticle(source="furniture.txt", body="Advertisement"))
        else:
            items.append(RawArticle(source=f"a{i}.txt", body=BODY.format(n=i + 2),
                                    published=date(2026, 3, 11)))
    return items


def plain(item) -> object:
    if isinstance(item, InputRejected):
        return ("rejected", item.source, item.reason)
    return item.to_dict(), item.warnings


def test_default_is_every_core():
    import os

    assert default_workers() == (os.cpu_count() or 1)


def test_rejections_cross_the_boundary_as_plain_pairs():
    rejected = InputRejected("x.txt", "empty file")
    wire = pickle.loads(pickle.dumps(parallel._outgoing(rejected)))
    assert wire == ("x.txt", "empty file")
    [back] = parallel._incoming([wire])
    assert isinstance(back, InputRejected) and (back.source, back.reason) == ("x.txt",
                                                                              "empty file")


def test_chunks_keep_order_and_size():
    assert list(parallel._chunks(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(parallel._chunks([], 3)) == []


@pytest.mark.model
def test_workers_give_what_one_process_gives_in_input_order(nlp):
    items = raws(12)
    alone = [plain(i) for i in extract_articles(items, batch_size=2)]
    together = [plain(i) for i in extract_parallel(items, workers=2, batch_size=2)]
    assert together == alone
    assert together[3] == ("rejected", "reader.txt", "empty file")
    assert together[7][0] == "rejected" and "no article text" in together[7][2]


@pytest.mark.model
def test_a_feed_of_one_chunk_stays_in_this_process(nlp, monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for one chunk")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    out = list(extract_parallel(raws(3), workers=2, batch_size=8))
    assert [plain(i) for i in out] == [plain(i) for i in extract_articles(raws(3))]


@pytest.mark.model
def test_an_endless_feed_is_read_only_a_window_ahead():
    consumed = count()

    def endless():
        for i in count():
            next(consumed)
            yield RawArticle(source=f"feed:{i}", body=BODY.format(n=i + 2))

    stream = extract_parallel(endless(), workers=2, batch_size=2, window=3)
    first = list(islice(stream, 5))
    stream.close()  # stops the pool; nothing left running
    assert [r.article.source for r in first] == [f"feed:{i}" for i in range(5)]
    # 5 results need 3 chunks back; at most `window` chunks in flight plus the one being
    # handed out: the feed is read a bounded distance ahead, never to its end
    read = next(consumed)
    assert read <= (3 + 3) * 2, read
