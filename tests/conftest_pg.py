"""pytest plugin: a throwaway PostgreSQL server for the test session.

Fixtures:
- ``pg_url`` (session): ``postgresql://postgres@127.0.0.1:PORT/postgres`` of a fresh cluster
  created with ``initdb`` in a temporary directory, trust auth, stopped and removed at the end.
- ``pg_db_url`` (function): a new empty database on that server per test, dropped afterwards.

Without PostgreSQL binaries the fixtures skip, unless ``EVENTSCOPE_REQUIRE_PG=1`` (CI), where
they fail. ``scripts/install-postgres.sh`` installs the binaries on Debian/Ubuntu.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_USER = "postgres"


def _find_bindir() -> Path | None:
    """Newest server under /usr/lib/postgresql/*/bin, else initdb on PATH."""

    def version(p: str) -> tuple[int, ...]:
        part = Path(p).parent.parent.name
        return tuple(int(x) for x in part.split(".") if x.isdigit())

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version)
    if candidates:
        return Path(candidates[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _unavailable(reason: str) -> None:
    if os.environ.get("EVENTSCOPE_REQUIRE_PG") == "1":
        pytest.fail(f"PostgreSQL required (EVENTSCOPE_REQUIRE_PG=1) but {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason} (run scripts/install-postgres.sh)")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _ensure_pg_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(PG_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", PG_USER],
            check=True,
        )
        return pwd.getpwnam(PG_USER)


def _runner(workdir: Path) -> tuple[list[str], Path]:
    """Command prefix and working dir; initdb refuses to run as root, so drop to postgres."""
    if os.geteuid() != 0:
        return [], workdir
    user = _ensure_pg_user()
    os.chown(workdir, user.pw_uid, user.pw_gid)
    runuser = shutil.which("runuser") or "/usr/sbin/runuser"
    return [runuser, "-u", PG_USER, "--"], workdir


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    # cwd inside the temp dir: postgres tools fail if they cannot read the current directory.
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    bindir = _find_bindir()
    if bindir is None:
        _unavailable("initdb/pg_ctl were not found under /usr/lib/postgresql/*/bin or on PATH")
        return
    # /tmp rather than a per-user TMPDIR: the postgres user must be able to reach it.
    base = "/tmp" if os.geteuid() == 0 and os.path.isdir("/tmp") else None
    workdir = Path(tempfile.mkdtemp(prefix="eventscope-pg-", dir=base))
    workdir.chmod(0o700)
    prefix, cwd = _runner(workdir)
    data, log = workdir / "data", workdir / "server.log"
    port = _free_port()
    started = False
    try:
        init = _run(
            [*prefix, str(bindir / "initdb"), "-D", str(data), "-U", PG_USER, "--auth=trust",
             "-E", "UTF8", "--no-locale", "--no-sync"],
            cwd,
        )  # fmt: skip
        if init.returncode != 0:
            _unavailable(f"initdb failed:\n{init.stdout}\n{init.stderr}")
        # Durability off: a throwaway cluster, and tests run several times faster.
        opts = (
            f"-c listen_addresses=127.0.0.1 -p {port} -k {workdir} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        start = _run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", opts,
             "-w", "-t", "60", "start"],
            cwd,
        )  # fmt: skip
        started = start.returncode == 0
        if not started:
            server_log = log.read_text(errors="replace") if log.exists() else ""
            _unavailable(f"pg_ctl start failed:\n{start.stdout}\n{start.stderr}\n{server_log}")
        yield f"postgresql://{PG_USER}@127.0.0.1:{port}/postgres"
    finally:
        if started:
            _run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], cwd)
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def pg_db_url(pg_url: str) -> Iterator[str]:
    """A fresh empty database for one test."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield pg_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
