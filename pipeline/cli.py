"""The `lsg` command line. Thin: each command parses options and calls one stage."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

app = typer.Typer(help="lsg: Leading Small Groups text-mining pipeline.", no_args_is_help=True,
                  add_completion=False)
console = Console()
err = Console(stderr=True)

DEFAULT_DB = "data/lsg.sqlite"
DbOption = typer.Option(DEFAULT_DB, "--db", envvar="LSG_DB", help="SQLite store (env LSG_DB).")


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True)


@app.command()
def ingest(inputs: list[str] = typer.Argument(..., help="Files, directories or http(s) URLs."),
           db: str = DbOption,
           strict: bool = typer.Option(False, help="Exit non-zero if any input fails."),
           prefect: bool = typer.Option(True, help="Run as a Prefect flow (default) or in-process.")):
    """Fetch, parse, extract and store documents. Idempotent: unchanged documents add nothing."""
    from pipeline.fetch import discover_inputs

    origins = discover_inputs(inputs)
    if not origins:
        err.print("error: no supported inputs (.txt, .html, .htm, .pdf or http(s) URLs) found")
        raise typer.Exit(2)
    with _progress() as bar:
        task = bar.add_task("ingesting", total=len(origins))
        tick = lambda origin: bar.advance(task)  # noqa: E731
        if prefect:
            from pipeline.flows import ingest_flow

            outcomes = ingest_flow(origins, db, progress=tick)
        else:
            from pipeline.ingest import ingest as run_ingest
            from pipeline.store import open_store

            outcomes = run_ingest(origins, open_store(db), progress=tick)
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
        if o.status == "failed":
            err.print(f"[red]error[/red]: {o.origin}: {o.reason}", highlight=False, soft_wrap=True)
        for warning in o.warnings:
            err.print(f"[yellow]warning[/yellow]: {o.origin}: {warning}", highlight=False, soft_wrap=True)
    added = sum(o.facts_added for o in outcomes)
    console.print(f"{len(outcomes)} inputs: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
                  + f"; {added} facts added; store {db}")
    failed = counts.get("failed", 0)
    if failed == len(outcomes) or (strict and failed):
        raise typer.Exit(1)


EXPORT_FORMATS = ("jsonl", "csv", "parquet", "ftm", "gexf")


@app.command()
def export(fmt: str = typer.Option("jsonl", "--format", help=", ".join(EXPORT_FORMATS) + "."),
           out: Path = typer.Option(..., "--out", help="File to write (a manifest goes beside it)."),
           status: str = typer.Option("accepted", help="accepted, pending, rejected or all."),
           tenures: bool = typer.Option(False, "--tenures",
                                        help="One row per tenure (person, role, body lineage) "
                                             "instead of one per fact."),
           db: str = DbOption):
    """Write stored facts (or tenures) as JSONL (the scorer's record format), CSV, Parquet,
    FollowTheMoney entities or GEXF, with OUT.manifest.json beside the file."""
    from pipeline.export import export as run_export
    from pipeline.store import open_store

    if fmt not in EXPORT_FORMATS:
        err.print(f"error: unknown format {fmt!r} (use {', '.join(EXPORT_FORMATS)})")
        raise typer.Exit(2)
    if status not in ("accepted", "pending", "rejected", "all"):
        err.print(f"error: unknown status {status!r}")
        raise typer.Exit(2)
    store = open_store(db)
    if tenures:
        from pipeline.tenures import infer_ends

        new_ends = infer_ends(store)
        if new_ends:
            err.print(f"{new_ends} new inferred end dates await review")
    n = run_export(store, fmt, out, status=status, tenures=tenures)
    console.print(f"wrote {n} {'tenures from ' if tenures else ''}{status} facts to {out}"
                  f" (manifest {out}.manifest.json)")


@app.command()
def plot(what: str = typer.Argument(..., help="group or person."),
         name: str = typer.Argument(..., help="A name in any script, an alias or an abbreviation."),
         out: Path = typer.Option(..., "--out", help="Picture to write: .png or .svg."),
         status: str = typer.Option("accepted", help="Facts to draw from: accepted, pending, "
                                                      "rejected or all."),
         db: str = DbOption):
    """Draw a timeline of a body's leadership or of a person's roles."""
    from pipeline.plot import PlotError, timeline
    from pipeline.store import open_store

    if what not in ("group", "person"):
        err.print(f"error: plot group NAME or plot person NAME, not {what!r}")
        raise typer.Exit(2)
    if out.suffix.lower() not in (".png", ".svg"):
        err.print(f"error: {out}: the picture must be .png or .svg")
        raise typer.Exit(2)
    try:
        picture = timeline(open_store(db), what, name, fmt=out.suffix[1:].lower(), status=status)
    except PlotError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(1)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(picture)
    console.print(f"wrote {out}")


@app.command()
def evaluate(gold: Path = typer.Option(..., "--gold", help="Directory of NNN.txt + NNN.gold.json."),
             as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
             floors: Optional[Path] = typer.Option(
                 None, help="JSON of minimum figures ({'memberships/en.f1': 0.9, ...}), or such objects "
                            "keyed by gold directory name; exit 1 below them."),
             errors: bool = typer.Option(False, help="Also list misses and false positives."),
             via: str = typer.Option("text", "--via",
                                     help="How the gold texts reach lsg: text (files), html (web "
                                          "pages in their sites' charsets), feed (an RSS feed of "
                                          "those pages) or pdf (two-column reports).")):
    """Run the whole pipeline over gold texts and print P/R/F1 per language and role."""
    from pipeline.quality import below_floors, floors_for, run_evaluation
    from pipeline.renditions import VIAS
    from pipeline.renditions.pdf_report import FontMissing

    if not gold.is_dir():
        err.print(f"error: {gold}: not a directory")
        raise typer.Exit(2)
    if via not in VIAS:
        err.print(f"error: unknown --via {via!r} (use {', '.join(VIAS)})")
        raise typer.Exit(2)
    note = lambda message: err.print(f"[yellow]note[/yellow]: {message}", highlight=False,  # noqa: E731
                                     soft_wrap=True)
    try:
        report = run_evaluation(gold, via=via, on_note=note)
    except FontMissing as exc:
        err.print(f"error: {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)
    if as_json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        _print_report(report)
    if errors:
        for e in report.errors:
            print(json.dumps(e, ensure_ascii=False))
    if floors:
        failures = below_floors(report, floors_for(json.loads(floors.read_text("utf-8")), gold, via))
        for f in failures:
            err.print(f"[red]below floor[/red]: {f}", soft_wrap=True)
        if failures:
            raise typer.Exit(1)


def _print_report(report) -> None:
    """Per-role rows first, the overall and per-language rows last (they matter most)."""
    from rich import box

    table = Table(title="lsg evaluate: precision / recall / F1", box=box.SIMPLE_HEAD,
                  pad_edge=False, show_edge=False)
    for col in ("facts", "lang", "role / type", "P", "R", "F1", "tp", "fp", "gold"):
        table.add_column(col, justify="left" if col in ("facts", "lang", "role / type") else "right",
                         no_wrap=True)

    def rank(key: str) -> tuple:
        kind, lang, sub = (key.split("/") + ["", ""])[:3]
        return (0 if sub else 1, kind, lang != "*", lang, sub)

    previous_summary = False
    for key in sorted(report.tallies, key=rank):
        t = report.tallies[key]
        kind, lang, sub = (key.split("/") + ["", ""])[:3]
        if not sub and not previous_summary:
            table.add_section()
            previous_summary = True
        table.add_row(kind, "all" if lang in ("", "*") else lang, sub or "all", f"{t.precision:.3f}",
                      f"{t.recall:.3f}", f"{t.f1:.3f}", str(t.tp), str(t.fp), str(t.gold))
    console.print(table)


@app.command()
def facts(db: str = DbOption,
          status: str = typer.Option("all", help="accepted, pending, rejected or all."),
          limit: int = typer.Option(50, help="Rows to show.")):
    """Show stored facts as a table."""
    from pipeline.store import open_store

    table = Table(title=f"facts in {db}", show_lines=False)
    for col in ("kind", "group", "person / event", "role / date", "conf", "status", "evidence"):
        table.add_column(col, overflow="fold")
    shown = 0
    for r in open_store(db).iter_fact_records(status):
        if shown >= limit:
            break
        group = r["group"]["name"] + (f" ({r['group']['name_zh']})" if r["group"].get("name_zh") and r["group"]["name_zh"] != r["group"]["name"] else "")
        if r["kind"] == "membership":
            who, what = _person_label(r["person"]), r["role"]
        else:
            who, what = r["event"] + (f" → {r['to_group']['name']}" if r.get("to_group") else ""), r["date"]
        evidence = r["evidence"].replace("\n", " ")
        table.add_row(r["kind"], group, who, what, f"{r.get('confidence', 0):.2f}", r["status"],
                      evidence[:120] + ("…" if len(evidence) > 120 else ""))
        shown += 1
    Console().print(table)  # a fresh Console measures the terminal as it is now
    if shown == 0:
        console.print("no facts stored yet: run `lsg ingest PATH`")


def _person_label(person: dict) -> str:
    forms = [person["name"]] + [f for f in (person.get("canonical"), person.get("name_zh")) if f and f != person["name"]]
    return " / ".join(dict.fromkeys(forms))


@app.command()
def review(db: str = DbOption, host: str = typer.Option("127.0.0.1"), port: int = typer.Option(8000)):
    """Start the analyst review web app."""
    from pipeline.errors import InputError
    from pipeline.review import serve

    try:
        serve(db, host=host, port=port)
    except InputError as exc:
        err.print(f"[red]error[/red]: {exc.reason}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)


def main() -> None:  # pragma: no cover
    app(sys.argv[1:])

from pipeline.cli_sources import register; register(app)  # noqa: E402,E702  (run, sources, serve, reextract)
