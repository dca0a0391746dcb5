"""The command line as a user runs it: a real process, real files, real model."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.model

WIRE = """Ministers to meet in Oslo over Varna dam
Published 11 March 2026

Nordland's Foreign Minister Elena Marsh will meet her Estmark counterpart, Andriy Morozov, in
Oslo on Thursday, the ministry said. Marsh told reporters the talks would be difficult.
"""

UNDATED = """Dam talks stall

Lena Okafor, the head of Nordland's national security council, said on Monday that the
talks with Estmark had stalled and that the government would wait for the commission.
"""

GERMAN = (
    "Die Außenministerin traf sich am Donnerstag mit ihrem Amtskollegen in Oslo. Die Gespräche "
    "über den Staudamm und die Wasserrechte seien schwierig gewesen, sagte sie nach dem Treffen "
    "vor Journalisten. Eine Einigung werde es in diesem Monat nicht mehr geben, hieß es."
)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args], input=stdin, capture_output=True,
        timeout=300,
    )


def test_extract_one_file_prints_one_record(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(WIRE)
    proc = run("extract", str(path))
    assert proc.returncode == 0, proc.stderr
    [line] = proc.stdout.decode().splitlines()
    record = json.loads(line)
    assert record["schema_version"] == "1"
    assert record["article"]["published"] == "2026-03-11"
    assert record["article"]["title"] == "Ministers to meet in Oslo over Varna dam"
    marsh = next(e for e in record["entities"] if e["name"] == "Elena Marsh")
    assert "Nordland's Foreign Minister" in marsh["roles"]
    text = record["article"]["text"]
    for m in marsh["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]


def test_bad_inputs_are_named_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a_good.txt").write_text(WIRE)
    (tmp_path / "b_empty.txt").write_text("")
    (tmp_path / "c_binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "d_undecodable.txt").write_bytes(bytes(range(0x80, 0x100)) * 4)
    (tmp_path / "e_broken.html").write_text("<html><body><div><p></div></bo")
    (tmp_path / "f_german.txt").write_text(GERMAN)
    (tmp_path / "g_huge.txt").write_text("word " * 400)
    (tmp_path / "h_undated.txt").write_text(UNDATED)
    proc = run("extract", str(tmp_path), "--max-bytes", "1500")
    assert proc.returncode == 1
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["article"]["source"].rsplit("/", 1)[1] for r in records] == [
        "a_good.txt", "h_undated.txt",
    ]
    errors = proc.stderr.decode().splitlines()
    rejected = [e for e in errors if "rejected" in e]
    assert len(rejected) == 6
    for name, reason in [
        ("b_empty.txt", "empty"), ("c_binary.txt", "binary"), ("d_undecodable.txt", "decode"),
        ("e_broken.html", "HTML"), ("f_german.txt", "not English"), ("g_huge.txt", "too large"),
    ]:
        [line] = [e for e in rejected if name in e]
        assert reason in line
    [warning] = [e for e in errors if "warning" in e]
    assert "h_undated.txt" in warning and "no publication date" in warning


def test_flags_fill_missing_metadata_but_do_not_override(tmp_path):
    undated, dated = tmp_path / "undated.txt", tmp_path / "dated.txt"
    undated.write_text(UNDATED)
    dated.write_text(WIRE)
    proc = run("extract", str(undated), str(dated), "--published", "2026-02-02",
               "--url", "https://example.org/x")
    assert proc.returncode == 0, proc.stderr
    a, b = (json.loads(line) for line in proc.stdout.decode().splitlines())
    assert a["article"]["published"] == "2026-02-02"
    assert b["article"]["published"] == "2026-03-11"
    assert a["article"]["url"] == "https://example.org/x"
    assert "warning" not in proc.stderr.decode()


def test_stdin_and_out_dir(tmp_path):
    out = tmp_path / "records"
    proc = run("extract", "-", "--out", str(out), stdin=WIRE.encode())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b""
    [written] = list(out.glob("*.json"))
    assert json.loads(written.read_text())["article"]["source"] == "<stdin>"


def test_jsonl_feed_gives_json_lines_and_names_bad_lines(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": WIRE.split("\n\n", 1)[1], "title": "Oslo talks",
                    "published": "2026-03-11", "outlet": "Wire"}) + "\n"
        + "{not json\n"
        + json.dumps({"text": UNDATED.split("\n\n", 1)[1], "published": "2026-03-09"}) + "\n"
    )
    proc = run("extract", str(feed))
    assert proc.returncode == 1
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["article"]["published"] for r in records] == ["2026-03-11", "2026-03-09"]
    assert records[0]["article"]["outlet"] == "Wire"
    assert f"{feed}:2" in proc.stderr.decode()


def test_unknown_model_is_a_setup_error(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(WIRE)
    proc = run("extract", str(path), "--model", "no_such_pipeline")
    assert proc.returncode == 2
    assert "no_such_pipeline" in proc.stderr.decode()


def test_bad_date_flag_is_a_usage_error(tmp_path):
    proc = run("extract", "-", "--published", "11/03/2026", stdin=WIRE.encode())
    assert proc.returncode == 2
    assert "YYYY-MM-DD" in proc.stderr.decode()


def test_summary_prints_actors(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(WIRE)
    proc = run("extract", str(path), "--summary")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert "Elena Marsh" in out and "PERSON" in out and "2026-03-11" in out
    # the events table: the planned meeting on Thursday the 12th
    assert "CONSULT" in out and "planned" in out and "2026-03-12" in out


def test_eval_prints_the_table_and_json(tmp_path):
    proc = run("eval", "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["articles"] >= 15
    assert report["span_errors"] == 0
    assert set(report["scores"]) >= {"entities.PERSON", "entities.roles", "quotes"}


def test_eval_of_several_gold_sets_scores_each_and_all_together():
    proc = run("eval", "examples/blind", "examples/fresh2", "--json", "--no-peer")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    sets = report["sets"]
    assert set(sets) == {"examples/blind", "examples/fresh2"}
    assert report["articles"] == sets["examples/blind"]["articles"] + sets[
        "examples/fresh2"]["articles"]
    gold = sum(s["scores"]["events"]["tp"] + s["scores"]["events"]["fn"] for s in sets.values())
    assert report["scores"]["events"]["tp"] + report["scores"]["events"]["fn"] == gold
    table = run("eval", "examples/blind", "examples/fresh2", "--no-peer")
    assert b"each gold set" in table.stdout and b"2 gold sets together" in table.stdout


def test_every_command_has_help():
    for command in ("extract", "eval"):
        proc = run(command, "--help")
        assert proc.returncode == 0
        assert len(proc.stdout.decode().strip().splitlines()) > 3
