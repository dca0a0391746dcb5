"""``ingest --ray`` (newsgraph.ray_ingest): a local 2-CPU Ray stores exactly what the
single-process path stores, and the shards are loaded back in input order."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsgraph.errors import InputRejected, RayIngestError
from newsgraph.model import Article, RawArticle
from newsgraph.store.check import problems, snapshot
from newsgraph.store.ingest import JsonRecord
from tests.conftest import EXAMPLES

ray = pytest.importorskip("ray")

from newsgraph import ray_ingest  # noqa: E402  (after the skip: it needs pyarrow only)


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             logging_level="WARNING")
    yield
    ray.shutdown()


def corpus(folder: Path) -> Path:
    """12 of the team's articles and one empty file (a rejection)."""
    folder.mkdir()
    for source in sorted((EXAMPLES / "articles").iterdir())[:12]:
        shutil.copy(source, folder / source.name)
    (folder / "zz_empty.txt").write_text("")
    return folder


@pytest.mark.model
def test_ray_stores_exactly_what_one_process_stores(local_ray, tmp_path):
    from newsgraph.kb import KnowledgeBase

    inputs = corpus(tmp_path / "in")
    stores = []
    for name, options in (("alone", {"workers": 1}),
                          ("ray", {"ray": "auto", "workers": 2, "ray_scratch": tmp_path})):
        with KnowledgeBase(f"sqlite:///{tmp_path / name}.db") as kb:
            counts = kb.ingest(str(inputs), batch_size=2, **options)
            assert (counts.stored, counts.rejected) == (12, 1), name
            assert problems(kb.engine) == []
            stores.append(snapshot(kb.engine))
            if name == "ray":  # again: everything is already stored, nothing goes to Ray
                again = kb.ingest(str(inputs), batch_size=2, **options)
                assert (again.stored, again.skipped, again.rejected) == (0, 12, 1)
    alone, on_ray = stores
    assert len(alone["articles"]) == 12 and alone["actors"]
    assert on_ray == alone
    assert not list(tmp_path.glob("newsgraph-ray-*"))  # the scratch shards are removed


def test_spool_numbers_rows_in_input_order():
    cleaned = Article(id="h1", text="Talks\n\nThe talks went on.", source="d", title="Talks",
                      published=date(2026, 3, 11), outlet="Wire")
    items = [RawArticle(source="a", body="x"), InputRejected("b", "empty file"),
             RawArticle(source="c", body="y"), cleaned]
    tables = list(ray_ingest.spool(items, rows_per_shard=2))
    assert [t.num_rows for t in tables] == [2, 2]
    rows = [row for t in tables for row in t.to_pylist()]
    assert [r["seq"] for r in rows] == [0, 1, 2, 3]
    assert rows[1]["reason"] == "empty file"
    assert isinstance(ray_ingest._raw_item(rows[1]), InputRejected)
    assert ray_ingest._raw_item(rows[2]) == items[2]
    assert ray_ingest._raw_item(rows[3]) == cleaned  # cleaned once, not again on the actor


def shard(folder: Path, name: str, seqs: list[int]) -> None:
    rows = [{"seq": s, "record": None, "source": f"s{s}", "reason": "r", "warnings": []}
            for s in seqs]
    pq.write_table(pa.Table.from_pylist(rows, schema=ray_ingest.RECORD_SCHEMA), folder / name)


def test_load_reads_shards_as_they_land_and_refuses_a_row_out_of_order(tmp_path):
    shard(tmp_path, "b.parquet", [0, 1])  # the order they land in, not their names, counts
    shard(tmp_path, "a.parquet", [2, 3])
    landed = [tmp_path / "b.parquet", tmp_path / "a.parquet"]
    assert [i.source for i in ray_ingest.load(landed)] == ["s0", "s1", "s2", "s3"]
    shard(tmp_path, "c.parquet", [5, 4])
    loaded = ray_ingest.load([*landed, tmp_path / "c.parquet"])
    assert [next(loaded).source for _ in range(5)] == ["s0", "s1", "s2", "s3", "s5"]
    with pytest.raises(RayIngestError, match="input 4 after input 5"):
        next(loaded)


def test_records_come_back_as_json_for_the_writer():
    record = {"article": {"id": "abc", "source": "x.txt"}}
    row = {"seq": 0, "record": '{"article": {"id": "abc", "source": "x.txt"}}',
           "source": "x.txt", "reason": None, "warnings": ["no date"]}
    item = ray_ingest._item(row)
    assert item == JsonRecord(record, warnings=("no date",))
    assert (item.article_id, item.source, item.to_dict()) == ("abc", "x.txt", record)
