"""The ingest pipeline's stages as plain functions that return what they did.

The Prefect flow (``flows/ingest.py``) only sequences these stages as tasks;
everything here runs and is tested without Prefect.

    plan_run      list + hash raw files, compare with the ledger -> a WorkPlan (scoop.plan)
    process_batch read, clean, de-duplicate, extract, validate -> staged Parquet and a BatchResult
    process_ahead the same over all batches on worker processes, the next batch read while one extracts
    load_run      one transaction in the working copy: replace rows, ledger, people -> the runs row
    finish_run    publish the working copy atomically, export Parquet -> warnings

``execute`` runs them in order and absorbs each result into the run (``scoop.runstate``).
"""
from __future__ import annotations

import contextlib
import logging
import signal
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

import polars as pl

from scoop import contract as T, defaults
from scoop.extract.base import Document, Extractor
from scoop.extract.runner import Extraction, ExtractorPool, run_extractors
from scoop.ids import stable_id
from scoop.plan import open_run, plan_run
from scoop.read import read_raw
from scoop.read_formats import NotAnArticle, to_article
from scoop.runstate import (BatchResult, Ledger, ProgressHook, RunSettings, RunState, WorkItem, WorkPlan,
                            ledger_row, quarantine_row)
from scoop.loader import load_run, record_run, reject, validated
from scoop.validate import validate_frame
from scoop.warehouse import export_parquet
from scoop.warehouse.store import LEDGER_TABLES

__all__ = ["BatchResult", "Ledger", "ProgressHook", "RunSettings", "RunState", "Stages", "WorkItem", "WorkPlan",
           "execute", "finish_run", "ledger_row", "load_run", "open_run", "plan_run", "process_ahead", "process_batch",
           "quarantine_row", "record_run", "run_ingest"]
log = logging.getLogger("scoop")


# ---------------------------------------------------------------- process
def _source_id(body: str) -> str:
    # whitespace-insensitive: re-wrapping a file does not make it another article
    return stable_id("source", " ".join(body.split()), length=20)


def _quarantine(run: RunState, out: BatchResult, raw, stage: str, reason: str, payload: str | None,
                encoding: str | None = None) -> None:
    record = out.ledger
    record.outcomes[raw.uri] = ledger_row(run.run_id, raw.uri, "quarantined", raw=raw, note=reason,
                                          encoding=encoding)
    record.quarantine.append(quarantine_row(run.run_id, raw.uri, stage, reason, payload=payload))
    record.counts["quarantined"] += 1


def _read_and_clean(run: RunState, out: BatchResult, item: WorkItem, sources: list[dict]) -> None:
    raw, record = item.raw, out.ledger
    with record.timed("read"):
        result = read_raw(raw, max_bytes=run.settings.max_bytes)
    if result.problem:
        _quarantine(run, out, raw, "read", result.problem,
                    result.head.decode("utf-8", "replace") if result.head else None)
        return
    try:        # text, web page or record, by extension (scoop.read_formats); timed per kind
        article, url = to_article(raw, result.text, record.timed)
    except NotAnArticle as exc:
        _quarantine(run, out, raw, "parse", str(exc), result.text[:256], result.encoding)
        return
    notes = result.notes + article.notes
    if not article.body.strip():
        _quarantine(run, out, raw, "parse", "nothing left after cleaning (only boilerplate)", result.text[:256],
                    result.encoding)
        return
    for note in article.notes:
        if "not a valid date" in note:
            record.quarantine.append(quarantine_row(run.run_id, raw.uri, "parse", note, payload=result.text[:256]))
    sid = _source_id(article.body)
    owner = out.owners.get(sid, run.owners.get(sid))
    if owner is not None and owner != raw.uri:
        record.outcomes[raw.uri] = ledger_row(run.run_id, raw.uri, "duplicate", raw=raw, source_id=sid,
                                              note=f"same article as {owner}", encoding=result.encoding)
        record.counts["duplicate"] += 1
        return
    out.owners[sid] = raw.uri
    record.outcomes[raw.uri] = ledger_row(run.run_id, raw.uri, "loaded", raw=raw, source_id=sid,
                                          note="; ".join(notes) or None, encoding=result.encoding)
    record.counts[item.change] += 1
    sources.append({
        "source_id": sid, "uri": url or raw.uri, "title": article.title, "publisher": article.publisher,
        "author": article.author, "published_on": article.published_on,
        "published_on_basis": article.published_on_basis, "body": article.body,
        "word_count": article.word_count, "content_sha256": raw.content_sha256,
        "ingested_at": datetime.now(timezone.utc).replace(tzinfo=None), "notes": "; ".join(notes) or None,
    })


def _stored_sources(run: RunState, out: BatchResult, source_ids: list[str]) -> list[dict]:
    if not source_ids:
        return []
    frame = run.copy.con.sql("SELECT * FROM sources WHERE source_id IN (SELECT unnest($1))",
                             params=[source_ids]).pl()
    out.ledger.counts["reextracted"] += frame.height
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


def prepare_batch(run: RunState, items: list[WorkItem], out: BatchResult,
                  in_flight: set[str] = frozenset()) -> Prepared:
    """Read, clean, de-duplicate and validate one batch's sources (the part before extraction).

    ``out``: the stage's result so far (earlier batches of the same call); what this batch
    records goes there. ``in_flight``: articles of earlier batches still being extracted (the
    look-ahead, ``scoop.lookahead``).
    """
    source_rows: list[dict] = []
    for item in items:
        if item.raw is not None:
            _read_and_clean(run, out, item, source_rows)
    # an article a file of this run already produced is not re-extracted from its stored body as well
    produced = run.written_sources | out.written_sources | in_flight | {r["source_id"] for r in source_rows}
    source_rows += _stored_sources(run, out, [i.source_id for i in items
                                              if i.change == "reextract" and i.source_id not in produced])
    if not source_rows:
        return Prepared(items)
    sources = T.conform(pl.DataFrame(source_rows, schema_overrides=T.polars_schema("sources"),
                                     infer_schema_length=None), "sources")
    uri_of = dict(zip(sources["source_id"], sources["uri"]))
    with out.ledger.timed("validate"):
        checked = validate_frame("sources", sources)
    reject(run.run_id, out.ledger, checked.rejected, uri_of, stage="validate")
    return Prepared(items, checked.valid, uri_of, to_documents(checked.valid))


def finish_batch(run: RunState, prepared: Prepared, extraction: Extraction | None, out: BatchResult) -> BatchResult:
    """Validate the extracted rows and stage them as Parquet (the part after extraction); returns ``out``."""
    sources, uri_of, record = prepared.sources, prepared.uri_of, out.ledger
    if sources is not None:
        record.stage_seconds.update(extraction.seconds)
        for err in extraction.errors:
            record.quarantine.append(quarantine_row(run.run_id, uri_of.get(err.source_id, err.source_id),
                                                    "extract", err.reason, source_id=err.source_id))
        lengths = sources.select("source_id", body_length=pl.col("body").str.len_chars().cast(pl.Int64))
        staged = {"sources": sources}
        with record.timed("validate"):
            for name, frame in extraction.frames.items():
                checked = validate_frame(name, frame, lengths)
                reject(run.run_id, record, checked.rejected, uri_of, stage="validate")
                staged[name] = checked.valid
        staged["extractions"] = validated(run.run_id, record, "extractions", pl.DataFrame(
            [{"source_id": sid, "extractor": n, "version": v, "run_id": run.run_id}
             for sid in sources["source_id"] for n, v in run.settings.versions.items()],
            schema=T.polars_schema("extractions")), uri_of)
        with record.timed("stage"):
            out.batches_written += 1
            number = run.batches_written + out.batches_written
            for name, frame in staged.items():
                if frame.height:
                    folder = run.copy.staging / name
                    folder.mkdir(parents=True, exist_ok=True)
                    T.conform(frame, name).write_parquet(folder / f"batch-{number:05d}.parquet")
        out.written_sources.update(sources["source_id"].to_list())
    out.items += len(prepared.items)
    if run.settings.progress:
        run.settings.progress(len(prepared.items), len(run.work))
    return out


def process_batch(run: RunState, items: list[WorkItem], into: BatchResult | None = None) -> BatchResult:
    """Read, clean, extract and validate one batch; stage the valid rows as Parquet.

    Returns what the batch did, added to ``into`` when given (the earlier batches of one stage call).
    """
    out = BatchResult() if into is None else into
    prepared = prepare_batch(run, items, out)
    extraction = None
    if prepared.sources is not None:
        docs = prepared.docs
        extraction = run.pool.extract(docs) if run.pool else run_extractors(run.settings.extractors, docs)
    return finish_batch(run, prepared, extraction, out)


# ---------------------------------------------------------------- publish
def finish_run(run: RunState, dirty_tables: list[str] | None = None) -> list[str]:
    """Publish the working copy atomically, then export Parquet; returns warnings.

    Once published, the run is committed: an export that fails is a warning (the next run
    redoes it), not a failed run.
    """
    warnings = []
    with run.ledger.timed("publish"):
        run.copy.publish()
    with run.ledger.timed("parquet"):
        try:
            export_parquet(run.settings.warehouse, None if run.export_all else dirty_tables)
        except Exception as exc:  # noqa: BLE001 - the data is committed; say so instead of failing
            message = (f"run {run.run_id} is committed to {run.copy.published}, but the Parquet "
                       f"export failed ({type(exc).__name__}: {exc}); the next run redoes the export")
            warnings.append(message)
            log.warning(message)
    return warnings


# ---------------------------------------------------------------- sequence
def process_ahead(run: RunState, batch_size: int) -> BatchResult:
    """Every batch on the run's worker pool, preparing the next batches while earlier ones extract."""
    from scoop.lookahead import PoolLookAhead

    return PoolLookAhead(run.pool).process_all(run, batch_size)


@dataclass(frozen=True, slots=True)
class Stages:
    """The stage callables; the Prefect flow passes task-wrapped versions.

    ``process``: one batch, in this process; ``process_ahead``: all batches on worker processes.
    """

    plan: Callable[[RunState], WorkPlan] = plan_run
    process: Callable[[RunState, list[WorkItem]], BatchResult] = process_batch
    load: Callable[[RunState], dict] = load_run
    process_ahead: Callable[[RunState, int], BatchResult] = process_ahead


def _process_all(run: RunState, batch_size: int, stages: Stages) -> None:
    settings = run.settings
    if settings.engine is not None:        # a Dask cluster extracts (scoop.dask_engine); the rest stays here
        run.absorb(settings.engine.process_all(run, batch_size))
        return
    # workers pay for their start-up (spawn + spaCy load, ~2 s) only on more than one batch
    if not (settings.workers > 1 and len(run.work) > batch_size):
        for batch in run.plan.batches(batch_size):
            run.absorb(stages.process(run, batch))
        return
    early = settings.pool
    run.pool = early if early is not None and early.fits(settings.extractors, settings.workers) \
        else ExtractorPool(settings.extractors, settings.workers)
    done = False
    try:       # this process reads and stages batches while the workers extract earlier ones
        run.absorb(stages.process_ahead(run, batch_size))
        done = True
    finally:
        # every result is in: the load goes on while the workers exit; a failed or killed run kills them
        run.pool.close(kill=not done, wait=False)
        run.pool = None


def start_pool_early(raw_dir: Path, warehouse: Path, extractors: Callable[[], list[Extractor]], *, workers: int,
                     full: bool, batch_size: int = defaults.BATCH_SIZE) -> ExtractorPool | None:
    """Extraction workers for ``extractors()`` started before the run when it will surely use them, else None.

    Sure: a first run or ``--full`` over more than one batch of files. The workers then load their
    models while the orchestrator starts (Prefect's flow run: about half a second) instead of after
    the plan. Any other run starts them after its plan, if the plan has more than a batch of work:
    a no-change refresh never pays for them.
    """
    from scoop.read import list_raw_files
    from scoop.warehouse import DB_NAME

    workers = workers or defaults.default_workers()     # 0: one per core, as a run takes it
    if workers < 2 or not (full or not (Path(warehouse) / DB_NAME).exists()):
        return None
    try:
        if len(list_raw_files(Path(raw_dir))) <= batch_size:
            return None
    except OSError:
        return None          # the run itself says what is wrong with the folder
    return ExtractorPool(extractors(), workers)     # built only now: making them takes half a second


def execute(settings: RunSettings, *, batch_size: int, stages: Stages = Stages()) -> dict:
    """Plan, process in batches, load, publish; on any failure the published warehouse is untouched."""
    run = open_run(settings)
    try:
        run.adopt(stages.plan(run))
        _process_all(run, batch_size, stages)
        summary = stages.load(run)
        # a run that wrote no article only changed the ledger tables
        dirty = None if run.written_sources or settings.full else sorted(LEDGER_TABLES)
        run.ledger.warnings += finish_run(run, dirty)
    except BaseException:
        run.copy.discard()
        raise
    summary["stage_seconds_total"] = {k: round(v, 3) for k, v in sorted(run.ledger.stage_seconds.items())}
    summary["committed"] = True
    summary["skipped"] = list(run.ledger.skipped)
    summary["warnings"] = list(run.ledger.warnings)
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
               finalizers: list | None = None, full: bool = False, batch_size: int = defaults.BATCH_SIZE,
               max_bytes: int = defaults.MAX_BYTES, wait_seconds: float = 0.0,
               project_root: Path | None = None, progress: ProgressHook | None = None,
               stages: Stages = Stages(), workers: int = 1, engine=None,
               pool: ExtractorPool | None = None) -> dict:
    """One ingest run under the warehouse lock (the flow calls this with Prefect tasks as stages).

    ``engine``: extracts the batches elsewhere (``scoop.dask_engine``) instead of ``stages.process``.
    ``pool``: workers started ahead (``start_pool_early``), used if they fit; the caller closes them.
    The summary is this run's ``runs`` row plus ``committed``, ``skipped``
    (raw-folder entries not ingested, with reasons) and ``warnings``.
    """
    from scoop.warehouse import run_lock

    raw_dir, warehouse = Path(raw_dir), Path(warehouse)
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist")
    with sigterm_unwinds(), run_lock(warehouse, wait_seconds=wait_seconds):
        settings = RunSettings(raw_dir=raw_dir, warehouse=warehouse, project_root=project_root or Path.cwd(),
                               extractors=extractors, finalizers=finalizers or [], full=full,
                               max_bytes=max_bytes, progress=progress, workers=workers, engine=engine,
                               pool=pool)
        return execute(settings, batch_size=batch_size, stages=stages)
