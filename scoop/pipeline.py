"""The ingest pipeline's stages as plain functions over a ``RunState``.

The Prefect flow (``flows/ingest.py``) only sequences these stages as tasks;
everything here runs and is tested without Prefect.

    plan_run      list + hash raw files, compare with the ledger -> what to do (scoop.plan)
    process_batch read, clean, de-duplicate, extract, validate -> staged Parquet
    load_run      one transaction in the working copy: replace rows, ledger, people
    finish_run    publish the working copy atomically, export Parquet
"""
from __future__ import annotations

import contextlib
import json
import logging
import signal
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

import polars as pl

from scoop import contract as T, filestats
from scoop.extract.base import Document, Extractor
from scoop.extract.runner import Extraction, ExtractorPool, run_extractors
from scoop.ids import stable_id
from scoop.plan import open_run, plan_run
from scoop.read import DEFAULT_MAX_BYTES, read_raw
from scoop.read_formats import NotAnArticle, to_article
from scoop.runstate import ProgressHook, RunState, WorkItem, ledger_row, quarantine_row
from scoop.validate import validate_frame, validate_quarantine, validate_stored
from scoop.warehouse import export_parquet

__all__ = ["ProgressHook", "RunState", "Stages", "WorkItem", "execute", "finish_run", "ledger_row", "load_run",
           "open_run", "plan_run", "process_batch", "quarantine_row", "run_ingest"]
log = logging.getLogger("scoop")


# ---------------------------------------------------------------- process
def _source_id(body: str) -> str:
    # whitespace-insensitive: re-wrapping a file does not make it another article
    return stable_id("source", " ".join(body.split()), length=20)


def _quarantine(state: RunState, raw, stage: str, reason: str, payload: str | None,
                encoding: str | None = None) -> None:
    state.outcomes[raw.uri] = ledger_row(state, raw.uri, "quarantined", raw=raw, note=reason, encoding=encoding)
    state.quarantine.append(quarantine_row(state, raw.uri, stage, reason, payload=payload))
    state.counts["quarantined"] += 1


def _read_and_clean(state: RunState, item: WorkItem, sources: list[dict]) -> None:
    raw = item.raw
    with state.timed("read"):
        result = read_raw(raw, max_bytes=state.max_bytes)
    if result.problem:
        _quarantine(state, raw, "read", result.problem, result.head.decode("utf-8", "replace") if result.head else None)
        return
    try:        # text, web page or record, by extension (scoop.read_formats); timed per kind
        article, url = to_article(raw, result.text, state.timed)
    except NotAnArticle as exc:
        _quarantine(state, raw, "parse", str(exc), result.text[:256], result.encoding)
        return
    notes = result.notes + article.notes
    if not article.body.strip():
        _quarantine(state, raw, "parse", "nothing left after cleaning (only boilerplate)", result.text[:256],
                    result.encoding)
        return
    for note in article.notes:
        if "not a valid date" in note:
            state.quarantine.append(quarantine_row(state, raw.uri, "parse", note, payload=result.text[:256]))
    sid = _source_id(article.body)
    owner = state.owners.get(sid)
    if owner is not None and owner != raw.uri:
        state.outcomes[raw.uri] = ledger_row(state, raw.uri, "duplicate", raw=raw, source_id=sid,
                                             note=f"same article as {owner}", encoding=result.encoding)
        state.counts["duplicate"] += 1
        return
    state.owners[sid] = raw.uri
    state.outcomes[raw.uri] = ledger_row(state, raw.uri, "loaded", raw=raw, source_id=sid,
                                         note="; ".join(notes) or None, encoding=result.encoding)
    state.counts[item.change] += 1
    sources.append({
        "source_id": sid, "uri": url or raw.uri, "title": article.title, "publisher": article.publisher,
        "author": article.author, "published_on": article.published_on,
        "published_on_basis": article.published_on_basis, "body": article.body,
        "word_count": article.word_count, "content_sha256": raw.content_sha256,
        "ingested_at": datetime.now(timezone.utc).replace(tzinfo=None), "notes": "; ".join(notes) or None,
    })


def _stored_sources(state: RunState, source_ids: list[str]) -> list[dict]:
    if not source_ids:
        return []
    frame = state.copy.con.sql("SELECT * FROM sources WHERE source_id IN (SELECT unnest($1))",
                                   params=[source_ids]).pl()
    state.counts["reextracted"] += frame.height
    return list(frame.iter_rows(named=True))


def to_documents(sources: pl.DataFrame) -> list[Document]:
    return [Document(source_id=r["source_id"], body=r["body"], title=r["title"], publisher=r["publisher"],
                     author=r["author"], published_on=r["published_on"],
                     published_on_basis=r["published_on_basis"])
            for r in sources.iter_rows(named=True)]


@dataclass(slots=True)
class Prepared:
    """One batch read, cleaned and validated, ready for extraction (``docs``)."""

    items: list[WorkItem]
    sources: pl.DataFrame | None = None
    uri_of: dict[str, str] | None = None
    docs: list[Document] = field(default_factory=list)


def prepare_batch(state: RunState, items: list[WorkItem], in_flight: set[str] = frozenset()) -> Prepared:
    """Read, clean, de-duplicate and validate one batch's sources (the part before extraction).

    ``in_flight``: articles of earlier batches still being extracted (a Dask run's look-ahead).
    """
    source_rows: list[dict] = []
    for item in items:
        if item.raw is not None:
            _read_and_clean(state, item, source_rows)
    # an article a file of this run already produced is not re-extracted from its stored body as well
    produced = state.written_sources | in_flight | {r["source_id"] for r in source_rows}
    source_rows += _stored_sources(state, [i.source_id for i in items
                                           if i.change == "reextract" and i.source_id not in produced])
    if not source_rows:
        return Prepared(items)
    sources = T.conform(pl.DataFrame(source_rows, schema_overrides=T.polars_schema("sources"),
                                     infer_schema_length=None), "sources")
    uri_of = dict(zip(sources["source_id"], sources["uri"]))
    with state.timed("validate"):
        checked = validate_frame("sources", sources)
    _reject(state, checked.rejected, uri_of, stage="validate")
    return Prepared(items, checked.valid, uri_of, to_documents(checked.valid))


def finish_batch(state: RunState, prepared: Prepared, extraction: Extraction | None) -> int:
    """Validate the extracted rows and stage them as Parquet (the part after extraction)."""
    sources, uri_of = prepared.sources, prepared.uri_of
    if sources is not None:
        state.stage_seconds.update(extraction.seconds)
        for err in extraction.errors:
            state.quarantine.append(quarantine_row(state, uri_of.get(err.source_id, err.source_id), "extract",
                                                   err.reason, source_id=err.source_id))
        lengths = sources.select("source_id", body_length=pl.col("body").str.len_chars().cast(pl.Int64))
        staged = {"sources": sources}
        with state.timed("validate"):
            for name, frame in extraction.frames.items():
                checked = validate_frame(name, frame, lengths)
                _reject(state, checked.rejected, uri_of, stage="validate")
                staged[name] = checked.valid
        staged["extractions"] = _validated(state, "extractions", pl.DataFrame(
            [{"source_id": sid, "extractor": n, "version": v, "run_id": state.run_id}
             for sid in sources["source_id"] for n, v in state.versions.items()],
            schema=T.polars_schema("extractions")), uri_of)
        with state.timed("stage"):
            state.batches_written += 1
            for name, frame in staged.items():
                if frame.height:
                    folder = state.copy.staging / name
                    folder.mkdir(parents=True, exist_ok=True)
                    T.conform(frame, name).write_parquet(folder / f"batch-{state.batches_written:05d}.parquet")
        state.written_sources.update(sources["source_id"].to_list())
    if state.progress:
        state.progress(len(prepared.items), len(state.work))
    return len(prepared.items)


def process_batch(state: RunState, items: list[WorkItem]) -> int:
    """Read, clean, extract and validate one batch; stage the valid rows as Parquet."""
    prepared = prepare_batch(state, items)
    extraction = None
    if prepared.sources is not None:
        docs = prepared.docs
        extraction = state.pool.extract(docs) if state.pool else run_extractors(state.extractors, docs)
    return finish_batch(state, prepared, extraction)


def _reject(state: RunState, rejected: list[dict], uri_of: dict[str, str], *, stage: str) -> None:
    for row in rejected:
        sid = row.get("source_id")
        state.quarantine.append(quarantine_row(
            state, row.get("uri") or uri_of.get(sid, sid or "?"), stage, row["reason"], payload=row["payload"],
            table_name=row["table_name"], source_id=sid))
        state.counts["rows_quarantined"] += 1


def _validated(state: RunState, table: str, frame: pl.DataFrame, uri_of: dict | None = None) -> pl.DataFrame:
    checked = validate_frame(table, frame)
    _reject(state, checked.rejected, uri_of or {}, stage="validate")
    return checked.valid


# ---------------------------------------------------------------- load
def load_run(state: RunState) -> dict:
    """Apply the run to the working copy in one transaction."""
    con = state.copy.con
    per_source = [t.name for t in T.TABLES.values() if t.per_source]
    with state.timed("load"):
        con.execute("BEGIN TRANSACTION")
        written = sorted(state.written_sources)
        if written:
            for table in per_source:
                con.execute(f"DELETE FROM {table} WHERE source_id IN (SELECT unnest($1))", [written])
            for table in per_source:
                files = sorted(str(f) for f in (state.copy.staging / table).glob("*.parquet"))
                if files:
                    cols = ", ".join(f'"{c}"' for c in T.TABLES[table].column_names)
                    con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM "
                                "read_parquet($1, union_by_name = true)", [files])
        # the ledger: one row per raw input, replaced for every input this run looked at
        inputs = T.conform(pl.DataFrame(list(state.outcomes.values()), schema=T.polars_schema("inputs")), "inputs")
        inputs = _validated(state, "inputs", inputs)
        con.register("run_inputs", inputs)
        con.execute("DELETE FROM inputs WHERE uri IN (SELECT uri FROM run_inputs)")
        con.execute("INSERT INTO inputs SELECT * FROM run_inputs")
        con.unregister("run_inputs")
        filestats.save(con, state.file_stats)
        # quarantine holds current problems: a re-read input or re-extracted article replaces its old ones
        reread = sorted(state.reread_uris)
        if state.full:                   # every input re-read, every article re-extracted
            con.execute("DELETE FROM quarantine")
        con.execute("DELETE FROM quarantine WHERE uri IN (SELECT unnest($1))", [reread or [""]])
        con.execute("DELETE FROM quarantine WHERE source_id IN (SELECT unnest($1))", [written or [""]])
        if state.quarantine:
            q = validate_quarantine(T.conform(pl.DataFrame(state.quarantine, schema=T.polars_schema("quarantine")),
                                              "quarantine"), state.run_id)
            con.register("run_quarantine", q)
            con.execute("INSERT INTO quarantine SELECT * FROM run_quarantine")
            con.unregister("run_quarantine")
        # an article no input refers to any more (its file was edited into another) goes with its rows
        for table in per_source:
            con.execute(f"DELETE FROM {table} WHERE source_id NOT IN "
                        "(SELECT source_id FROM inputs WHERE source_id IS NOT NULL)")
        con.execute("COMMIT")
    if written or state.full:
        for finalize in state.finalizers:
            with state.timed(f"finalize:{finalize.__name__}"):
                finalize(con)
        for table in T.tables_written(T.REBUILD):     # people: validated where it is rebuilt
            rejected = validate_stored(con, table, state.run_id)
            state.quarantine += rejected
            state.counts["rows_quarantined"] += len(rejected)
    with state.timed("views"):
        from scoop.warehouse.views import create_views
        create_views(con)
    return record_run(state)


def record_run(state: RunState, status: str | None = None) -> dict:
    c = state.counts
    quarantined_now = sum(1 for r in state.outcomes.values() if r["status"] == "quarantined")
    status = status or ("partial" if quarantined_now or state.quarantine else "success")
    row = {
        "run_id": state.run_id, "started_at": state.started_at,
        "finished_at": datetime.now(timezone.utc).replace(tzinfo=None), "status": status,
        "read": c["read"], "new": c["new"], "changed": c["changed"], "unchanged": c["unchanged"],
        "duplicate": c["duplicate"], "quarantined": c["quarantined"], "missing": c["missing"],
        "reextracted": c["reextracted"], "rows_quarantined": c["rows_quarantined"],
        "full_rebuild": state.full, "extractor_versions": json.dumps(state.versions, sort_keys=True),
        "stage_seconds": json.dumps({k: round(v, 3) for k, v in sorted(state.stage_seconds.items())}),
    }
    con = state.copy.con
    frame = T.conform(pl.DataFrame([row], schema=T.polars_schema("runs")), "runs")
    con.register("this_run", frame)
    con.execute("INSERT INTO runs SELECT * FROM this_run")
    con.unregister("this_run")
    return row


def finish_run(state: RunState, dirty_tables: list[str] | None = None) -> None:
    """Publish the working copy atomically, then export Parquet.

    Once published, the run is committed: an export that fails is reported in
    ``state.warnings`` (the next run redoes it), not raised as a failed run.
    """
    with state.timed("publish"):
        state.copy.publish()
    with state.timed("parquet"):
        try:
            export_parquet(state.warehouse, None if state.export_all else dirty_tables)
        except Exception as exc:  # noqa: BLE001 - the data is committed; say so instead of failing
            message = (f"run {state.run_id} is committed to {state.copy.published}, but the Parquet "
                       f"export failed ({type(exc).__name__}: {exc}); the next run redoes the export")
            state.warnings.append(message)
            log.warning(message)


# ---------------------------------------------------------------- sequence
@dataclass(frozen=True, slots=True)
class Stages:
    """The stage callables; the Prefect flow passes task-wrapped versions."""

    plan: Callable[[RunState], object] = plan_run
    process: Callable[[RunState, list[WorkItem]], object] = process_batch
    load: Callable[[RunState], dict] = load_run


def _process_all(state: RunState, batch_size: int, stages: Stages) -> None:
    if state.engine is not None:        # a Dask cluster extracts (scoop.dask_engine); the rest stays here
        state.engine.process_all(state, batch_size)
        return
    # workers pay for their start-up (spawn + spaCy load, ~2 s) only on more than one batch
    if state.workers > 1 and len(state.work) > batch_size:
        state.pool = ExtractorPool(state.extractors, state.workers)
    done = False
    try:
        for batch in state.batches(batch_size):
            stages.process(state, batch)
        done = True
    finally:
        if state.pool:
            state.pool.close(kill=not done)     # a failed or killed run does not wait for its workers
            state.pool = None


def execute(state: RunState, *, batch_size: int, stages: Stages = Stages()) -> dict:
    """Plan, process in batches, load, publish; on any failure the published warehouse is untouched."""
    open_run(state)
    try:
        stages.plan(state)
        _process_all(state, batch_size, stages)
        summary = stages.load(state)
        # a run that wrote no article only changed the ledger tables
        dirty = None if state.written_sources or state.full else ["inputs", "runs", "quarantine"]
        finish_run(state, dirty)
    except BaseException:
        state.copy.discard()
        raise
    summary["stage_seconds_total"] = {k: round(v, 3) for k, v in sorted(state.stage_seconds.items())}
    summary["committed"] = True
    summary["skipped"] = list(state.skipped)
    summary["warnings"] = list(state.warnings)
    return summary


class Terminated(SystemExit):
    """SIGTERM arrived during a run: unwind (stop workers, drop the working copy), exit 143."""


@contextlib.contextmanager
def sigterm_unwinds() -> Iterator[None]:
    """Turn SIGTERM into ``Terminated`` while a run is under way (main thread only).

    Without it, ``timeout`` or a service stop ends the process with no clean-up:
    extraction workers and the working copy stay behind.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_sigterm(signum, frame):
        raise Terminated(128 + signal.SIGTERM)

    previous = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run_ingest(raw_dir: Path, warehouse: Path, *, extractors: list[Extractor],
               finalizers: list | None = None, full: bool = False, batch_size: int = 64,
               max_bytes: int = DEFAULT_MAX_BYTES, wait_seconds: float = 0.0,
               project_root: Path | None = None, progress: ProgressHook | None = None,
               stages: Stages = Stages(), workers: int = 1, engine=None) -> dict:
    """One ingest run under the warehouse lock (the flow calls this with Prefect tasks as stages).

    ``engine``: extracts the batches elsewhere (``scoop.dask_engine``) instead of ``stages.process``.
    The summary is this run's ``runs`` row plus ``committed``, ``skipped``
    (raw-folder entries not ingested, with reasons) and ``warnings``.
    """
    from scoop.warehouse import run_lock

    raw_dir, warehouse = Path(raw_dir), Path(warehouse)
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist")
    with sigterm_unwinds(), run_lock(warehouse, wait_seconds=wait_seconds):
        state = RunState(raw_dir=raw_dir, warehouse=warehouse, project_root=project_root or Path.cwd(),
                         extractors=extractors, finalizers=finalizers or [], full=full,
                         max_bytes=max_bytes, progress=progress, workers=workers, engine=engine)
        return execute(state, batch_size=batch_size, stages=stages)
