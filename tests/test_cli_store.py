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
    for option in ("--db", "--model", "--batch-size", "--published", "--url", "--max-bytes"):
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
def test_kill_9_mid_ingest_then_rerun_equals_an_uninterrupted_run(new_db_url, tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    killed_url, clean_url = new_db_url(), new_db_url()
    command = [NEWSGRAPH, "ingest", str(corpus), "--batch-size", str(KILL_BATCH)]

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
