"""The warehouse on disk: lock, working copy, atomic publish, Parquet export.

Why a working copy: DuckDB allows one writer *or* many readers per file, so a
refresh that opened ``scoop.duckdb`` for writing would fail while a user holds
it open read-only. Each run instead copies the published file to
``scoop.duckdb.next``, writes there, checkpoints, and ``os.replace``-s it over
``scoop.duckdb``: the rename is atomic, open readers keep the old snapshot,
and a run killed at any point leaves the previous file untouched (the next run
deletes the stale ``.next``).

Parquet under ``parquet/<table>/`` is exported from the published file after
each run, table by table, each swapped in by rename. ``parquet/_run_id`` names
the run the export matches; if a run dies between publish and export, the next
run sees the mismatch and exports again.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import time
from pathlib import Path
from typing import Iterator

import duckdb

from scoop import contract as T, defaults

DB_NAME = "scoop.duckdb"
LOCK_NAME = ".scoop.lock"
PARQUET_DIR = "parquet"
STAGING_DIR = ".staging"
RUN_MARKER = "_run_id"
VIEWS_MARKER = "_views"         # a digest of the view definitions the exported views were made with
# the tables no view reads: a run that changed only these leaves the exported views as they are
LEDGER_TABLES = frozenset({"inputs", "runs", "quarantine"})


class WarehouseBusy(RuntimeError):
    """Another scoop run holds the warehouse lock."""


class WorkingCopyError(OSError):
    """The run's working copy could not be made (disk full, read-only folder); nothing was changed."""


def connect(path: Path, *, read_only: bool = False, memory_limit: str | None = None) -> duckdb.DuckDBPyConnection:
    """``memory_limit``: DuckDB's cap (e.g. "128MB"); a run passes ``defaults.RUN_DUCKDB_MEMORY``."""
    # no extension downloads: offline, and a missing one could hang on DNS (STACK_NOTES)
    config = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    if memory_limit:
        config["memory_limit"] = memory_limit
    return duckdb.connect(str(path), read_only=read_only, config=config)


@contextlib.contextmanager
def run_lock(warehouse: Path, *, wait_seconds: float = 0.0) -> Iterator[None]:
    """Exclusive lock for one run; a second run waits up to ``wait_seconds`` then says why."""
    warehouse.mkdir(parents=True, exist_ok=True)
    lock_path = warehouse / LOCK_NAME
    with lock_path.open("a+") as fh:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    fh.seek(0)
                    holder = fh.read().strip() or "another process"
                    raise WarehouseBusy(
                        f"another scoop run ({holder}) is writing {warehouse}; "
                        "it was left alone. Retry when it finishes, or pass --wait SECONDS.") from None
                time.sleep(0.2)
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables, add columns a newer scoop defines, refresh comments."""
    for statement in T.ddl():
        con.execute(statement)
    existing = {
        (t, c) for t, c in con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main'").fetchall()
    }
    for table in T.TABLES.values():
        for col in table.columns:
            if (table.name, col.name) not in existing:
                con.execute(f'ALTER TABLE {table.name} ADD COLUMN "{col.name}" {col.sql_type}')
    for statement in T.comments():
        con.execute(statement)


class WorkingCopy:
    """A private, writable copy of the published warehouse for one run."""

    def __init__(self, warehouse: Path, run_id: str, *, fresh: bool = False):
        self.warehouse = warehouse
        self.run_id = run_id
        self.published = warehouse / DB_NAME
        self.path = warehouse / f"{DB_NAME}.next"
        self.staging = warehouse / STAGING_DIR / run_id
        self.con: duckdb.DuckDBPyConnection | None = None
        discard_leftovers(warehouse)
        try:
            if self.published.exists() and not fresh:
                shutil.copyfile(self.published, self.path)
            self.con = connect(self.path, memory_limit=defaults.RUN_DUCKDB_MEMORY)
            ensure_schema(self.con)
            self.staging.mkdir(parents=True, exist_ok=True)
        except BaseException as exc:
            # a half-written copy (disk full) must not stay behind and keep the disk full
            self.discard()
            if isinstance(exc, OSError):
                raise WorkingCopyError(
                    exc.errno, f"could not make the working copy {self.path} "
                               f"({exc.strerror or exc}); it was removed and {self.published} is unchanged"
                ) from exc
            raise

    def publish(self) -> None:
        """Checkpoint, close and atomically replace the published file."""
        self.con.execute("CHECKPOINT")
        self.con.close()
        with self.path.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(self.path, self.published)
        _fsync_dir(self.warehouse)
        shutil.rmtree(self.staging, ignore_errors=True)
        shutil.rmtree(f"{self.path}.tmp", ignore_errors=True)     # DuckDB's spill folder

    def discard(self) -> None:
        if self.con is not None:
            with contextlib.suppress(Exception):
                self.con.close()
        self.path.unlink(missing_ok=True)
        Path(f"{self.path}.wal").unlink(missing_ok=True)
        shutil.rmtree(self.staging, ignore_errors=True)
        shutil.rmtree(f"{self.path}.tmp", ignore_errors=True)


def discard_leftovers(warehouse: Path) -> None:
    """Remove what a killed run left behind (its working copy and staging files)."""
    for leftover in (warehouse / f"{DB_NAME}.next", warehouse / f"{DB_NAME}.next.wal"):
        leftover.unlink(missing_ok=True)
    shutil.rmtree(warehouse / STAGING_DIR, ignore_errors=True)
    shutil.rmtree(warehouse / f"{DB_NAME}.next.tmp", ignore_errors=True)    # DuckDB's spill folder
    for tmp in warehouse.glob(f"{PARQUET_DIR}/*.next"):
        shutil.rmtree(tmp, ignore_errors=True)
    for old in warehouse.glob(f"{PARQUET_DIR}/*.old"):
        shutil.rmtree(old, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def last_run_id(con: duckdb.DuckDBPyConnection) -> str | None:
    rows = con.execute("SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1").fetchall()
    return rows[0][0] if rows else None


def export_parquet(warehouse: Path, tables: list[str] | None = None) -> None:
    """Write ``parquet/<table>/data.parquet`` from the published file, one atomic swap per table."""
    root = warehouse / PARQUET_DIR
    root.mkdir(parents=True, exist_ok=True)
    con = connect(warehouse / DB_NAME, read_only=True, memory_limit=defaults.RUN_DUCKDB_MEMORY)
    try:
        run_id = last_run_id(con)
        marker = root / RUN_MARKER
        marker.unlink(missing_ok=True)     # absent while the export is incomplete
        # the views too (parquet/cast/, parquet/claim_facts/, ...): they read every table but the
        # ledger's, so they are exported unless only ledger tables changed and their definitions did not
        from scoop.report.export import VIEWS
        definitions = con.execute("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal "
                                  "ORDER BY view_name").fetchall()
        present = {name for name, _sql in definitions}
        digest = hashlib.sha256(repr(definitions).encode()).hexdigest()
        views_marker = root / VIEWS_MARKER
        stale = (tables is None or not set(tables) <= LEDGER_TABLES or not views_marker.exists()
                 or views_marker.read_text() != digest)
        names = [(t, t) for t in (tables if tables is not None else T.parquet_tables())]
        views = [(f, v) for f, v in VIEWS.items() if v in present] if stale else []
        views_marker.unlink(missing_ok=True)
        for table, source in names + views:
            target = root / table
            tmp = root / f"{table}.next"
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir()
            _write_parquet(con.table(source), tmp)
            if target.exists():
                old = root / f"{table}.old"
                os.replace(target, old)
                os.replace(tmp, target)
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.replace(tmp, target)
        views_marker.write_text(digest)
        marker.write_text(run_id or "")
    finally:
        con.close()


# rows per Parquet row group, and the size past which a table's export goes on in another file.
# Row groups this small, written in DuckDB's file-size mode, are flushed as they fill: exporting
# the sources of 19,043 Reuters articles (16 MB of text) took 31 MB instead of 79 MB.
EXPORT_ROW_GROUP_ROWS = 2048
EXPORT_FILE_BYTES = "256MB"


def _write_parquet(relation, folder: Path) -> None:
    """``folder/data.parquet`` (``data_0.parquet``, ``data_1.parquet``... past ``EXPORT_FILE_BYTES``)."""
    # the relation API takes the path as a value: no quoting of the folder name in SQL
    relation.write_parquet(str(folder), row_group_size=EXPORT_ROW_GROUP_ROWS, file_size_bytes=EXPORT_FILE_BYTES)
    files = list(folder.glob("*.parquet"))
    if len(files) == 1:
        files[0].rename(folder / "data.parquet")


def parquet_is_current(warehouse: Path) -> bool:
    marker = warehouse / PARQUET_DIR / RUN_MARKER
    db = warehouse / DB_NAME
    if not db.exists():
        return True
    if not marker.exists():
        return False
    con = connect(db, read_only=True)
    try:
        return marker.read_text().strip() == (last_run_id(con) or "")
    finally:
        con.close()
