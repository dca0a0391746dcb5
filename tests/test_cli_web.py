"""``newsgraph serve``: its options, a missing store, and a real server answering."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from tests.web_store import build_store

runner = CliRunner()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("serve")
    return build_store(f"sqlite:///{folder / 'store.db'}", folder / "articles")


def test_help_lists_the_options():
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port"):
        assert option in result.output


def test_a_missing_store_is_exit_2_and_no_file(tmp_path):
    missing = tmp_path / "none.db"
    result = runner.invoke(app, ["serve", "--db", str(missing)])
    assert result.exit_code == 2 and "no store" in result.output
    assert not missing.exists()


def test_options_reach_uvicorn(monkeypatch, store):
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda web, **kw: seen.update(kw, app=web))
    result = runner.invoke(app, ["serve", "--db", store, "--host", "127.0.0.2",
                                 "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert (seen["host"], seen["port"]) == ("127.0.0.2", 8123)
    assert "http://127.0.0.2:8123" in result.output
    assert {r.path for r in seen["app"].routes} >= {"/", "/timeline.json"}


def test_serve_answers_over_http_until_stopped(store):
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "serve", "--db", store,
                             "--port", str(port)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/timeline.json", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read()
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert answer.status_code == 200 and answer.json()["paging"]["total"] == 1
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert "Valdora" in page.text
    finally:
        proc.terminate()
        output = proc.communicate(timeout=20)[0]
    assert f"http://127.0.0.1:{port}" in output
