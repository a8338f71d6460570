"""The main job end to end through the CLI: run, export, stats; re-runs; bad inputs."""

import csv
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventscope.cli import app
from eventscope.schema import validate_incident_record, validate_record

ROOT = Path(__file__).resolve().parents[1]
REAL_SAMPLES = ROOT.parent / "shared" / "samples" / "de"
runner = CliRunner()


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def export_records(db: str, tmp_path: Path) -> list[dict]:
    out = tmp_path / "events.jsonl"
    invoke("export", "--db", db, "--format", "jsonl", "-o", str(out))
    return [json.loads(line) for line in out.read_text().splitlines()]


def stats(db: str) -> dict:
    return json.loads(invoke("stats", "--db", db, "--json"))


def test_bundled_samples_end_to_end(tmp_path):
    db = f"sqlite:///{tmp_path / 'x.db'}"
    invoke("run", str(ROOT / "samples" / "articles"), "--db", db, "--workers", "1", "-q")
    records = export_records(db, tmp_path)
    assert records, "the bundled samples report events"
    for record in records:
        validate_record(record)
    languages = {r["language"] for r in records}
    assert {"de", "fr", "en"} <= languages
    first = stats(db)
    invoke("run", str(ROOT / "samples" / "articles"), "--db", db, "--workers", "1", "-q")
    second = stats(db)
    assert second["documents"] == first["documents"]
    assert second["events"] == first["events"]


@pytest.mark.skipif(not REAL_SAMPLES.exists(), reason="../shared/samples/de not present")
def test_real_german_articles(tmp_path):
    db = f"sqlite:///{tmp_path / 'real.db'}"
    invoke("run", str(REAL_SAMPLES), "--db", db, "--workers", "2", "-q")
    records = export_records(db, tmp_path)
    for record in records:
        validate_record(record)
    by_doc: dict[str, list[dict]] = {}
    for record in records:
        by_doc.setdefault(record["evidence"][0]["document_id"], []).append(record)
    assert set(by_doc) == {"us-mali-surveillance-2026-03-10", "us-niger-withdrawal"}

    def involves(record: dict, *countries: str) -> bool:
        sides = {(record.get(k) or {}).get("country") for k in ("actor", "recipient")}
        return set(countries) <= sides

    mali = by_doc["us-mali-surveillance-2026-03-10"]
    assert any(
        r["event_type"] in {"AGREE", "CONSULT", "COOPERATE"} and involves(r, "USA", "MLI") for r in mali
    ), [(r["event_type"], r["actor"], r["recipient"]) for r in mali]
    niger = by_doc["us-niger-withdrawal"]
    assert any(
        r["event_type"] in {"RETREAT", "CONCEDE"}
        and (r["actor"] or {}).get("country") == "USA"
        and (r["location"] or {}).get("country") == "NER"
        for r in niger
    ), [(r["event_type"], r["actor"], r["location"]) for r in niger]
    # The Mali article is dated by its header; relative dates resolve against it.
    assert all(r["date"] and r["date"] <= "2026-03-10" for r in mali if r["modality"] == "asserted")
    assert all(r["article_date"] == "2026-03-10" and not r["date_inferred"] for r in mali)
    # The Niger article has no date: it dates itself to spring 2024 ("seit Juli 2023", "Mitte März",
    # "Anfang April", "am Mittwoch"), not to the end of the last year it names (2023-12-31).
    assert all(r["date_inferred"] and "2024-03-15" <= (r["article_date"] or "") <= "2024-06-30" for r in niger)


def test_bad_inputs_are_recorded_and_the_batch_goes_on(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a-good.txt").write_text(
        " date 2026-05-02\nBewaffnete der JNIM haben am Freitag einen Militärposten bei Gao in Mali angegriffen "
        "und mindestens zwölf Soldaten getötet, teilte die malische Armee mit.\n"
    )
    (inputs / "b-binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (inputs / "c-empty.txt").write_text("")
    (inputs / "d-latin1.txt").write_bytes("Bamako: Die Regierung erklärt ihre Gründe.".encode("latin-1"))
    (inputs / "e-broken.jsonl").write_text(
        '{"id": "ok-1", "text": "Le Mali a rompu ses relations avec la France."}\n{oops\n'
    )
    big = inputs / "f-huge.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    db = f"sqlite:///{tmp_path / 'bad.db'}"
    invoke("run", str(inputs), "--db", db, "--workers", "1", "-q")
    data = stats(db)
    assert data["documents"] == 2
    assert data["failures"]["total"] == 5
    records = export_records(db, tmp_path)
    assault = [r for r in records if r["event_type"] == "ASSAULT"]
    assert assault and assault[0]["fatalities"] == 12
    assert assault[0]["location"]["name"] == "Gao" and assault[0]["location"]["country"] == "MLI"
    assert assault[0]["actor"]["id"] == "JNIM"
    # Running the same batch again adds no document, event or failure.
    invoke("run", str(inputs), "--db", db, "--workers", "1", "-q")
    again = stats(db)
    assert again["documents"] == 2 and again["failures"]["total"] == 5
    assert again["events"] == data["events"]


@pytest.mark.parametrize("fmt", ["acled-csv", "geojson", "parquet"])
def test_other_export_formats(tmp_path, fmt):
    db = f"sqlite:///{tmp_path / 'x.db'}"
    invoke("run", str(ROOT / "samples" / "articles"), "--db", db, "--workers", "1", "-q")
    out = tmp_path / f"events.{fmt}"
    invoke("export", "--db", db, "--format", fmt, "-o", str(out))
    assert out.stat().st_size > 0


def test_postgresql_database(pg_db_url, tmp_path):
    """The same main job against a real PostgreSQL server (started by tests/conftest_pg.py)."""
    invoke("run", str(ROOT / "samples" / "articles"), "--db", pg_db_url, "--workers", "1", "-q")
    first = stats(pg_db_url)
    assert first["documents"] == 6 and first["events"] > 0
    records = export_records(pg_db_url, tmp_path)
    for record in records:
        validate_record(record)
    invoke("run", str(ROOT / "samples" / "articles"), "--db", pg_db_url, "--workers", "1", "-q")
    assert stats(pg_db_url)["events"] == first["events"]


# Real sentences the coder types as incidents (crime, disasters), beside one political event.
SEIZURE = "Police in Mexico seized two tonnes of cocaine from a drug cartel in Sinaloa on Tuesday."
ATTACK = "Jihadists attacked soldiers near Gao in Mali on Monday, killing four."
FLOOD = "Floods swept through Niamey after days of heavy rain, destroying hundreds of homes."
EXPLOSION = "An explosion at a chemical plant in Texas injured dozens of workers."
INCIDENT_DOCS = [
    {"id": "en-cartel", "language": "en", "published": "2026-03-03", "text": f"{SEIZURE} {ATTACK}"},
    {"id": "en-flood", "language": "en", "published": "2026-03-04", "text": f"{FLOOD} {EXPLOSION}"},
]


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'incidents.db'}"
    url: str = request.getfixturevalue("pg_db_url")
    return url


def test_incidents_are_stored_counted_and_exported(db_url, tmp_path):
    inputs = tmp_path / "docs.jsonl"
    inputs.write_text("".join(json.dumps(d) + "\n" for d in INCIDENT_DOCS), encoding="utf-8")
    invoke("run", str(inputs), "--db", db_url, "--workers", "1", "-q")
    first = stats(db_url)
    assert first["documents"] == 2
    assert first["incidents"] == 3
    assert first["incidents_by_kind"] == {"ORG_CRIME": 1, "NATURAL_DISASTER": 1, "MAN_MADE_DISASTER": 1}

    out = tmp_path / "incidents.jsonl"
    assert "wrote 3 incidents" in invoke("export", "--db", db_url, "--records", "incidents", "-o", str(out))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for record in records:
        validate_incident_record(record)
    # Ordered by document id, then sentence.
    assert [(r["kind"], r["evidence"][0]["document_id"], r["evidence"][0]["sentence"]) for r in records] == [
        ("ORG_CRIME", "en-cartel", 0),
        ("NATURAL_DISASTER", "en-flood", 0),
        ("MAN_MADE_DISASTER", "en-flood", 1),
    ]
    assert [r["evidence"][0]["text"] for r in records] == [SEIZURE, FLOOD, EXPLOSION]
    assert all(r["language"] == "en" and 0.5 < r["confidence"] <= 1 for r in records)
    flood_text = INCIDENT_DOCS[1]["text"]
    explosion = records[2]["evidence"][0]
    assert flood_text[explosion["char_start"] : explosion["char_end"]] == EXPLOSION

    # The attack in the cartel article stays a political event; the incident sentences are not events.
    events = export_records(db_url, tmp_path)
    assert [(e["event_type"], e["evidence"][0]["text"]) for e in events] == [("ASSAULT", ATTACK)]

    csv_out = tmp_path / "incidents.csv"
    invoke("export", "--db", db_url, "--records", "incidents", "--format", "csv", "-o", str(csv_out))
    with csv_out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["incident_id"], r["kind"], r["text"]) for r in rows] == [
        (r["incident_id"], r["kind"], r["evidence"][0]["text"]) for r in records
    ]

    # Re-running the same input stores no second copy of anything.
    invoke("run", str(inputs), "--db", db_url, "--workers", "1", "-q")
    again = stats(db_url)
    assert again["documents"] == 2 and again["incidents"] == 3 and again["events"] == first["events"]
    invoke("export", "--db", db_url, "--records", "incidents", "-o", str(out))
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == records


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--records", "incidents", "--format", "geojson"], "geojson is a format for events"),
        (["--records", "incidents", "--format", "acled-csv"], "choose one of jsonl, csv, parquet"),
        (["--format", "csv"], "csv is a format for incidents"),
        (["--records", "crimes"], "unknown records 'crimes'"),
    ],
)
def test_export_refuses_unsupported_combinations(tmp_path, args, message):
    db = tmp_path / "never.db"
    result = runner.invoke(app, ["export", "--db", f"sqlite:///{db}", *args, "-o", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert message in " ".join(result.output.replace("│", " ").split())  # rich wraps the error box
    assert not (tmp_path / "x").exists() and not db.exists()


def test_incident_export_default_file_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    invoke("export", "--db", f"sqlite:///{tmp_path / 'empty.db'}", "--records", "incidents", "-f", "csv")
    assert (tmp_path / "incidents.csv").read_text(encoding="utf-8").startswith("incident_id,kind,")


class _ArticleHandler(BaseHTTPRequestHandler):
    PAGE = (
        "<html><head><title>Niger: Junta kündigt Abkommen</title></head><body><nav>Home | Politik</nav>"
        "<article><h1>Niger: Junta kündigt Abkommen</h1><p>Die Militärjunta in Niger hat am Mittwoch das "
        "Militärabkommen mit Frankreich gekündigt, teilte ein Sprecher in Niamey mit.</p>"
        "<p>Frankreich hatte bis zuletzt rund 1500 Soldaten in dem westafrikanischen Land stationiert.</p>"
        "</article><footer>Impressum</footer></body></html>"
    )
    FEED = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Sahel-Ticker</title>'
        "<item><guid>feed-1</guid><title>Tschad</title><link>http://example.invalid/1</link>"
        "<description>Der Tschad hat die französischen Truppen zum Abzug aufgefordert.</description>"
        "<pubDate>Thu, 30 Jan 2026 10:00:00 GMT</pubDate></item></channel></rss>"
    )

    def do_GET(self) -> None:
        body, kind = (self.FEED, "application/rss+xml") if self.path == "/feed" else (self.PAGE, "text/html")
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


def test_urls_and_feeds_from_a_loopback_server(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ArticleHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    db = f"sqlite:///{tmp_path / 'web.db'}"
    try:
        # Loopback is refused by default and recorded as a failure with the reason…
        invoke("run", f"{base}/article", "--db", db, "--workers", "1", "-q")
        refused = stats(db)
        assert refused["documents"] == 0 and refused["failures"]["total"] == 1
        # …and served when the setting allows it.
        invoke("run", f"{base}/article", f"{base}/feed", "--db", db, "--workers", "1", "-q",
               "--allow-private-urls")  # fmt: skip
    finally:
        server.shutdown()
    data = stats(db)
    assert data["documents"] == 2
    records = export_records(db, tmp_path)
    assert {r["evidence"][0]["document_id"] for r in records} >= {"feed-1"}
    assert any(r["event_type"] in {"SANCTION", "REJECT", "RETREAT", "REQUEST", "COERCE"} for r in records)
