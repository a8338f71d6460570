"""Database URLs, engines and migrations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

#: Execution option that makes a SQLite transaction start with ``BEGIN IMMEDIATE``.
IMMEDIATE = "eventscope_sqlite_immediate"


def default_db_url() -> str:
    """The embedded default database, in the working directory."""
    return "sqlite:///eventscope.db"


def normalize_url(url: str) -> str:
    """Accept SQLAlchemy URLs, ``postgresql://`` (→ psycopg 3) and plain file paths (→ SQLite)."""
    if "://" not in url:
        if url == ":memory:":
            return "sqlite://"
        return "sqlite:///" + str(Path(url).expanduser().resolve())
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> Engine:
    """An engine with the per-backend settings the store relies on."""
    sa_url = make_url(normalize_url(url))
    if sa_url.get_backend_name() != "sqlite":
        return create_engine(sa_url, pool_pre_ping=True)
    memory = sa_url.database in (None, "", ":memory:")
    kwargs: dict[str, Any] = {"connect_args": {"timeout": 60, "check_same_thread": False}}
    if memory:
        # One shared connection, or every checkout would see a fresh empty database.
        kwargs["poolclass"] = StaticPool
    engine = create_engine(sa_url, **kwargs)
    _configure_sqlite(engine, wal=not memory)
    return engine


def _configure_sqlite(engine: Engine, *, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide when transactions begin (see _on_begin).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if wal:
            # Readers (dashboard) do not block the writer (pipeline) and vice versa.
            cur.execute("PRAGMA journal_mode=WAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A writer that starts with a plain BEGIN and reads first can hit SQLITE_BUSY when it
        # upgrades to a write lock, which busy_timeout cannot resolve; BEGIN IMMEDIATE queues
        # writers up front instead.
        immediate = conn.get_execution_options().get(IMMEDIATE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def alembic_config() -> Config:
    """An Alembic config pointing at the packaged migrations; no alembic.ini needed."""
    cfg = Config()
    # ConfigParser interpolation: a '%' in the install path must be doubled.
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    return cfg


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest schema revision."""
    cfg = alembic_config()
    # IMMEDIATE: two processes opening one new SQLite file migrate one after the other.
    with engine.connect().execution_options(**{IMMEDIATE: True}) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
