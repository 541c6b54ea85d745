"""The run's per-input records kept as frames: the work list and the rows by uri (``scoop.runstate``)."""
from pathlib import Path

import polars as pl

from scoop.read import RawFile
from scoop.runstate import KeyedRows, Ledger, WorkItem, WorkList, ledger_row


def _raw(n: int, **extra) -> RawFile:
    return RawFile(Path(f"raw/{n:03d}.txt"), f"raw/{n:03d}.txt", 10 + n, f"{n:064x}", **extra)


def test_work_list_gives_back_every_item_in_order_in_batches(monkeypatch):
    monkeypatch.setattr(WorkList, "CHUNK", 4)          # several frames and a pending tail
    items = [WorkItem(_raw(n), "new" if n % 2 else "changed", prev_source_id="p" if n % 3 else None)
             for n in range(9)]
    items.append(WorkItem(_raw(9, record=2, offset=5, length=7), "new"))
    items.append(WorkItem(_raw(10, record=3, payload=b'{"text": "x"}'), "new"))
    items.append(WorkItem(change="reextract", source_id="s1"))
    work = WorkList(items[:5])
    work += items[5:]
    assert len(work) == 12 and work
    batches = list(work.batches(5))
    assert [len(b) for b in batches] == [5, 5, 2]
    assert [i for b in batches for i in b] == items        # RawFile, Path and record fields intact
    assert not WorkList() and list(WorkList().batches(3)) == []


def test_rows_by_uri_keep_the_last_row_set_for_a_uri(monkeypatch):
    monkeypatch.setattr(KeyedRows, "CHUNK", 2)
    first, later = Ledger(), Ledger()
    first.outcomes["raw/a"] = ledger_row("r1", "raw/a", "loaded", raw=_raw(1), source_id="s1")
    first.outcomes["raw/b"] = ledger_row("r1", "raw/b", "quarantined", note="empty")
    first.outcomes["raw/c"] = ledger_row("r1", "raw/c", "duplicate", raw=_raw(3))
    first.outcomes["raw/b"] = ledger_row("r1", "raw/b", "loaded", raw=_raw(2), source_id="s2")  # a later row wins
    later.outcomes["raw/c"] = ledger_row("r1", "raw/c", "quarantined", note="gone")
    first.merge(later)
    frame = first.outcomes.frame()
    assert frame["uri"].to_list() == ["raw/a", "raw/b", "raw/c"]
    assert frame["status"].to_list() == ["loaded", "loaded", "quarantined"]
    assert frame["source_id"].to_list() == ["s1", "s2", None]
    assert first.outcomes.count("status", "quarantined") == 1


def test_file_stats_rows_are_tuples_without_the_uri():
    ledger = Ledger()
    ledger.file_stats["raw/a"] = (10, 1, 2, 3, "ab" * 32, 4)
    frame = ledger.file_stats.frame()
    assert frame.row(0) == ("raw/a", 10, 1, 2, 3, "ab" * 32, 4)
    assert Ledger().file_stats.frame().schema == frame.schema and Ledger().file_stats.frame().height == 0
    assert isinstance(frame, pl.DataFrame)
