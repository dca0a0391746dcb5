"""``newsgraph ingest`` and ``newsgraph rejects`` as a user runs them: real processes.

The kill test starts a real ingest, waits until its first batch is committed, kills it with
SIGKILL, checks the store is whole, runs the same command again, and compares the result with
an uninterrupted run into a second database. Every test taking ``db_url`` or ``new_db_url``
runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from newsgraph.cli_store import DEFAULT_DB
from newsgraph.store import queries
from newsgraph.store.check import problems, snapshot
from newsgraph.store.db import DEFAULT_URL, create, normalize_url, open_store
from newsgraph.store.schema import articles
from tests.conftest import EXAMPLES

NEWSGRAPH = str(Path(sys.executable).with_name("newsgraph"))
SUMMARY = re.compile(r"^stored (\d+), skipped (\d+) \(already stored\), rejected (\d+) — ")
KILL_ARTICLES = 40
KILL_BATCH = 3
WAIT_SECONDS = 180

WIRE = """Ministers to meet in Oslo over Varna dam

Nordland's Foreign Minister Elena Marsh will meet her Estmark counterpart, Andriy Morozov, in
Oslo on Thursday, the ministry said. Marsh told reporters the talks would be "difficult".
"""


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    # A wide terminal, so Rich tables do not fold the long temporary paths.
    env = {**os.environ, "COLUMNS": "400"}
    return subprocess.run([NEWSGRAPH, *args], input=stdin, capture_output=True, timeout=300,
                          env=env)


def summary(proc: subprocess.CompletedProcess) -> tuple[int, int, int]:
    [line] = proc.stdout.decode().splitlines()
    match = SUMMARY.match(line)
    assert match, line
    return int(match[1]), int(match[2]), int(match[3])


def test_default_store_is_the_librarys():
    assert DEFAULT_DB == DEFAULT_URL


def test_help_names_the_options():
    proc = run("ingest", "--help")
    assert proc.returncode == 0
    for option in ("--db", "--model", "--batch-size", "--published", "--url", "--max-bytes",
                   "--workers", "--ray"):
        assert option in proc.stdout.decode()
    proc = run("rejects", "--help")
    assert proc.returncode == 0 and "--json" in proc.stdout.decode()


@pytest.mark.model
def test_ingest_reports_rejects_and_stores_them(db_url, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a_wire.txt").write_text(WIRE)
    (inputs / "b_empty.txt").write_text("")
    (inputs / "c_binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    proc = run("ingest", str(inputs), "--db", db_url, "--published", "2026-03-11")
    assert proc.returncode == 1, proc.stderr
    assert summary(proc) == (1, 0, 2)
    rejected = [line for line in proc.stderr.decode().splitlines() if "rejected" in line]
    assert len(rejected) == 2
    assert any("b_empty.txt" in line and "empty file" in line for line in rejected)
    assert any("c_binary.txt" in line and "binary" in line for line in rejected)

    listed = run("rejects", "--db", db_url, "--json")
    assert listed.returncode == 0, listed.stderr
    doc = json.loads(listed.stdout)
    assert {(Path(r["source"]).name, r["reason"]) for r in doc} == {
        ("b_empty.txt", "empty file"), ("c_binary.txt", "binary file, not text")}
    assert all(r["first_seen"] <= r["last_seen"] for r in doc)
    table = run("rejects", "--db", db_url)
    assert table.returncode == 0 and "b_empty.txt" in table.stdout.decode()

    again = run("ingest", str(inputs), "--db", db_url, "--published", "2026-03-11")
    assert summary(again) == (0, 1, 2)
    engine = open_store(db_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(select(articles.c.published)).scalars().all() == [
                date(2026, 3, 11)]
        assert len(queries.rejects(engine)) == 2  # seen twice, stored once
    finally:
        engine.dispose()


@pytest.mark.model
def test_stdin_with_a_url_makes_versions(db_url):
    url = "https://news.example/oslo"
    first = run("ingest", "-", "--db", db_url, "--url", url, stdin=WIRE.encode())
    assert first.returncode == 0, first.stderr
    assert summary(first) == (1, 0, 0)
    changed = WIRE + "\nThe meeting was later moved to Friday.\n"
    second = run("ingest", "-", "--db", db_url, "--url", url, stdin=changed.encode())
    assert summary(second) == (1, 0, 0)
    engine = open_store(db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(articles.c.id, articles.c.version, articles.c.supersedes,
                                       articles.c.url).order_by(articles.c.version)).all()
    finally:
        engine.dispose()
    assert [(r.version, r.url) for r in rows] == [(1, url), (2, url)]
    assert rows[1].supersedes == rows[0].id


def test_a_bad_store_is_a_usage_error(tmp_path):
    proc = run("ingest", str(tmp_path), "--db", "nonsense://x")
    assert proc.returncode == 2
    assert "newsgraph:" in proc.stderr.decode()
    missing = run("rejects", "--db", str(tmp_path / "absent.db"))
    assert missing.returncode == 2 and "no store" in missing.stderr.decode()
    assert not (tmp_path / "absent.db").exists()


def test_rejects_of_an_empty_store(tmp_path):
    db = f"sqlite:///{tmp_path / 'kb.db'}"
    open_store(db).dispose()
    proc = run("rejects", "--db", db)
    assert proc.returncode == 0 and "no rejected inputs" in proc.stdout.decode()
    assert json.loads(run("rejects", "--db", db, "--json").stdout) == []


# --- kill -9 in the middle of an ingest -----------------------------------------------------


def make_corpus(folder: Path, n: int = KILL_ARTICLES) -> None:
    """n short articles cut from the examples, each made distinct by its own figures."""
    folder.mkdir()
    sources = sorted(p for p in (EXAMPLES / "articles").glob("*.txt"))
    for i in range(n):
        source = sources[i % len(sources)]
        paragraphs = source.read_text().split("\n\n")
        text = "\n\n".join(paragraphs[:4])
        text += (f"\n\nThe agency said {120 + i} people had been consulted and that a "
                 f"further report would follow in {i % 9 + 2} weeks.\n")
        (folder / f"{i:02d}_{source.stem}.txt").write_text(text)
    (folder / "99_empty.txt").write_text("")


def stored_count(url: str) -> int:
    """Articles committed so far, read through a plain engine (no migration); -1 if none yet."""
    engine = create(url)
    try:
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(articles))
    except SQLAlchemyError:
        return -1
    finally:
        engine.dispose()


def wait_for_first_batch(proc: subprocess.Popen, url: str) -> int:
    sqlite_file = normalize_url(url).database if url.startswith("sqlite") else None
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        assert proc.poll() is None, "ingest ended before it could be killed"
        if sqlite_file is None or Path(sqlite_file).exists():
            n = stored_count(url)
            if n > 0:
                return n
        time.sleep(0.05)
    raise AssertionError("no batch committed in time")


@pytest.mark.model
@pytest.mark.parametrize("workers", ["1", "2"])
def test_kill_9_mid_ingest_then_rerun_equals_an_uninterrupted_run(new_db_url, tmp_path, workers):
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    killed_url, clean_url = new_db_url(), new_db_url()
    command = [NEWSGRAPH, "ingest", str(corpus), "--batch-size", str(KILL_BATCH),
               "--workers", workers]

    with (tmp_path / "killed.log").open("wb") as log:
        proc = subprocess.Popen([*command, "--db", killed_url], stdout=log, stderr=log)
        try:
            wait_for_first_batch(proc, killed_url)
            assert proc.poll() is None
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL

    partial = stored_count(killed_url)
    assert 0 < partial < KILL_ARTICLES
    engine = open_store(killed_url)
    try:
        assert problems(engine) == []  # only whole batches: every article has all its rows
    finally:
        engine.dispose()

    resumed = subprocess.run([*command, "--db", killed_url], capture_output=True, timeout=300)
    assert resumed.returncode == 1, resumed.stderr  # the empty file is rejected
    stored, skipped, rejected = summary(resumed)
    assert (stored + skipped, skipped, rejected) == (KILL_ARTICLES, partial, 1)

    clean = subprocess.run([*command, "--db", clean_url], capture_output=True, timeout=300)
    assert summary(clean) == (KILL_ARTICLES, 0, 1)

    engines = [open_store(killed_url), open_store(clean_url)]
    try:
        after_kill, uninterrupted = (snapshot(e) for e in engines)
        assert problems(engines[0]) == []
    finally:
        for e in engines:
            e.dispose()
    assert len(uninterrupted["articles"]) == KILL_ARTICLES
    assert after_kill == uninterrupted


# --- the resolved layer: resolve, the queries, export ---------------------------------------

QUERY_COMMANDS = {
    "resolve": ("--db", "--rebuild"),
    "actors": ("--type", "--detail", "--limit", "--json"),
    "events": ("--actor", "--type", "--from", "--to", "--place", "--json"),
    "quotes": ("--speaker", "--from", "--to", "--text", "--json"),
    "stances": ("--actor", "--holder", "--issue", "--from", "--to", "--json"),
    "timeline": ("--actor", "--type", "--from", "--to", "--place", "--json"),
    "export": ("--format", "jsonl", "parquet", "graphml", "OUT"),
}


def test_help_of_the_query_commands_names_their_options():
    for command, options in QUERY_COMMANDS.items():
        proc = run(command, "--help")
        assert proc.returncode == 0, proc.stderr
        for option in options:
            assert option in proc.stdout.decode(), (command, option)


@pytest.fixture
def story_url(db_url):
    """A store holding the hand-built story (no model), resolved."""
    from newsgraph.store import resolution
    from newsgraph.store.ingest import write
    from tests.test_store_resolution import story

    engine = open_store(db_url)
    try:
        write(engine, story())
        resolution.rebuild(engine)
    finally:
        engine.dispose()
    return db_url


def json_of(*args: str) -> list[dict]:
    proc = run(*args, "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_queries_as_json_and_tables(story_url):
    events = json_of("events", "--db", story_url, "--actor", "andrei")
    assert [e["date_from"] for e in events] == ["2026-03-12", "2026-04-20"]
    first = events[0]["sources"]
    assert [(s["article"]["outlet"], s["article"]["published"], s["status"]) for s in first] == [
        ("Harbour Wire", "2026-03-10", "planned"), ("Coastal Ledger", "2026-03-13", "occurred")]
    assert all(s["article"]["id"] and "url" in s["article"] for s in first)
    assert first[1]["trigger"]["text"] == "met" and "Oston met" in first[1]["sentence"]["text"]
    assert json_of("events", "--db", story_url, "--from", "2026-04", "--type", "consult") == [
        events[1]]
    assert json_of("events", "--db", story_url, "--place", "Nowhere") == []

    [morozov] = json_of("actors", "--db", story_url, "Morozov")
    assert set(morozov["forms"]) == {"Andriy Morozov", "Andrei Morozov", "Morozov"}
    [detail] = json_of("actors", "--db", story_url, "Oston", "--detail")
    assert detail["roles"][0]["role"] == "Lorvia's Foreign Minister"
    assert len(detail["quotes"]) == 3 and len(detail["events"]) == 2

    timeline = json_of("timeline", "--db", story_url)
    assert [(t["date_from"], t["sources"], t["outlets"]) for t in timeline] == [
        ("2026-03-12", 2, 2), ("2026-04-20", 1, 1)]
    quotes = json_of("quotes", "--db", story_url, "--speaker", "oston", "--to", "2026-03-31")
    assert [q["article"]["outlet"] for q in quotes] == ["Harbour Wire", "Coastal Ledger"]
    stances = json_of("stances", "--db", story_url, "--holder", "Oston", "--issue", "QUOTA")
    assert len(stances) == 3 and stances[0]["polarity"] == "oppose"

    table = run("timeline", "--db", story_url).stdout.decode()
    assert "2026-03-12" in table and "Karsk" in table and "occurred, planned" in table
    assert "Andrei Morozov" in run("actors", "--db", story_url).stdout.decode()
    assert "Coastal Ledger" in run("events", "--db", story_url).stdout.decode()
    assert "open hands" in run("quotes", "--db", story_url).stdout.decode()
    assert "new quota cuts" in run("stances", "--db", story_url).stdout.decode()
    none = run("events", "--db", story_url, "--type", "PROTEST")
    assert "no events match" in none.stdout.decode()


def test_a_bad_date_or_a_missing_store_is_a_usage_error(story_url, tmp_path):
    bad = run("events", "--db", story_url, "--from", "March")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr.decode()
    missing = run("timeline", "--db", str(tmp_path / "absent.db"))
    assert missing.returncode == 2 and "no store" in missing.stderr.decode()
    assert not (tmp_path / "absent.db").exists()


def test_a_stale_layer_is_reported_and_resolve_brings_it_up_to_date(db_url):
    from newsgraph.store.ingest import write
    from tests.test_store_resolution import story

    engine = open_store(db_url)
    try:
        write(engine, story())  # stored without resolving, as an interrupted ingest leaves it
    finally:
        engine.dispose()
    before = run("timeline", "--db", db_url)
    assert "run newsgraph resolve" in before.stderr.decode()
    assert "no events match" in before.stdout.decode()
    done = run("resolve", "--db", db_url)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().startswith("updated: ")
    assert "from 3 articles" in done.stdout.decode()
    again = run("resolve", "--db", db_url)
    assert again.stdout.decode().startswith("already up to date: ")
    assert run("resolve", "--db", db_url, "--rebuild").stdout.decode().startswith("rebuilt: ")
    after = run("timeline", "--db", db_url)
    assert after.stderr.decode() == "" and "Karsk" in after.stdout.decode()


def test_export_writes_each_format(story_url, tmp_path):
    import networkx as nx
    import pyarrow.parquet as pq

    for fmt, out in (("jsonl", tmp_path / "kb.jsonl"), ("parquet", tmp_path / "pq"),
                     ("graphml", tmp_path / "kb.graphml")):
        proc = run("export", "--format", fmt, str(out), "--db", story_url)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.decode().startswith(f"wrote {out} ({fmt}): ")
    assert len((tmp_path / "kb.jsonl").read_text().splitlines()) == 3 + 4 + 2
    assert pq.read_table(tmp_path / "pq" / "event_sources.parquet").num_rows == 3
    graph = nx.read_graphml(tmp_path / "kb.graphml", force_multigraph=True)
    assert [d["weight"] for _, _, d in graph.edges(data=True) if d["kind"] == "meeting"] == [3]
    wrong = run("export", "--format", "csv", str(tmp_path / "x"), "--db", story_url)
    assert wrong.returncode == 2


# --- end to end with the model: three wire stories, one meeting, two spellings --------------

STORIES = {
    "a_planned.txt": """Ministers of Lorvia and Tessaly to meet in Karsk on fishing quotas
By Jonas Pelt | Harbour Wire
Published 10 March 2026

KARSK, March 10 (Harbour Wire) — Lorvia's Foreign Minister Mirela Oston will meet Tessaly's \
Foreign Minister Andriy Morozov in Karsk on Thursday to discuss fishing quotas in the Gulf of \
Sarn, the Lorvian foreign ministry said on Tuesday.

Officials said the talks would focus on a shared count of herring stocks, which fell by a fifth \
last year according to a joint survey. Neither side expected a final deal.

"We are coming to Karsk with open hands," Oston told reporters at the ministry. Morozov has \
said that Tessaly's fleet cannot accept deeper cuts without compensation for its crews.
""",
    "b_occurred.txt": """Lorvia and Tessaly agree to share herring data after Karsk talks
By Dana Wirth | Coastal Ledger
Published 13 March 2026

Lorvian Foreign Minister Mirela Oston met Tessaly's Foreign Minister Andrei Morozov in Karsk \
on Thursday and the two agreed to publish a shared count of herring stocks in the Gulf of Sarn \
every quarter.

The meeting lasted six hours, longer than planned, and ended with a short joint statement read \
by both ministers outside the harbour authority building.

"This is a small step, but it is a step," Morozov said after the talks. Oston said her \
government still opposed any new quota cuts before the autumn survey, and she thanked the port \
of Karsk for hosting the delegations.
""",
    "c_strike.txt": """Dock workers in Brellin strike over pay
By Oskar Lund | Inland Times
Published 11 March 2026

Dock workers in the Lorvian port of Brellin walked off the job on Wednesday, halting the \
loading of grain ships for the second time this year, union leaders said.

The Brellin Port Workers Union said about 1,200 members had joined the strike after talks with \
the port operator broke down late on Tuesday. The union is demanding a pay rise of 9 percent \
over two years.

"Our members have waited long enough," said union chair Petra Holm. The port operator said it \
regretted the stoppage and remained ready to return to the table at any time.
""",
}


def write_stories(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(STORIES[name])
    return folder


def resolved_layer(url: str) -> dict[str, list[dict]]:
    from newsgraph.store.schema import RESOLVED_TABLES

    engine = open_store(url)
    try:
        return {k: v for k, v in snapshot(engine).items()
                if k in {t.name for t in RESOLVED_TABLES}}
    finally:
        engine.dispose()


@pytest.mark.model
def test_two_outlets_one_meeting_end_to_end(new_db_url, tmp_path):
    """Ingest in two steps; the meeting is one event with both sources; exports read back;
    the layer equals a rebuild from scratch of the same articles in another database."""
    import networkx as nx
    import pyarrow.parquet as pq

    assert all(len(text.split()) >= 80 for text in STORIES.values())
    url, scratch = new_db_url(), new_db_url()
    first = run("ingest", str(write_stories(tmp_path / "one", ["a_planned.txt"])), "--db", url)
    assert summary(first) == (1, 0, 0), first.stderr
    rest = write_stories(tmp_path / "two", ["b_occurred.txt", "c_strike.txt"])
    second = run("ingest", str(rest), "--db", url)
    assert summary(second) == (2, 0, 0), second.stderr

    meetings = json_of("events", "--db", url, "--actor", "Morozov", "--type", "CONSULT")
    assert len(meetings) == 1
    [meeting] = meetings
    assert meeting["date_from"] == "2026-03-12" and meeting["place"]["name"] == "Karsk"
    assert {p["name"] for p in meeting["actors"] + meeting["targets"]} == {
        "Mirela Oston", "Andriy Morozov"}
    assert [(s["article"]["outlet"], s["article"]["published"], s["status"])
            for s in meeting["sources"]] == [("Harbour Wire", "2026-03-10", "planned"),
                                             ("Coastal Ledger", "2026-03-13", "occurred")]
    for s in meeting["sources"]:
        assert s["trigger"]["text"] in s["sentence"]["text"]

    [morozov] = json_of("actors", "--db", url, "morozov", "--type", "PERSON")
    assert {"Andriy Morozov", "Andrei Morozov"} <= set(morozov["forms"])
    assert morozov["articles"] == 2
    assert "Andrei Morozov" in run("actors", "--db", url).stdout.decode()

    proc = run("export", "--format", "parquet", str(tmp_path / "pq"), "--db", url)
    assert proc.returncode == 0, proc.stderr
    sources = pq.read_table(tmp_path / "pq" / "event_sources.parquet").to_pylist()
    assert sorted(s["status"] for s in sources if s["event_id"] == meeting["id"]) == [
        "occurred", "planned"]
    assert pq.read_table(tmp_path / "pq" / "articles.parquet").num_rows == 3
    proc = run("export", "--format", "graphml", str(tmp_path / "kb.graphml"), "--db", url)
    assert proc.returncode == 0, proc.stderr
    graph = nx.read_graphml(tmp_path / "kb.graphml", force_multigraph=True)
    [(a, b, edge)] = [e for e in graph.edges(data=True) if e[2]["kind"] == "meeting"
                      and {graph.nodes[e[0]]["name"], graph.nodes[e[1]]["name"]}
                      == {"Mirela Oston", "Andriy Morozov"}]
    assert edge["weight"] == 2

    everything = write_stories(tmp_path / "all", list(STORIES))
    assert summary(run("ingest", str(everything), "--db", scratch)) == (3, 0, 0)
    assert run("resolve", "--db", scratch, "--rebuild").returncode == 0
    assert resolved_layer(url) == resolved_layer(scratch)
