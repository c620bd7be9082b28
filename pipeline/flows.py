"""Prefect flows: the ingest sequence of pipeline.ingest with each step run as a Prefect task.

No logic lives here; it is all in pipeline.ingest so it can be tested without Prefect.
"""
from __future__ import annotations

import os

# Offline and on a busy 2-core machine: no analytics calls home, and a patient ephemeral server.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402

from pipeline import ingest as steps  # noqa: E402
from pipeline.store import open_store  # noqa: E402

load_task = task(steps.load_and_parse, name="load-and-parse", cache_policy=NO_CACHE)
save_task = task(steps.extract_and_save, name="extract-and-save", cache_policy=NO_CACHE)


@flow(name="lsg-ingest", validate_parameters=False)
def ingest_flow(origins: list[str], db: str, source: str | None = None,
                progress: steps.Progress | None = None) -> list[steps.Outcome]:
    store = open_store(db)
    return steps.ingest(origins, store, source=source, progress=progress,
                        load_step=load_task, save_step=save_task)
