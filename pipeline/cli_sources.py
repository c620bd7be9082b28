"""`lsg run`, `lsg sources`, `lsg serve`, `lsg reextract`: configured sources on a schedule."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from typing import Iterator, Optional

import httpx
import typer
from rich.console import Console
from rich.table import Table

console = Console()
err = Console(stderr=True)

DEFAULT_DB = "data/lsg.sqlite"
SourcesOption = typer.Option("corpora/sources.toml", "--sources", help="Sources file (TOML).")
DbOption = typer.Option(DEFAULT_DB, "--db", envvar="LSG_DB", help="SQLite store (env LSG_DB).")
ArchiveOption = typer.Option("data/archive", "--archive", help="Raw response archive folder.")


def _configs(sources: str):
    from pipeline.sources.config import SourceConfigError, load_sources

    try:
        return load_sources(sources)
    except SourceConfigError as exc:
        err.print(f"error: {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)


def run(sources: str = SourcesOption, db: str = DbOption, archive: str = ArchiveOption,
        only: Optional[str] = typer.Option(None, "--source", help="Run just this source."),
        prefect: bool = typer.Option(True, help="Run as Prefect flows (default) or in-process."),
        workers: int = typer.Option(0, help="Extract a large backlog on this many Dask workers "
                                            "(Prefect only; 0: no Dask).")):
    """Run every source of the file once (only new or changed items are fetched and extracted)."""
    configs = [c for c in _configs(sources) if only in (None, c.name)]
    if not configs:
        err.print(f"error: no source named {only!r} in {sources}")
        raise typer.Exit(2)
    if prefect:
        from pipeline.flows import dask_runner, ingest_all, ingest_source

        one = ingest_source.with_options(task_runner=dask_runner(workers)) if workers else ingest_source
        reports = [one(only, sources, db, archive)] if only else ingest_all(sources, db, archive, workers)
    else:
        from pipeline.sources.archive import Archive
        from pipeline.sources.runner import run_all, run_source
        from pipeline.store import open_store

        store, kept = open_store(db), Archive(archive)
        reports = run_all(configs, lambda config: run_source(config, store, kept),
                          on_error=lambda config, reason: store.record_source_run(config.name, error=reason))
    for report in reports:
        style = "red" if report.error else "green"
        console.print(f"[{style}]{report.summary()}[/{style}]", highlight=False, soft_wrap=True)
        for outcome in report.outcomes:
            if outcome.status in ("failed", "skipped"):
                err.print(f"  {outcome.status}: {outcome.origin}: {outcome.reason}",
                          highlight=False, soft_wrap=True)
    if all(report.error for report in reports):
        raise typer.Exit(1)


def sources(sources: str = SourcesOption, db: str = DbOption):
    """List configured sources with their last run, item counts and errors."""
    from pipeline.store import open_store

    configs = _configs(sources)
    stored = {row["name"]: row for row in open_store(db).source_summaries()}
    table = Table(title=f"sources in {sources} (store {db})")
    for column in ("name", "kind", "schedule", "location", "last run (UTC)", "seen", "new",
                   "updated", "failed", "docs", "last error"):
        table.add_column(column, overflow="fold")
    for config in configs:
        row = stored.get(config.name, {})
        last = row.get("last_run_at")
        table.add_row(config.name, config.kind, config.schedule or "-", config.location,
                      last.strftime("%Y-%m-%d %H:%M") if last else "never",
                      *(str(row.get(k, 0)) for k in ("items_seen", "items_new", "items_updated",
                                                      "items_failed", "documents")),
                      row.get("last_error") or "")
    Console().print(table)


def reextract(db: str = DbOption,
              workers: int = typer.Option(0, help="Dask workers for a large backlog (0: no Dask)."),
              batch_size: int = typer.Option(64, help="Documents per extraction task.")):
    """Extract stored documents again after the extractor changed: no re-fetch, reviews kept."""
    from pipeline.flows import dask_runner
    from pipeline.flows import reextract as reextract_flow

    flow = reextract_flow.with_options(task_runner=dask_runner(workers)) if workers else reextract_flow
    outcomes = flow(db, batch_size)
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    console.print(f"{len(outcomes)} documents re-extracted: "
                  + (", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "none stale"))


def serve(sources: str = SourcesOption, db: str = DbOption, archive: str = ArchiveOption,
          port: int = typer.Option(4200, help="Port of the Prefect server started when "
                                              "PREFECT_API_URL is not set.")):
    """Register one deployment per scheduled source and keep running them on their cron."""
    _configs(sources)  # a bad file fails here, before any server starts
    from pipeline.flows import source_deployments

    deployments = source_deployments(sources, db, archive)
    if not deployments:
        err.print(f"error: no source in {sources} has a schedule")
        raise typer.Exit(2)
    with _prefect_api(port) as api:
        import prefect

        console.print(f"serving {len(deployments)} scheduled sources against {api}: "
                      + ", ".join(d.name for d in deployments))
        prefect.serve(*deployments)


@contextmanager
def _prefect_api(port: int) -> Iterator[str]:
    """The API at PREFECT_API_URL, or a Prefect server started on 127.0.0.1 for as long as we run."""
    if os.environ.get("PREFECT_API_URL"):
        yield os.environ["PREFECT_API_URL"]
        return
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            err.print(f"error: 127.0.0.1:{port} is taken; set PREFECT_API_URL or pass --port")
            raise typer.Exit(2)
    prefect_cli = shutil.which("prefect") or os.path.join(os.path.dirname(os.sys.executable), "prefect")
    server = subprocess.Popen([prefect_cli, "server", "start", "--host", "127.0.0.1",
                               "--port", str(port)], env=os.environ.copy())
    api = f"http://127.0.0.1:{port}/api"
    try:
        _wait_healthy(api, server)
        os.environ["PREFECT_API_URL"] = api
        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings(updates={PREFECT_API_URL: api}):
            yield api
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_healthy(api: str, server: subprocess.Popen, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"prefect server exited with status {server.returncode}")
        try:
            if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise RuntimeError(f"prefect server at {api} not healthy after {timeout:g} s")


def register(app: typer.Typer) -> None:
    for command in (run, sources, serve, reextract):
        app.command()(command)
