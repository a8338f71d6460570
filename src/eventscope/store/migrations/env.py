"""Alembic environment for eventscope's store.

``Store`` runs migrations programmatically and hands over its connection in
``config.attributes["connection"]``; the ``sqlalchemy.url`` option is the fallback for running
``alembic`` by hand (e.g. to autogenerate a new revision).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine, text

from eventscope.store.models import Base

target_metadata = Base.metadata

#: Arbitrary constant: concurrent workers opening one PostgreSQL database migrate one at a time.
_PG_LOCK_KEY = 0x65766E74


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds tables in later revisions.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no connection in config.attributes and no sqlalchemy.url set")
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            _run(conn)
            conn.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("eventscope migrations run online only")
run_migrations_online()
