"""The web interface over a real store, on SQLite and PostgreSQL: every page as JSON and as
HTML, 404s and 422s, escaping, pagination, OpenAPI, and that serving never writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from newsgraph.store.db import StoreError
from newsgraph.store.schema import metadata
from tests.web_store import SCRIPT, build_store, client_for


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store_url(request, tmp_path_factory) -> str:
    """One store per database kind for the whole module (ingesting needs the model)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'store.db'}"
    else:
        from tests import pg_server

        url = pg_server.create_database(request.getfixturevalue("postgres"))
    return build_store(url, tmp_path_factory.mktemp("articles"))


@pytest.fixture(scope="module")
def client(store_url):
    from newsgraph.web import create_app

    with client_for(create_app(store_url)) as c:
        yield c


@pytest.fixture(scope="module")
def meeting(client) -> dict:
    """The Valdora meeting, reported by two outlets."""
    events = client.get("/timeline.json", params={"type": "CONSULT"}).json()["events"]
    found = [e for e in events if e["sources"] == 2]
    assert len(found) == 1, events
    return found[0]


def _article_id(client, outlet: str) -> str:
    articles = client.get("/articles.json").json()["articles"]
    return next(a["id"] for a in articles if a["outlet"] == outlet)


def _actor_id(client, name: str) -> str:
    hits = client.get("/search.json", params={"q": name}).json()["actors"]
    return next(a["id"] for a in hits if a["name"] == name)


# --- timeline -------------------------------------------------------------------------------


def test_timeline_json_counts_sources_and_outlets(client, meeting):
    assert meeting["date_from"] == "2026-04-06"  # "Monday" in stories of Tuesday 7 April
    assert [a["name"] for a in meeting["actors"] + meeting["targets"]] == [
        "Ilse Varga", "Torvald Brandt"]
    assert meeting["place"]["name"] == "Valdora"
    assert (meeting["sources"], meeting["outlets"], meeting["statuses"]) == (2, 2, ["occurred"])


def test_timeline_html_links_each_event_and_party(client, meeting):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert f'href="/events/{meeting["id"]}"' in page.text
    assert f'href="/actors/{meeting["actors"][0]["id"]}"' in page.text
    assert client.get("/timeline").text == page.text


def test_timeline_filters(client, meeting):
    def ids(**params):
        return [e["id"] for e in client.get("/timeline.json", params=params).json()["events"]]

    assert meeting["id"] in ids(actor="varga", type="consult", place="valdora")
    assert meeting["id"] in ids(**{"from": "2026-04", "to": "2026-04-06"})
    assert meeting["id"] not in ids(**{"from": "2026-04-07"})
    assert meeting["id"] not in ids(actor="Greer")
    assert ids(type="ASSAULT") == []
    assert meeting["id"] in ids(actor="", place="")  # empty boxes of the form: no filter
    doc = client.get("/timeline.json", params={"actor": "varga"}).json()
    assert doc["filters"]["actor"] == "varga"


def test_accept_header_gives_the_json_twin(client):
    as_json = client.get("/", headers={"Accept": "application/json"})
    assert as_json.headers["content-type"] == "application/json"
    assert as_json.json() == client.get("/timeline.json").json()
    browser = client.get("/", headers={"Accept": "text/html,application/json;q=0.9"})
    assert browser.headers["content-type"].startswith("text/html")


# --- event, actor, article ------------------------------------------------------------------


def test_event_has_one_row_per_source_with_status_and_evidence(client, meeting):
    doc = client.get(f"/events/{meeting['id']}.json").json()
    assert doc["type"] == "CONSULT" and doc["place"]["name"] == "Valdora"
    assert doc["paging"]["total"] == 2 and doc["outlets"] == 2
    outlets = sorted(s["article"]["outlet"] for s in doc["sources"])
    assert outlets == ["Coastal Wire", "Harbour Gazette"]
    for s in doc["sources"]:
        assert s["status"] == "occurred"
        assert s["sentence"]["text"] and s["trigger"]["text"] in s["sentence"]["text"]
    html = client.get(f"/events/{meeting['id']}").text
    for s in doc["sources"]:
        assert f'href="/articles/{s["article"]["id"]}#ev-{s["event_local_id"]}"' in html
    assert html.count('<a class="source"') == 2


def test_actor_page(client, meeting):
    varga = _actor_id(client, "Ilse Varga")
    doc = client.get(f"/actors/{varga}.json").json()
    assert doc["name"] == "Ilse Varga" and doc["type"] == "PERSON"
    assert {"Ilse Varga", "Varga"} <= {f["form"] for f in doc["forms"]}
    assert any("Foreign Minister" in r["role"] and r["article"]["outlet"] for r in doc["roles"])
    quote = next(q for q in doc["quotes"] if "ferry line open" in q["text"])
    assert quote["cue"] == "said" and quote["article"]["published"] == "2026-04-07"
    assert meeting["id"] in [e["id"] for e in doc["events"]] and doc["events_total"] >= 1
    assert "Torvald Brandt" in [c["actor"]["name"] for c in doc["co_actors"]]
    html = client.get(f"/actors/{varga}").text
    assert "ferry line open" in html and f'href="/events/{meeting["id"]}"' in html

    brandt = client.get(f"/actors/{_actor_id(client, 'Torvald Brandt')}.json").json()
    assert [(s["polarity"], s["issue"]) for s in brandt["stances"]] == [
        ("oppose", "any new tax on ferry tickets")]


def test_article_marks_every_record_with_links(client, meeting):
    article_id = _article_id(client, "Harbour Gazette")
    doc = client.get(f"/articles/{article_id}.json").json()
    kinds = {m["kind"] for m in doc["marks"]}
    assert {"entity", "quote", "figure", "date", "event", "evidence"} <= kinds
    for m in doc["marks"]:
        assert doc["text"][m["start"]:m["end"]] == m["text"]
    varga = next(m for m in doc["marks"] if m["kind"] == "entity" and m["text"] == "Ilse Varga")
    assert varga["href"] == f"/actors/{_actor_id(client, 'Ilse Varga')}"
    event = next(m for m in doc["marks"] if m["kind"] == "event")
    assert event["href"] == f"/events/{meeting['id']}"
    html = client.get(f"/articles/{article_id}").text
    assert 'id="ev-V1"' in html and 'class="m m-quote"' in html
    assert f'<a href="/events/{meeting["id"]}"' in html


def test_script_in_article_text_is_shown_as_text(client):
    article_id = _article_id(client, "Island Notes")
    assert SCRIPT in client.get(f"/articles/{article_id}.json").json()["text"]
    html = client.get(f"/articles/{article_id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html.lower()  # no live script element: the pages have none at all
    search = client.get("/search", params={"q": "<script>"}).text
    assert "<script>" not in search and "&lt;script&gt;" in search


def test_articles_and_rejects(client):
    doc = client.get("/articles.json").json()
    assert doc["paging"]["total"] == 3 and doc["rejects"] == 1
    assert [a["published"] for a in doc["articles"]] == ["2026-04-08", "2026-04-07",
                                                         "2026-04-07"]
    assert "1 rejected inputs" in client.get("/articles").text
    rejects = client.get("/rejects.json").json()
    assert [r["source"].endswith("empty.txt") for r in rejects["rejects"]] == [True]
    assert "empty file" in client.get("/rejects").text


def test_search_finds_quotes_actors_and_figures(client):
    doc = client.get("/search.json", params={"q": "ferry"}).json()
    assert {q["text"] for q in doc["quotes"]} == {"We agreed to keep the ferry line open,"}
    figures = client.get("/search.json", params={"q": "tonnes"}).json()["figures"]
    assert [f["text"] for f in figures] == ["1,200 tonnes"]
    actors = client.get("/search.json", params={"q": "brandt"}).json()
    assert [a["name"] for a in actors["actors"]] == ["Torvald Brandt"]
    assert "Torvald Brandt" in client.get("/search", params={"q": "brandt"}).text
    empty = client.get("/search.json").json()
    assert empty["paging"]["total"] == 0 and client.get("/search").status_code == 200


def test_charts(client, meeting):
    doc = client.get("/charts.json").json()
    assert {"date": "2026-04-06", "type": "CONSULT", "events": 1, "sources": 2} in doc["days"]
    meeting_edge = doc["edges"][0]
    assert (meeting_edge["kind"], meeting_edge["weight"]) == ("meeting", 2)
    html = client.get("/charts").text
    assert html.count("<svg") == 2 and "Ilse Varga" in html
    for name in ("timeline", "network"):
        svg = client.get(f"/charts/{name}.svg")
        assert svg.headers["content-type"] == "image/svg+xml" and svg.text.startswith("<svg")


# --- errors, bounds, schema -----------------------------------------------------------------


@pytest.mark.parametrize("path", ["/actors/A000", "/events/V000", "/articles/0000",
                                  "/no/such/page"])
def test_unknown_ids_are_404_page_and_json_error(client, path):
    page = client.get(path)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "404" in page.text
    doc = client.get(path + ".json")
    assert doc.status_code == 404 and doc.json()["status"] == 404
    if not path.startswith("/no/"):
        assert path.rsplit("/", 1)[1] in doc.json()["error"]


@pytest.mark.parametrize(("query", "parameter", "words"), [
    ({"page": "0"}, "page", "greater than or equal to 1"),
    ({"page": "x"}, "page", "integer"),
    ({"per_page": "1000"}, "per_page", "less than or equal to 200"),
    ({"from": "2026-13"}, "from", "month 13 does not exist"),
    ({"to": "2026-02-30"}, "to", "no day 30"),
    ({"from": "last week"}, "from", "YYYY, YYYY-MM or YYYY-MM-DD"),
    ({"actor": "x" * 300}, "actor", "at most 200 characters"),
])
def test_malformed_parameters_are_422_with_a_clear_message(client, query, parameter, words):
    doc = client.get("/timeline.json", params=query)
    assert doc.status_code == 422
    problem = doc.json()["problems"][0]
    assert problem["parameter"] == parameter and words in problem["message"]
    page = client.get("/", params=query)
    assert page.status_code == 422 and words in page.text and "<code>" in page.text


def test_pagination_bounds(client):
    everything = client.get("/articles.json", params={"per_page": 200}).json()
    assert everything["paging"] == {"page": 1, "per_page": 200, "total": 3, "pages": 1}
    second = client.get("/articles.json", params={"per_page": 2, "page": 2}).json()
    assert second["paging"] == {"page": 2, "per_page": 2, "total": 3, "pages": 2}
    assert second["articles"] == everything["articles"][2:]
    past = client.get("/timeline.json", params={"per_page": 1, "page": 99}).json()
    assert past["events"] == [] and past["paging"]["total"] == 1
    html = client.get("/articles", params={"per_page": 1, "page": 2}).text
    assert 'href="/articles?per_page=1&amp;page=1"' in html
    assert 'href="/articles?per_page=1&amp;page=3"' in html and "page 2 of 3" in html


def test_openapi_documents_every_json_twin(client):
    schema = client.get("/openapi.json").json()
    assert set(schema["paths"]) == {
        "/timeline.json", "/actors/{actor_id}.json", "/events/{event_id}.json",
        "/articles.json", "/articles/{article_id}.json", "/rejects.json", "/search.json",
        "/charts.json"}
    assert "TimelinePage" in schema["components"]["schemas"]
    assert client.get("/docs").status_code == 404  # Swagger UI would load scripts from a CDN


def _every_page(client) -> list[str]:
    timeline = client.get("/timeline.json").json()["events"]
    articles = client.get("/articles.json").json()["articles"]
    actors = client.get("/search.json", params={"q": "a"}).json()["actors"]
    pages = ["/", "/articles", "/rejects", "/search?q=ferry", "/charts", "/charts/timeline.svg",
             "/charts/network.svg", "/static/style.css"]
    pages += [f"/events/{e['id']}" for e in timeline] + [f"/actors/{a['id']}" for a in actors]
    pages += [f"/articles/{a['id']}" for a in articles]
    return pages + [p + ".json" for p in pages if not p.startswith(("/charts/", "/static"))
                    and p != "/"]


def _row_counts(url: str) -> dict[str, int]:
    from newsgraph.store.db import create

    engine = create(url)
    try:
        with engine.connect() as conn:
            return {t.name: conn.scalar(select(func.count()).select_from(t))
                    for t in metadata.sorted_tables}
    finally:
        engine.dispose()


def test_serving_never_writes(client, store_url):
    before = _row_counts(store_url)
    db_file = Path(store_url.removeprefix("sqlite:///")) if store_url.startswith("sqlite") else None
    stat = db_file.stat() if db_file else None
    for path in _every_page(client):
        assert client.get(path).status_code == 200, path
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/").status_code == 405
        assert getattr(client, method)("/timeline.json").status_code == 405
    assert _row_counts(store_url) == before
    if db_file:
        assert (db_file.stat().st_mtime_ns, db_file.stat().st_size) == (stat.st_mtime_ns,
                                                                        stat.st_size)


def test_the_engine_itself_refuses_writes(store_url):
    from newsgraph.web.readonly import open_readonly

    engine = open_readonly(store_url)
    try:
        with engine.connect() as conn, pytest.raises(Exception, match="(?i)read.?only"):
            conn.execute(text("DELETE FROM rejects"))
    finally:
        engine.dispose()
    assert _row_counts(store_url)["rejects"] == 1


def test_a_missing_or_foreign_store_is_refused_untouched(tmp_path):
    from newsgraph.web import create_app

    missing = tmp_path / "none.db"
    with pytest.raises(StoreError, match="no store"):
        create_app(f"sqlite:///{missing}")
    assert not missing.exists()
    import sqlite3

    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(StoreError, match="not a newsgraph store"):
        create_app(other)
