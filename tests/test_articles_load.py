"""Loading files, directories and pages: good input becomes articles, bad input one clear error."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from forecasts.articles.load import expand_source, load_source
from forecasts.config import Settings
from forecasts.errors import (
    ArticleError,
    BlockedAddressError,
    FetchError,
    InputError,
    ResponseTooLargeError,
)

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "articles"
STORY = (
    "The city council will vote on the new tram line in September, the mayor said on Monday, "
    "after years of delays."
)

Route = tuple[int, dict[str, str], bytes]


@pytest.fixture
def server() -> Iterator[tuple[str, dict[str, Route]]]:
    """A real HTTP server on 127.0.0.1 serving whatever the test puts in ``routes``."""
    routes: dict[str, Route] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, headers, body = routes.get(self.path, (404, {}, b"not found"))
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", routes
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture
def local_ok() -> Settings:
    """Settings that let the SSRF guard pass loopback, as the local test server needs."""
    return Settings(fetch={"allow_private_networks": True})


def test_a_text_file_with_sidecar_keeps_its_metadata() -> None:
    (article,) = load_source(str(REPO / "seeds/articles"), Settings())
    assert article.source == "The Japan Times"
    assert article.title.startswith("Top U.S. Diplomat")
    assert article.reference_date == date(2023, 6, 18)
    assert article.path.endswith(".txt") and len(article.content_hash) == 64


def test_an_html_file_is_read_through_its_main_text() -> None:
    (article,) = load_source(str(DATA / "fed-holds-rates.html"), Settings())
    assert article.source == "The Daily Ledger"
    assert article.reference_date == date(2024, 3, 20)
    assert article.reference_date_basis.startswith("html-meta")
    assert "Subscribe" not in article.text


def test_directories_are_read_recursively_in_order_skipping_sidecars_and_other_files(
    tmp_path: Path,
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "one.html").write_text(f"<html><body><p>{STORY}</p></body></html>", "utf-8")
    (tmp_path / "one.meta.toml").write_text('source = "Tram Times"\n', encoding="utf-8")
    (tmp_path / "feed.xml").write_text("<rss/>", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text(STORY, encoding="utf-8")
    assert [Path(p).relative_to(tmp_path).as_posix() for p in expand_source(str(tmp_path))] == [
        "b/two.txt",
        "one.html",
    ]


def test_the_seeds_folder_holds_exactly_the_seed_article() -> None:
    """Archive feeds and reports under seeds/ are not articles."""
    assert [Path(p).name for p in expand_source(str(REPO / "seeds"))] == [
        "2023-06-18-japan-times-blinken-beijing-visit.txt"
    ]


def test_published_overrides_all_metadata() -> None:
    (article,) = load_source(
        str(DATA / "fed-holds-rates.html"), Settings(), published=date(2024, 3, 21)
    )
    assert article.reference_date == date(2024, 3, 21)
    assert article.reference_date_basis == "--published"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"  \n\n", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary file"),
        ("latin1.txt", STORY.replace("years", "années").encode("latin-1"), "not UTF-8 text"),
        ("short.txt", b"Talks will resume.", "fewer than extraction.min_text_chars"),
        ("nav.html", (DATA / "no-article.html").read_bytes(), "no article text found"),
    ],
)
def test_bad_files_get_one_clear_error(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=message) as caught:
        load_source(str(path), Settings())
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_a_file_over_the_size_cap_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50_000_000)  # a sparse 50 MB file
    with pytest.raises(ArticleError, match=r"50\.0 MB, over the 10\.0 MB limit"):
        load_source(str(path), Settings())


def test_utf16_with_a_bom_is_text(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(STORY.encode("utf-16"))
    (article,) = load_source(str(path), Settings())
    assert article.text == STORY


@pytest.mark.parametrize(
    ("source", "message"),
    [("no/such/file.txt", "no such file or directory"), ("ftp://example.com/a", "only http")],
)
def test_a_bad_path_is_an_input_error(source: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_source(source, Settings())


def test_an_empty_directory_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no article files"):
        load_source(str(tmp_path), Settings())


def test_a_page_is_fetched_and_its_article_read(
    server: tuple[str, dict[str, Route]], local_ok: Settings
) -> None:
    base, routes = server
    html = (DATA / "fed-holds-rates.html").read_bytes()
    routes["/old"] = (301, {"Location": "/markets/2024/03/20/fed"}, b"")
    routes["/markets/2024/03/20/fed"] = (200, {"Content-Type": "text/html; charset=utf-8"}, html)
    (article,) = load_source(f"{base}/old", local_ok)
    assert article.source == "The Daily Ledger"
    assert article.reference_date == date(2024, 3, 20)
    assert "three times before the end of the year" in article.text


def test_a_plain_text_page_is_read_as_text(
    server: tuple[str, dict[str, Route]], local_ok: Settings
) -> None:
    base, routes = server
    routes["/story.txt"] = (200, {"Content-Type": "text/plain; charset=utf-8"}, STORY.encode())
    (article,) = load_source(f"{base}/story.txt", local_ok)
    assert article.text == STORY


def test_loopback_urls_are_refused_by_default(server: tuple[str, dict[str, Route]]) -> None:
    """The SSRF guard: loopback and private addresses need fetch.allow_private_networks."""
    base, _ = server
    with pytest.raises(BlockedAddressError, match=r"non-public address 127\.0\.0\.1"):
        load_source(f"{base}/story.txt", Settings())


def test_an_allowed_network_passes_the_guard(server: tuple[str, dict[str, Route]]) -> None:
    base, routes = server
    routes["/story.txt"] = (200, {"Content-Type": "text/plain"}, STORY.encode())
    settings = Settings(fetch={"allowed_networks": ["127.0.0.0/8"]})
    assert load_source(f"{base}/story.txt", settings)[0].text == STORY


def test_a_redirect_to_a_private_address_is_refused(
    server: tuple[str, dict[str, Route]],
) -> None:
    base, routes = server
    routes["/go"] = (302, {"Location": "http://10.0.0.1/admin"}, b"")
    settings = Settings(fetch={"allowed_networks": ["127.0.0.0/8"]})
    with pytest.raises(BlockedAddressError, match=r"10\.0\.0\.1"):
        load_source(f"{base}/go", settings)


@pytest.mark.parametrize(
    ("route", "error", "message"),
    [
        ((404, {}, b"gone"), FetchError, "HTTP 404"),
        ((200, {"Content-Type": "application/pdf"}, b"%PDF-1.7" * 20), ArticleError, "not an HTML"),
        (
            (200, {"Content-Type": "text/html"}, b"<html>" + b"x" * 20_000),
            ResponseTooLargeError,
            "limit",
        ),
    ],
)
def test_bad_pages_get_one_clear_error(
    server: tuple[str, dict[str, Route]],
    route: Route,
    error: type[Exception],
    message: str,
) -> None:
    base, routes = server
    routes["/p"] = route
    settings = Settings(
        fetch={"allow_private_networks": True}, extraction={"max_input_bytes": 10_000}
    )
    with pytest.raises(error, match=message):
        load_source(f"{base}/p", settings)


def test_an_unreachable_url_is_a_fetch_error(local_ok: Settings) -> None:
    import socket

    with socket.socket() as s:  # a port that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError, match="cannot fetch: connection failed"):
        load_source(f"http://127.0.0.1:{port}/story", local_ok)


def test_the_charset_a_server_declares_is_used(
    server: tuple[str, dict[str, Route]], local_ok: Settings
) -> None:
    base, routes = server
    page = f"<html><body><article><p>{STORY} Les élections auront lieu en été.</p></article></body></html>"
    routes["/fr"] = (200, {"Content-Type": "text/html; charset=iso-8859-1"}, page.encode("latin-1"))
    (article,) = load_source(f"{base}/fr", local_ok)
    assert "élections auront lieu en été" in article.text


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:9/a",
        "http://[::1]:9/a",
        "http://0.0.0.0:9/a",
        "http://169.254.169.254/latest/meta-data/",
        "http://192.168.1.1/admin",
        "http://100.64.0.1/",
        "http://[::ffff:127.0.0.1]:9/a",
    ],
)
def test_non_public_addresses_are_refused_before_any_request(url: str) -> None:
    with pytest.raises(BlockedAddressError, match="non-public address"):
        load_source(url, Settings())


def test_the_connected_address_is_the_checked_one(
    server: tuple[str, dict[str, Route]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """DNS rebinding: the name is resolved once, checked, and that address is connected to."""
    import socket

    import forecasts.feeds.ssrf as ssrf

    base, routes = server
    routes["/story.txt"] = (200, {"Content-Type": "text/plain"}, STORY.encode())
    port = int(base.rsplit(":", 1)[1])
    answers = iter(["127.0.0.1", "10.255.255.1"])  # allowed first, private and blocked after

    def rebinding(host: str, *args: object, **kwargs: object) -> list[tuple[object, ...]]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(ssrf.socket, "getaddrinfo", rebinding)
    settings = Settings(fetch={"allowed_networks": ["127.0.0.1/32"]})
    (article,) = load_source(f"http://rebind.test:{port}/story.txt", settings)
    assert article.text == STORY


def test_a_page_without_a_site_name_is_credited_to_its_host(
    server: tuple[str, dict[str, Route]], local_ok: Settings
) -> None:
    base, routes = server
    routes["/s"] = (200, {"Content-Type": "text/plain"}, STORY.encode())
    (article,) = load_source(f"{base}/s", local_ok)
    assert article.source == "127.0.0.1"


def test_the_same_article_saved_on_two_days_has_one_hash(tmp_path: Path) -> None:
    """A page-save header line is not part of the article's identity."""
    body = (REPO / "seeds/articles/2023-06-18-japan-times-blinken-beijing-visit.txt").read_text(
        encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        body.replace("Thursday, July 18, 2024", "Friday, July 19, 2024"), encoding="utf-8"
    )
    first, second = load_source(str(tmp_path), Settings())
    assert first.content_hash == second.content_hash
    assert first.text != second.text
