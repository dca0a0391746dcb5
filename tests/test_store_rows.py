"""Record dict → table rows (store/rows.py), tolerant of fields a record kind lacks."""

from __future__ import annotations

from newsgraph.store.rows import expected_counts, record_rows
from tests.test_store_ingest import full_record


def test_every_record_becomes_rows_parents_first():
    record = full_record().to_dict()
    rows = list(record_rows(record))
    tables = [table.name for table, _ in rows]
    assert tables.count("entities") == 3
    assert tables.index("events") < tables.index("event_participants")
    counts = expected_counts(record)
    for name, n in counts.items():
        assert tables.count(name) == n, name


def test_optional_fields_may_be_missing():
    record = {
        "schema_version": "1",
        "article": {"id": "abc", "source": "x.txt", "text": "t"},
        "events": [{"id": "V1", "type": "MEET"}],
        "stances": [{"id": "S1"}],
    }
    rows = {table.name: row for table, row in record_rows(record)}
    assert rows["events"]["trigger_start"] is None and rows["events"]["mentions"] == []
    assert rows["stances"]["evidence_text"] is None
    assert "event_participants" not in rows
    assert expected_counts(record)["events"] == 1
