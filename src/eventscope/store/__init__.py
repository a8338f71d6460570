"""eventscope.store: SQLite/PostgreSQL persistence with Alembic migrations.

``Store(url)`` opens (and migrates) a database; see :class:`Store` for the API.
"""

from eventscope.store.engine import default_db_url, normalize_url
from eventscope.store.store import Store

__all__ = ["Store", "default_db_url", "normalize_url"]
