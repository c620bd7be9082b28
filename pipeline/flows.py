"""Prefect flows: the steps of pipeline.ingest and pipeline.sources.runner run as Prefect tasks.

No logic lives here; it is all in plain functions so it can be tested without Prefect.
"""
from __future__ import annotations

import os

# Offline and on a busy 2-core machine: no analytics calls home, and a patient ephemeral server.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from prefect import flow, task, unmapped  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402

from pipeline import ingest as steps  # noqa: E402
from pipeline.errors import InputError  # noqa: E402
from pipeline.sources import runner  # noqa: E402
from pipeline.sources.archive import DEFAULT_ARCHIVE, Archive  # noqa: E402
from pipeline.sources.config import DEFAULT_SOURCES, load_sources, source_named  # noqa: E402
from pipeline.sources.crawl import crawl_source  # noqa: E402
from pipeline.store import open_store  # noqa: E402

DEFAULT_DB = "data/lsg.sqlite"

load_task = task(steps.load_all, name="load-and-parse", cache_policy=NO_CACHE)
# A save that hits a busy database is worth one more try; a document failing is reported anyway.
save_task = task(steps.extract_and_save, name="extract-and-save", cache_policy=NO_CACHE,
                 retries=1, retry_delay_seconds=2)


def _not_input_error(task, task_run, state) -> bool:
    # An InputError comes after the fetcher's own retries of that request: another try would
    # only repeat them. Anything else (a crawl dying as a whole) is worth one more go.
    return not isinstance(state.result(raise_on_failure=False), InputError)


crawl_task = task(crawl_source, name="crawl-source", cache_policy=NO_CACHE,
                  retries=1, retry_delay_seconds=2, retry_condition_fn=_not_input_error)
save_chunk_task = task(runner.save_chunk, name="extract-and-save-chunk", cache_policy=NO_CACHE,
                       retries=1, retry_delay_seconds=2)
reextract_task = task(runner.reextract_documents, name="reextract-batch", cache_policy=NO_CACHE,
                      retries=1, retry_delay_seconds=2)


@flow(name="lsg-ingest", validate_parameters=False)
def ingest_flow(origins: list[str], db: str, source: str | None = None,
                progress: steps.Progress | None = None) -> list[steps.Outcome]:
    store = open_store(db)
    return steps.ingest(origins, store, source=source, progress=progress,
                        load_step=load_task, save_step=save_task)


def _map_chunks(chunks, store, source, raw_meta) -> list:
    """Chunks of a backlog extracted side by side on the flow's task runner (Dask workers)."""
    futures = save_chunk_task.map(chunks, unmapped(str(store.path)), unmapped(source),
                                  raw_meta=unmapped(raw_meta))
    return futures.result()


@flow(name="lsg-ingest-source", validate_parameters=False)
def ingest_source(source: str, sources_file: str = str(DEFAULT_SOURCES), db: str = DEFAULT_DB,
                  archive_dir: str = str(DEFAULT_ARCHIVE), chunk_size: int = 16) -> runner.SourceReport:
    config = source_named(load_sources(sources_file), source)
    return runner.run_source(config, open_store(db), Archive(archive_dir), crawl_step=crawl_task,
                             save_step=save_task, fan_out=_map_chunks, chunk_size=chunk_size)


@flow(name="lsg-ingest-all", validate_parameters=False)
def ingest_all(sources_file: str = str(DEFAULT_SOURCES), db: str = DEFAULT_DB,
               archive_dir: str = str(DEFAULT_ARCHIVE), workers: int = 0) -> list[runner.SourceReport]:
    store = open_store(db)
    each = ingest_source.with_options(task_runner=dask_runner(workers)) if workers else ingest_source
    return runner.run_all(
        load_sources(sources_file),
        lambda config: each(config.name, sources_file, db, archive_dir),
        on_error=lambda config, reason: store.record_source_run(config.name, error=reason))


@flow(name="lsg-reextract", validate_parameters=False)
def reextract(db: str = DEFAULT_DB, batch_size: int = 64) -> list[steps.Outcome]:
    batches = runner.reextract_batches(open_store(db), batch_size)
    futures = reextract_task.map(batches, db=unmapped(db))
    return [outcome for batch in futures.result() for outcome in batch]


def dask_runner(workers: int = 2):
    """A DaskTaskRunner on a local cluster of threads (no subprocesses: fast start, offline)."""
    from prefect_dask import DaskTaskRunner

    return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "processes": False,
                                          "threads_per_worker": 1, "dashboard_address": None})


def source_deployments(sources_file: str = str(DEFAULT_SOURCES), db: str = DEFAULT_DB,
                       archive_dir: str = str(DEFAULT_ARCHIVE)) -> list:
    """One deployment per scheduled source, running ingest_source on its cron schedule."""
    return [ingest_source.to_deployment(
                name=f"source-{config.name}", cron=config.schedule,
                parameters={"source": config.name, "sources_file": sources_file, "db": db,
                            "archive_dir": archive_dir},
                description=f"{config.kind} source {config.location}")
            for config in load_sources(sources_file) if config.schedule]
