"""eventscope.ingest on real files and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from eventscope.ingest import IngestSettings, read_inputs
from eventscope.ingest.errors import IngestError
from eventscope.ingest.web import _check_peer, check_url
from eventscope.types import Document, IngestFailure

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "de"

LOCAL = IngestSettings(allow_private_urls=True, timeout_s=5.0)


def read(*inputs: str | Path, settings: IngestSettings | None = None) -> list[Document | IngestFailure]:
    return list(read_inputs([str(i) for i in inputs], settings))


def docs(items: list[Document | IngestFailure]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def failures(items: list[Document | IngestFailure]) -> list[IngestFailure]:
    return [i for i in items if isinstance(i, IngestFailure)]


def only_failure(items: Sequence[Document | IngestFailure]) -> IngestFailure:
    assert len(items) == 1 and isinstance(items[0], IngestFailure), items
    return items[0]


# --------------------------------------------------------------------------- plain text


def test_text_header_on_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "niger-talks.txt"
    path.write_text(" date 2026-03-10\nDie Junta in Niamey empfing am Montag eine Delegation.\n", "utf-8")
    (doc,) = docs(read(path))
    assert doc.published == date(2026, 3, 10)
    assert doc.text == "Die Junta in Niamey empfing am Montag eine Delegation.\n"
    assert doc.id == "niger-talks"
    assert doc.origin == str(path)


def test_text_header_on_same_line_as_first_sentence(tmp_path: Path) -> None:
    path = tmp_path / "mali.txt"
    path.write_text("\ufeff date 2026-03-10 Die Vereinigten Staaten stehen kurz vor einem Abkommen.", "utf-8")
    (doc,) = docs(read(path))
    assert doc.published == date(2026, 3, 10)
    assert doc.text == "Die Vereinigten Staaten stehen kurz vor einem Abkommen."


def test_text_without_header_and_invalid_header_date(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("The update date was not announced.\n", "utf-8")
    bogus = tmp_path / "bogus.md"
    bogus.write_text("date 2026-13-45 is not a date.\n", "utf-8")
    first, second = docs(read(plain, bogus))
    assert first.published is None and first.text.startswith("The update")
    assert second.published is None and second.text == "date 2026-13-45 is not a date.\n"


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="shared samples not present")
def test_real_samples_folder() -> None:
    items = read(SAMPLES)
    by_id = {d.id: d for d in docs(items)}
    assert not failures(items)
    mali = by_id["us-mali-surveillance-2026-03-10"]
    assert mali.published == date(2026, 3, 10)
    assert mali.text.startswith("Die Vereinigten Staaten stehen kurz vor einer neuen Vereinbarung mit Mali")
    assert by_id["us-niger-withdrawal"].published is None


def test_ids_are_stable_and_unique_for_repeated_stems(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(f"Bericht aus Ordner {folder}.", "utf-8")
    first = [d.id for d in docs(read(tmp_path))]
    second = [d.id for d in docs(read(tmp_path))]
    assert first == second
    assert first[0] == "report" and first[1].startswith("report-") and len(set(first)) == 2


def test_directory_walk_is_recursive_sorted_and_filters_extensions(tmp_path: Path) -> None:
    (tmp_path / "z.txt").write_text("Zulu.", "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("Alpha.", "utf-8")
    (tmp_path / "b.txt").write_text("Bravo.", "utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    (tmp_path / "table.csv").write_text("a,b\n1,2\n", "utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", "utf-8")
    items = read(tmp_path)
    assert [d.text for d in docs(items)] == ["Bravo.", "Alpha.", "Zulu."]
    assert not failures(items)
    empty = tmp_path / "empty-dir"
    empty.mkdir()
    assert "no readable files" in only_failure(read(empty)).reason


# --------------------------------------------------------------------------- JSONL / JSON


def test_jsonl_keeps_ids_parses_dates_and_survives_a_broken_line(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "afp-2026-0310-17",
                "url": "https://example.org/a",
                "title": "Accord",
                "text": "Le Mali et les États-Unis ont signé un accord.",
                "published": "2026-03-10T08:30:00Z",
                "language": "fr",
                "source": "AFP",
            }
        ),
        '{"id": "broken", "text": "unterminated',
        json.dumps({"id": "no-text", "title": "Only a title"}),
        "",
        json.dumps({"text": "Ein Artikel ohne Kennung.", "published": "2026-02-01"}),
        json.dumps({"id": 42, "text": "Numeric id.", "published": "Tue, 10 Mar 2026 08:00:00 GMT"}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    items = read(path)
    got = docs(items)
    assert [d.id for d in got] == ["afp-2026-0310-17", "batch-5", "42"]
    first = got[0]
    assert (first.url, first.title, first.language, first.source) == (
        "https://example.org/a",
        "Accord",
        "fr",
        "AFP",
    )
    assert first.published == date(2026, 3, 10)
    assert got[1].published == date(2026, 2, 1)
    assert got[2].published == date(2026, 3, 10)
    bad = failures(items)
    assert len(bad) == 2
    assert bad[0].reason.startswith("JSONL line 2: invalid JSON")
    assert bad[1].reason == "JSONL line 3: missing required field 'text'"
    assert bad[1].document_id == "no-text"


def test_jsonl_bad_bytes_cost_one_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.ndjson"
    path.write_bytes(b'{"id": "ok", "text": "Fine."}\n{"id": "bad", "text": "Caf\xe9"}\n')
    items = read(path)
    assert [d.id for d in docs(items)] == ["ok"]
    assert only_failure(failures(items)).reason == "JSONL line 2: not valid UTF-8"


def test_json_array(tmp_path: Path) -> None:
    path = tmp_path / "docs.json"
    path.write_text(json.dumps([{"id": "x1", "text": "One."}, {"text": ""}]), "utf-8")
    items = read(path)
    assert [d.id for d in docs(items)] == ["x1"]
    assert "empty" in failures(items)[0].reason


# --------------------------------------------------------------------------- HTML and feeds


def test_html_page_extracts_article_and_metadata() -> None:
    (doc,) = docs(read(FIXTURES / "news-page.html"))
    assert doc.id == "news-page"
    assert doc.title == "Niger: Junta verlangt Abzug der US-Truppen"
    assert doc.url == "https://news.example.org/afrika/niger-abzug-us-truppen"
    assert doc.source == "Sahel-Rundschau"
    assert doc.published == date(2024, 4, 19)
    assert doc.language == "de"
    assert "Die Militärjunta in Niger hat die Vereinigten Staaten aufgefordert" in doc.text
    assert "Russland gewinnt an Einfluss" in doc.text
    assert "\n\n" in doc.text  # paragraphs kept apart
    for furniture in ("Startseite", "Cookies", "Impressum", "WhatsApp", "Anzeige", "window.dataLayer"):
        assert furniture not in doc.text


def test_html_is_sniffed_in_a_txt_file_and_feed_in_a_txt_file(tmp_path: Path) -> None:
    page = tmp_path / "saved-page.txt"
    page.write_text((FIXTURES / "news-page.html").read_text("utf-8"), "utf-8")
    feed = tmp_path / "saved-feed.txt"
    feed.write_text((FIXTURES / "feed-rss2.xml").read_text("utf-8"), "utf-8")
    page_docs = docs(read(page))
    assert page_docs[0].title == "Niger: Junta verlangt Abzug der US-Truppen"
    assert "<p>" not in page_docs[0].text
    assert docs(read(feed))[0].id == "sahel-monitor-0001"


def test_html_with_declared_legacy_charset(tmp_path: Path) -> None:
    sentence = "Die Regierung in Niamey erklärte am Donnerstag, die Gespräche seien beendet. "
    head = '<head><meta charset="iso-8859-1"><title>Erklärung</title></head>'
    page = f"<html>{head}<body><article><p>{sentence * 4}</p></article></body></html>"
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("latin-1"))
    (doc,) = docs(read(path))
    assert "erklärte am Donnerstag" in doc.text


def test_rss2_feed() -> None:
    items = read(FIXTURES / "feed-rss2.xml")
    first, second = docs(items)
    assert first.id == "sahel-monitor-0001"
    assert first.title == "Chad expels French troops"
    assert first.url == "https://monitor.example.org/chad-french-troops"
    assert first.published == date(2024, 11, 28)
    assert first.source == "Sahel Monitor" and first.language == "en"
    # content:encoded wins over description, and its HTML is stripped into paragraphs
    assert first.text == (
        "Chad's government announced on Thursday that it was ending its defence cooperation agreement"
        " with France.\n\nAbout 1,000 French soldiers are stationed in the country."
    )
    assert second.id == "https://monitor.example.org/tillaberi-kidnapping"  # no guid: the link
    assert (
        second.text
        == "Gunmen abducted six aid workers near Tillabéri in western Niger, local officials said."
    )
    (empty,) = failures(items)
    assert empty.document_id == "sahel-monitor-0003" and "no text" in empty.reason


def test_atom_feed() -> None:
    first, second = docs(read(FIXTURES / "feed-atom.atom"))
    assert first.id == "urn:uuid:6f0c3a2e-0000-4000-8000-000000000001"
    assert first.published == date(2024, 3, 17)  # from <updated>
    assert first.text.startswith("La junte au pouvoir à Niamey")
    assert first.source == "Actualités du Sahel" and first.language == "fr"
    assert second.published == date(2024, 3, 15)  # <published> preferred over <updated>
    assert second.url == "https://sahel.example.fr/bamako-russie"
    assert second.text == "Une délégation russe a été reçue à Bamako par le président de la transition."


# --------------------------------------------------------------------------- bad inputs


def test_bad_inputs_fail_with_reasons_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Die Junta kündigte das Abkommen.", "utf-8")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: instant, and never read
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"PK\x03\x04\x00\x00\x08\x00" + bytes(range(256)))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\n ")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Der Präsident erklärte, die Gespräche würden fortgesetzt.".encode("latin-1"))
    controls = tmp_path / "controls.txt"
    controls.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 20 + b"abc")
    last = tmp_path / "last.jsonl"
    last.write_text('{"id": "tail", "text": "Still read."}\n', "utf-8")
    inputs = [
        good, huge, binary, empty, latin, controls, FIXTURES / "garbage.html",
        FIXTURES / "feed-malformed.xml", tmp_path / "missing.txt", last,
    ]  # fmt: skip
    items = read(*inputs)
    assert [d.id for d in docs(items)] == ["good", "tail"]
    reasons = {Path(f.origin).name: f.reason for f in failures(items)}
    assert reasons["huge.txt"] == (
        "file is 52,428,800 bytes, over the 20,000,000-byte limit (setting ingest.max_bytes)"
    )
    assert reasons["binary.txt"] == "binary content (NUL bytes)"
    assert reasons["empty.txt"] == "empty document"
    assert reasons["latin.txt"] == "not valid UTF-8 (or any declared charset)"
    assert reasons["controls.txt"].startswith("binary content")
    assert reasons["garbage.html"] == "no article text found in HTML"
    assert reasons["feed-malformed.xml"].startswith("malformed feed: ")
    assert reasons["missing.txt"] == "no such file or directory"
    assert len(items) == 10


def test_size_limit_is_a_setting(tmp_path: Path) -> None:
    path = tmp_path / "medium.txt"
    path.write_text("x" * 2000, "utf-8")
    reason = only_failure(read(path, settings=IngestSettings(max_bytes=1000))).reason
    assert reason == "file is 2,000 bytes, over the 1,000-byte limit (setting ingest.max_bytes)"
    assert docs(read(path, settings=IngestSettings(max_bytes=2000)))


# --------------------------------------------------------------------------- URLs

ARTICLE_HTML = (FIXTURES / "news-page.html").read_bytes()
RSS = (FIXTURES / "feed-rss2.xml").read_bytes()


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep pytest output clean
        pass

    def _send(self, status: int, body: bytes, content_type: str, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path == "/article.html":
            self._send(200, ARTICLE_HTML, "text/html; charset=utf-8")
        elif path == "/feed":
            self._send(200, RSS, "application/rss+xml")
        elif path == "/plain":
            self._send(200, b" date 2026-03-10 Die Junta empfing eine Delegation.", "text/plain")
        elif path == "/latin":
            self._send(200, "Gespräche über den Abzug.".encode("latin-1"), "text/plain; charset=ISO-8859-1")
        elif path.startswith("/redirect/"):
            left = int(path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/redirect/{left - 1}" if left > 1 else "/article.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, b"late", "text/plain")
        elif path == "/big":
            # No Content-Length: the limit must hold while streaming.
            self._send(200, b"a" * 300_000, "text/plain", length=False)
        elif path == "/big-declared":
            self._send(200, b"a" * 300_000, "text/plain")
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n\x00\x00", "image/png")
        else:
            self._send(404, b"not here", "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_html_article(server: str) -> None:
    (doc,) = docs(read(f"{server}/article.html", settings=LOCAL))
    assert doc.title == "Niger: Junta verlangt Abzug der US-Truppen"
    assert doc.id == doc.url == "https://news.example.org/afrika/niger-abzug-us-truppen"  # canonical
    assert doc.origin == f"{server}/article.html"
    assert "Drohnenbasis" in doc.text and "Startseite" not in doc.text


def test_url_feed_and_text(server: str) -> None:
    items = read(f"{server}/feed", f"{server}/plain", f"{server}/latin", settings=LOCAL)
    got = docs(items)
    assert [d.id for d in got[:2]] == [
        "sahel-monitor-0001",
        "https://monitor.example.org/tillaberi-kidnapping",
    ]
    plain, latin = got[2], got[3]
    assert plain.published == date(2026, 3, 10) and plain.text == "Die Junta empfing eine Delegation."
    assert plain.url == f"{server}/plain"
    assert latin.text == "Gespräche über den Abzug."


def test_url_redirects_are_limited(server: str) -> None:
    (doc,) = docs(read(f"{server}/redirect/3", settings=LOCAL))
    assert doc.title == "Niger: Junta verlangt Abzug der US-Truppen"
    strict = IngestSettings(allow_private_urls=True, max_redirects=2)
    reason = only_failure(read(f"{server}/redirect/3", settings=strict)).reason
    assert reason == "too many redirects (more than 2, setting ingest.max_redirects)"


def test_url_timeout(server: str) -> None:
    quick = IngestSettings(allow_private_urls=True, timeout_s=0.3)
    started = time.monotonic()
    reason = only_failure(read(f"{server}/slow", settings=quick)).reason
    assert reason == "timed out after 0.3 s (setting ingest.timeout_s)"
    assert time.monotonic() - started < 1.4


def test_url_size_limit_streamed_and_declared(server: str) -> None:
    small = IngestSettings(allow_private_urls=True, max_bytes=100_000)
    streamed, declared = read(f"{server}/big", f"{server}/big-declared", settings=small)
    assert isinstance(streamed, IngestFailure) and isinstance(declared, IngestFailure)
    assert streamed.reason == "response is over the 100,000-byte limit (setting ingest.max_bytes)"
    assert (
        declared.reason == "response is 300,000 bytes, over the 100,000-byte limit (setting ingest.max_bytes)"
    )


def test_url_http_errors_and_unsupported_types(server: str) -> None:
    missing, image = read(f"{server}/nothing", f"{server}/image", settings=LOCAL)
    assert isinstance(missing, IngestFailure) and missing.reason == "HTTP 404 Not Found"
    assert isinstance(image, IngestFailure) and image.reason == "unsupported content type 'image/png'"


def test_loopback_refused_unless_allowed(server: str) -> None:
    url = f"{server}/article.html"
    refused = only_failure(read(url, settings=IngestSettings()))
    assert refused.reason == "URL refused: 127.0.0.1 is a private address (setting ingest.allow_private_urls)"
    assert docs(read(url, settings=LOCAL))


@pytest.mark.parametrize(
    "url",
    ["http://10.0.0.1/a", "http://169.254.169.254/latest/meta-data", "http://[::1]:8080/", "http://224.0.0.1/",
     "http://localhost/", "http://[::ffff:192.168.1.1]/"],
)  # fmt: skip
def test_private_addresses_refused(url: str) -> None:
    with pytest.raises(IngestError, match="is a private address"):
        check_url(url, IngestSettings())


def test_connected_peer_is_checked_too(server: str) -> None:
    # The address actually connected to is checked, not only the DNS answer before it.
    with (
        httpx.Client(trust_env=False) as client,
        client.stream("GET", f"{server}/plain") as response,
    ):
        _check_peer(response, LOCAL)
        with pytest.raises(IngestError, match=r"127\.0\.0\.1 is a private address"):
            _check_peer(response, IngestSettings())


def test_non_http_scheme_refused() -> None:
    with pytest.raises(IngestError, match="scheme 'file'"):
        check_url("file:///etc/passwd", IngestSettings())


def test_unreachable_url_is_a_failure_not_an_exception() -> None:
    # Port 9 on loopback: nothing listens, the connection is refused at once.
    item = only_failure(read("http://127.0.0.1:9/x", settings=LOCAL))
    assert item.reason.startswith("HTTP error: ConnectError")
