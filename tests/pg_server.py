"""A throwaway PostgreSQL server for the store tests: initdb + pg_ctl in a temp dir.

The server binaries come from Debian's postgresql package (scripts/ensure-postgres.sh installs
it). It listens on a free loopback port only, keeps its socket in its own folder, runs without
fsync (nothing here outlives the test session), and is stopped and deleted afterwards.
PostgreSQL refuses to run as root, so under root every server command runs as the
``postgres`` user through runuser, in a folder chowned to that user.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SERVER_USER = "postgres"  # the account Debian's package creates
SUPERUSER = "newsgraph"  # the cluster's superuser, trusted on loopback without a password
START_TIMEOUT = 60  # seconds pg_ctl waits for the server to accept connections
_COMMAND_TIMEOUT = 120
_numbers = itertools.count(1)


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries, or no way to run them here."""


@dataclass(frozen=True)
class PgServer:
    bin_dir: Path
    root: Path  # temp folder holding data/, the socket and the log
    port: int

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def log(self) -> Path:
        return self.root / "server.log"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"


def find_bin_dir() -> Path | None:
    """The newest /usr/lib/postgresql/N/bin holding initdb, else initdb's folder on PATH."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit()
        else 0,
    )
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).resolve().parent if on_path else None


def _as_server_user() -> list[str]:
    """The prefix that runs a command as a user PostgreSQL accepts (not root)."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise PostgresUnavailable(f"running as root and there is no {SERVER_USER!r} user") from None
    runuser = shutil.which("runuser")
    if runuser is None:
        raise PostgresUnavailable("running as root and runuser is missing")
    return [runuser, "-u", SERVER_USER, "--"]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=_COMMAND_TIMEOUT,
                          check=False, **kwargs)


def start() -> PgServer:
    """initdb a new cluster in a temp folder and start it on a free loopback port."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise PostgresUnavailable(
            "no PostgreSQL server binaries (initdb) found; run scripts/ensure-postgres.sh"
        )
    prefix = _as_server_user()
    root = Path(tempfile.mkdtemp(prefix="newsgraph-pg-"))
    if prefix:
        user = pwd.getpwnam(SERVER_USER)
        os.chown(root, user.pw_uid, user.pw_gid)
    try:
        init = _run([*prefix, str(bin_dir / "initdb"), "-D", str(root / "data"), "-U", SUPERUSER,
                     "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"])
        if init.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {init.stderr.strip() or init.stdout}")
        last_error = ""
        for _ in range(3):  # a free port can be taken between choosing and binding it
            server = PgServer(bin_dir=bin_dir, root=root, port=_free_port())
            options = (
                f"-p {server.port} -c listen_addresses=127.0.0.1 "
                f"-c unix_socket_directories={root} -c fsync=off -c synchronous_commit=off "
                "-c full_page_writes=off -c max_connections=200"
            )
            started = _run([*prefix, str(bin_dir / "pg_ctl"), "-D", str(server.data), "-l",
                            str(server.log), "-o", options, "-w", "-t", str(START_TIMEOUT),
                            "start"])
            if started.returncode == 0:
                return server
            last_error = started.stderr.strip() or started.stdout.strip()
            if server.log.exists():
                last_error += "\n" + server.log.read_text(errors="replace")[-2000:]
        raise PostgresUnavailable(f"pg_ctl start failed: {last_error}")
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise


def stop(server: PgServer) -> None:
    """Stop the server at once and delete its folder."""
    try:
        _run([*_as_server_user(), str(server.bin_dir / "pg_ctl"), "-D", str(server.data),
              "-m", "immediate", "-w", "stop"])
    finally:
        shutil.rmtree(server.root, ignore_errors=True)


def create_database(server: PgServer, name: str | None = None) -> str:
    """A new empty database on the server (named test_1, test_2, ... by default); its URL."""
    import psycopg

    name = name or f"test_{next(_numbers)}"
    with psycopg.connect(host="127.0.0.1", port=server.port, user=SUPERUSER,
                         dbname="postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server.url(name)
