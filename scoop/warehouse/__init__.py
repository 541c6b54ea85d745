"""The warehouse on disk and in DuckDB: the store (lock, working copy, publish,
Parquet export) in ``store``, the SQL views in ``views``, the people-id join
after each load in ``people_ids``, and ``prune`` for articles whose files are gone.

The store's names are re-exported here, so ``from scoop.warehouse import DB_NAME``
reads as it always did.
"""
from scoop.warehouse.store import (
    DB_NAME,
    LOCK_NAME,
    PARQUET_DIR,
    RUN_MARKER,
    STAGING_DIR,
    WarehouseBusy,
    WorkingCopy,
    WorkingCopyError,
    connect,
    discard_leftovers,
    ensure_schema,
    export_parquet,
    last_run_id,
    parquet_is_current,
    run_lock,
)

__all__ = [
    "DB_NAME", "LOCK_NAME", "PARQUET_DIR", "RUN_MARKER", "STAGING_DIR", "WarehouseBusy", "WorkingCopy",
    "WorkingCopyError", "connect", "discard_leftovers", "ensure_schema", "export_parquet", "last_run_id",
    "parquet_is_current", "run_lock",
]
