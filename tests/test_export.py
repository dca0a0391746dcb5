"""Export (export.py): JSON Lines, Parquet read back by pyarrow, GraphML read back by networkx.

The store holds hand-built records (tests/test_store_resolution.py's story: one meeting
reported by two outlets, planned then held, and a later meeting) written through the real
writer and resolved; each test runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsgraph.errors import InputRejected
from newsgraph.export import PARQUET_TABLES, export, graph
from newsgraph.model import Quote, Span
from newsgraph.store import resolution, views
from newsgraph.store.db import open_store
from newsgraph.store.ingest import write
from tests.test_store_resolution import report, story


@pytest.fixture
def engine(db_url):
    engine = open_store(db_url)
    url = "https://harbour.example/karsk"
    old = report(outlet="Bay Courier", published=date(2026, 3, 9), url=url)
    write(engine, [old, *story(), InputRejected("broken.html", "empty file")])
    write(engine, [report(outlet="Bay Courier", published=date(2026, 3, 9), url=url,
                          extra="Corrected.")])
    resolution.rebuild(engine)
    yield engine
    engine.dispose()


def test_jsonl_holds_every_version_then_actors_events_and_rejects(engine, tmp_path):
    out = tmp_path / "kb.jsonl"
    done = export(engine, "jsonl", out)
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert done.counts == {"articles": 5, "actors": 4, "events": 2, "rejects": 1}
    assert [line["kind"] for line in lines] == (
        ["article"] * 5 + ["actor"] * 4 + ["event"] * 2 + ["reject"])
    harbour = [a for a in lines if a["kind"] == "article" and a["lineage"].startswith("https")]
    assert [(a["version"], a["current"]) for a in harbour] == [(1, False), (2, True)]
    assert harbour[1]["supersedes"] == harbour[0]["id"]
    assert harbour[1]["record"]["article"]["text"].endswith("Corrected.")
    morozov = next(a for a in lines if a["kind"] == "actor" and "Morozov" in a["name"])
    assert {f["form"] for f in morozov["forms"]} == {"Andriy Morozov", "Andrei Morozov",
                                                     "Morozov"}
    assert len(morozov["members"]) == 4  # one per current article
    meeting = next(e for e in lines if e["kind"] == "event")
    assert meeting == {"kind": "event", **views.list_events(engine)[0].to_dict()}
    assert sorted(s["status"] for s in meeting["sources"]) == ["occurred", "planned", "planned"]
    assert lines[-1]["source"] == "broken.html" and lines[-1]["reason"] == "empty file"


def test_parquet_tables_open_with_pyarrow_typed_and_complete(engine, tmp_path):
    done = export(engine, "parquet", tmp_path / "pq")
    assert {p.name for p in done.paths} == {f"{name}.parquet" for name in PARQUET_TABLES}
    tables = {p.stem: pq.read_table(p) for p in done.paths}
    assert tables["articles"].num_rows == 5 and "record" not in tables["articles"].column_names
    assert tables["articles"].schema.field("published").type == pa.date32()
    assert tables["articles"].schema.field("ingested_at").type == pa.timestamp("us", tz="UTC")
    events = tables["events"].to_pylist()
    assert [e["date_from"] for e in sorted(events, key=lambda e: e["date_from"])] == [
        "2026-03-12", "2026-04-20"]
    sources = tables["event_sources"].to_pylist()
    assert len(sources) == 4 and {s["status"] for s in sources} == {"planned", "occurred"}
    assert tables["event_sources"].schema.field("trigger_start").type == pa.int64()
    entity = tables["entities"].to_pylist()[0]
    assert isinstance(json.loads(entity["mentions"]), list)  # JSON columns as JSON text
    assert tables["rejects"].num_rows == 1
    # A table with no rows still has its schema (nothing in this store has quantities).
    assert tables["quantities"].num_rows == 0
    assert tables["quantities"].schema.field("value").type == pa.float64()
    dataset = pq.ParquetDataset(tmp_path / "pq" / "actors.parquet").read()
    assert set(dataset.column("type").to_pylist()) == {"PERSON", "GPE"}


def test_graphml_reads_back_with_the_meeting_and_stance_edges(engine, tmp_path):
    out = tmp_path / "kb.graphml"
    done = export(engine, "graphml", out)
    g = nx.read_graphml(out, force_multigraph=True)
    names = {n: d["name"] for n, d in g.nodes(data=True)}
    oston = next(n for n, name in names.items() if name == "Mirela Oston")
    morozov = next(n for n, name in names.items() if name == "Andriy Morozov")
    assert g.nodes[oston]["type"] == "PERSON" and g.nodes[oston]["kind"] == "actor"
    [meeting] = [d for a, b, d in g.edges(data=True) if d["kind"] == "meeting"]
    assert {a for a, b, d in g.edges(data=True) if d["kind"] == "meeting"} | {
        b for a, b, d in g.edges(data=True) if d["kind"] == "meeting"} == {oston, morozov}
    assert meeting["weight"] == 4 and meeting["meetings"] == 2  # 3 + 1 sources, two days
    assert meeting["dates"] == "2026-03-12;2026-04-20"
    [stance] = [(a, b, d) for a, b, d in g.edges(data=True) if d["kind"] == "stance"]
    assert stance[0] == oston and g.nodes[stance[1]]["name"] == "new quota cuts"
    assert stance[2]["polarity"] == "oppose" and stance[2]["weight"] == 4
    assert done.counts["meeting edges"] == 1 and done.counts["issues"] == 1


def test_quotes_about_link_the_speaker_to_actors_named_inside(db_url):
    base = report(outlet="Wire", published=date(2026, 3, 10),
                  extra='"Morozov must listen," Oston added.')
    text = base.article.text
    inside = text.index("Morozov must listen,")
    morozov = replace(base.entities[1], mentions=(
        *base.entities[1].mentions, Span(inside, inside + 7, "Morozov")))
    quote = Quote("Q2", "Morozov must listen,", inside, inside + 20, "direct",
                  (inside - 1, len(text)), speaker="E1", cue="added")
    extraction = replace(base, entities=(base.entities[0], morozov, *base.entities[2:]),
                         quotes=(*base.quotes, quote))
    engine = open_store(db_url)
    try:
        write(engine, [extraction])
        resolution.rebuild(engine)
        g = graph(engine)
    finally:
        engine.dispose()
    quoted = [(g.nodes[a]["name"], g.nodes[b]["name"], d["weight"])
              for a, b, d in g.edges(data=True) if d["kind"] == "quote"]
    assert quoted == [("Mirela Oston", "Andriy Morozov", 1)]


def test_an_unknown_format_is_refused(engine, tmp_path):
    with pytest.raises(ValueError, match="jsonl, parquet, graphml"):
        export(engine, "csv", tmp_path / "x")


def test_jsonl_times_are_utc_iso(engine, tmp_path):
    out = tmp_path / "kb.jsonl"
    export(engine, "jsonl", out)
    first = json.loads(out.read_text().splitlines()[0])
    assert datetime.fromisoformat(first["ingested_at"]).utcoffset().total_seconds() == 0
