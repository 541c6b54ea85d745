"""File metadata first, hashing only what changed: what keeps a no-change refresh cheap.

The plan stage must know whether each raw file changed since the last run.
Hashing every file makes that cost grow with the corpus, so each run also
records every file's ``stat`` (size, mtime, ctime, inode) with the hash it
had, in the ``input_stats`` table beside the ``inputs`` ledger. The next run
trusts the stored hash of a file whose stat is identical and hashes the rest.

A file modified within ``RACY_NS`` of the moment its stat was taken could be
written again within the same timestamp tick; such a file is hashed again
(git's "racily clean" rule). ``--full`` hashes everything. Records files
(``.jsonl``, ``.json``) are always read: each record is hashed on its own
(``scoop.read_records``).
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Iterator

import duckdb
import polars as pl

from scoop.contract.derive import sql_literal
from scoop.read import Listing, RawFile, hash_file, unreadable_reason, uri_for
from scoop.read_records import is_records_file

TABLE = "input_stats"
# a file changed this close to its last stat may have changed again within one timestamp tick
RACY_NS = 2_000_000_000
COLUMNS = (
    ("uri", "VARCHAR", "the raw input (inputs.uri)"),
    ("size_bytes", "BIGINT", "size when its stat was taken"),
    ("mtime_ns", "BIGINT", "modification time, nanoseconds since the epoch"),
    ("ctime_ns", "BIGINT", "status change time, nanoseconds since the epoch"),
    ("inode", "BIGINT", "inode number"),
    ("content_sha256", "VARCHAR", "sha256 of its bytes with that stat"),
    ("checked_ns", "BIGINT", "when the stat was taken, nanoseconds since the epoch"),
)
SCHEMA = {name: (pl.Utf8 if sql == "VARCHAR" else pl.Int64) for name, sql, _ in COLUMNS}
Stat = tuple[int, int, int, int]        # size, mtime_ns, ctime_ns, inode


def ensure_table(con: duckdb.DuckDBPyConnection) -> None:
    cols = ", ".join(f"{name} {sql}" for name, sql, _ in COLUMNS)
    con.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} ({cols})")
    doc = "(scoop) Each raw file's stat when last seen, with its hash: a file whose stat is unchanged is not hashed again"
    con.execute(f"COMMENT ON TABLE {TABLE} IS {sql_literal(doc)}")
    for name, _, comment in COLUMNS:
        con.execute(f"COMMENT ON COLUMN {TABLE}.{name} IS {sql_literal(comment)}")


def load(con: duckdb.DuckDBPyConnection) -> dict[str, tuple]:
    """uri -> (size, mtime_ns, ctime_ns, inode, sha256, checked_ns) from the last run."""
    ensure_table(con)
    names = ", ".join(name for name, _, _ in COLUMNS)
    return {row[0]: row[1:] for row in con.execute(f"SELECT {names} FROM {TABLE}").fetchall()}


def save(con: duckdb.DuckDBPyConnection, stats: pl.DataFrame, *, chunk: int) -> None:
    """Replace the table with this run's stats (``SCHEMA``; files gone from the raw folder drop out),
    ``chunk`` rows at a time."""
    ensure_table(con)
    con.execute(f"DELETE FROM {TABLE}")
    for start in range(0, stats.height, chunk):
        frame = stats.slice(start, chunk)
        con.register("run_input_stats", frame)
        con.execute(f"INSERT INTO {TABLE} SELECT * FROM run_input_stats")
        con.unregister("run_input_stats")


def stat_of(path: Path) -> Stat:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def trusted(known: tuple | None, now: Stat) -> str | None:
    """The stored hash when ``now`` is the stat it was taken with (and not racily close to it)."""
    if known is None or tuple(known[:4]) != now:
        return None
    # a write sets mtime (and ctime); mtime is the one a user may set back (touch -d, cp -p, rsync -t)
    if now[1] >= known[5] - RACY_NS:
        return None
    return known[4]


def scan(raw_dir: Path, listing: Listing, known: dict[str, tuple], stats_out, *,
         trust: bool = True) -> Iterator[RawFile | tuple[Path, str]]:
    """``scoop.read.scan`` that reuses the stored hash of files whose stat is unchanged.

    ``stats_out`` receives uri -> the stat row to store (``SCHEMA`` without the uri) for every file
    hashed or trusted (``scoop.runstate.KeyedRows``, or a dict).
    ``trust`` False (``--full``) hashes every file.
    """
    yield from listing.problems
    for path in listing.files:
        uri = uri_for(path, raw_dir)
        try:
            now = stat_of(path)          # before hashing: a write during the hash changes it again
            checked_ns = time.time_ns()
            sha = trusted(known.get(uri), now) if trust and not is_records_file(path) else None
            size = now[0]
            if sha is None:
                size, sha = hash_file(path)
        except OSError as exc:
            yield path, unreadable_reason(exc)
            continue
        stats_out[uri] = (*now, sha, checked_ns)
        yield RawFile(path=path, uri=uri, size_bytes=size, content_sha256=sha)
