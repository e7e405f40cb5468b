"""Loading articles from files, directories and URLs into ``LoadedArticle``.

Every way an input can be bad becomes one readable error naming the input: a missing path
(InputError), an empty, binary, non-UTF-8, oversized or textless article (ArticleError), a
page that cannot be fetched (FetchError). Directories are read recursively in sorted order;
only article files (.txt, .text, .md, .html, .htm, .xhtml) are taken, sidecars and hidden
files are skipped, so a folder may also hold feed archives or notes.
"""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from forecasts.articles.dates import date_in_path
from forecasts.articles.fetch import fetch_page, page_kind
from forecasts.articles.html import extract_html, looks_like_html
from forecasts.articles.normalize import content_hash, normalize_text
from forecasts.articles.refdate import Candidate, header_date, infer_reference_date
from forecasts.articles.sidecar import Sidecar, is_sidecar, read_sidecar
from forecasts.claims.types import LoadedArticle
from forecasts.config import Settings
from forecasts.errors import ArticleError, InputError

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def expand_source(source: str) -> list[str]:
    """The article inputs behind ``source``: itself, or a directory's article files (sorted)."""
    if is_url(source):
        return [source]
    path = Path(source).expanduser()
    if path.is_dir():
        files = sorted(
            str(p)
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in ARTICLE_SUFFIXES
            and not is_sidecar(p)
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not files:
            suffixes = ", ".join(sorted(ARTICLE_SUFFIXES))
            raise InputError(f"{source}: no article files ({suffixes}) in this directory")
        return files
    if path.is_file():
        return [str(path)]
    if "://" in source:
        raise InputError(f"{source}: only http:// and https:// URLs can be read")
    raise InputError(f"{source}: no such file or directory")


def load_source(
    source: str,
    settings: Settings,
    *,
    published: date | None = None,
    today: date | None = None,
) -> list[LoadedArticle]:
    """Every article behind ``source`` (a file, a directory or an http(s) URL).

    ``today`` (the caller's clock) is the reference date of last resort: an undated article
    speaks from the day it is read, unless its text shows it is older.
    """
    return [
        load_url(one, settings, published=published, today=today)
        if is_url(one)
        else load_file(Path(one), settings, published=published, today=today)
        for one in expand_source(source)
    ]


def load_file(
    path: Path, settings: Settings, *, published: date | None = None, today: date | None = None
) -> LoadedArticle:
    """One text or HTML file, with its sidecar if it has one."""
    data = _read_capped(path, settings.extraction.max_input_bytes)
    if not data.strip():
        raise ArticleError(f"{path}: empty file")
    sidecar = read_sidecar(path)
    as_html = path.suffix.lower() in HTML_SUFFIXES or (
        path.suffix.lower() not in TEXT_SUFFIXES and looks_like_html(data)
    )
    if b"\x00" in data[:8192] and not _has_utf16_bom(data):
        raise ArticleError(f"{path}: binary file, not text or HTML")
    candidates: list[Candidate] = []
    if sidecar is not None and sidecar.published is not None:
        candidates.append(Candidate(sidecar.published, "sidecar"))
    if as_html:
        document = extract_html(data, url=sidecar.url if sidecar else "")
        if document.published is not None:
            candidates.append(Candidate(document.published, "html-meta"))
        text, title, outlet, url = document.text, document.title, document.outlet, document.url
        if not text.strip():
            raise ArticleError(f"{path}: no article text found in the HTML")
    else:
        text = _decode_text(path, data)
        title, outlet, url = _text_title(text), _text_outlet(text), ""
    url = (sidecar.url if sidecar and sidecar.url else url) or ""
    _add_path_dates(candidates, url=url, name=path.name)
    if today is not None:
        candidates.append(Candidate(today, "ingest date"))
    return _finish(
        text,
        settings,
        title=_pick(sidecar, "title", title) or path.stem,
        outlet=_pick(sidecar, "source", outlet),
        url=url,
        path=str(path),
        candidates=candidates,
        published=published,
        where=str(path),
        html=as_html,
    )


def load_url(
    url: str,
    settings: Settings,
    *,
    published: date | None = None,
    today: date | None = None,
) -> LoadedArticle:
    """One page fetched over http(s) (SSRF guard, size cap and time limits of fetch.py)."""
    page = fetch_page(url, settings)
    if not page.body.strip():
        raise ArticleError(f"{url}: empty page")
    candidates: list[Candidate] = []
    as_html = page_kind(page) == "html"
    if as_html:
        body: bytes | str = page.body
        if page.charset:
            # The server's declared charset beats guessing; trafilatura guesses otherwise.
            try:
                body = page.body.decode(page.charset)
            except (UnicodeDecodeError, LookupError):
                body = page.body
        document = extract_html(body, url=page.url)
        if not document.text.strip():
            raise ArticleError(f"{url}: no article text found in the page")
        if document.published is not None:
            candidates.append(Candidate(document.published, "html-meta"))
        text, title, outlet = document.text, document.title, document.outlet
    else:
        try:
            text = page.body.decode(page.charset or "utf-8")
        except (UnicodeDecodeError, LookupError):
            raise ArticleError(f"{url}: text is not in its declared encoding") from None
        title, outlet = _text_title(text), _text_outlet(text)
    _add_path_dates(candidates, url=page.url, name="")
    if today is not None:
        candidates.append(Candidate(today, "ingest date"))
    return _finish(
        text,
        settings,
        title=title,
        outlet=outlet,
        url=page.url,
        path="",
        candidates=candidates,
        published=published,
        where=url,
        html=as_html,
    )


def article_from_text(
    text: str,
    settings: Settings,
    *,
    title: str = "",
    outlet: str = "",
    url: str = "",
    candidates: list[Candidate] | None = None,
    published: date | None = None,
) -> LoadedArticle:
    """An article from text already in hand (a feed entry), with the same checks as files."""
    return _finish(
        text,
        settings,
        title=title,
        outlet=outlet,
        url=url,
        path="",
        candidates=list(candidates or []),
        published=published,
        where=url or title or "text",
    )


def _finish(
    text: str,
    settings: Settings,
    *,
    title: str,
    outlet: str,
    url: str,
    path: str,
    candidates: list[Candidate],
    published: date | None,
    where: str,
    html: bool = False,
) -> LoadedArticle:
    text = normalize_text(text)
    minimum = settings.extraction.min_text_chars
    if len(text) < minimum and html:
        raise ArticleError(
            f"{where}: no article text found in the HTML (only {len(text)} characters)"
        )
    if len(text) < minimum:
        raise ArticleError(
            f"{where}: only {len(text)} characters of text, fewer than "
            f"extraction.min_text_chars ({minimum})"
        )
    reference = infer_reference_date(text, candidates, published=published)
    return LoadedArticle(
        text=text,
        title=title.strip(),
        # Reports keep track records per outlet: without a name, the site's host stands in.
        source=outlet.strip() or _host(url),
        url=url,
        path=path,
        reference_date=reference.day,
        reference_date_basis=reference.basis,
        content_hash=content_hash(_without_header_date(text)),
    )


def _read_capped(path: Path, cap: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > cap:
            raise ArticleError(
                f"{path}: file is {size / 1e6:.1f} MB, over the {cap / 1e6:.1f} MB limit "
                "(extraction.max_input_bytes)"
            )
        with path.open("rb") as fh:
            data = fh.read(cap + 1)
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > cap:  # grew while we looked
        raise ArticleError(f"{path}: file is over the limit (extraction.max_input_bytes)")
    return data


def _has_utf16_bom(data: bytes) -> bool:
    return data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _decode_text(path: Path, data: bytes) -> str:
    if _has_utf16_bom(data):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ArticleError(f"{path}: broken UTF-16 text") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex().upper()
        raise ArticleError(
            f"{path}: not UTF-8 text (byte 0x{bad} at offset {exc.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from None


def _pick(sidecar: Sidecar | None, key: str, fallback: str) -> str:
    value = getattr(sidecar, key, "") if sidecar is not None else ""
    return str(value) or fallback


def _add_path_dates(candidates: list[Candidate], *, url: str, name: str) -> None:
    from_url = date_in_path(url) if url else None
    if from_url is not None:
        candidates.append(Candidate(from_url, "url"))
    from_name = date_in_path(name) if name else None
    if from_name is not None:
        candidates.append(Candidate(from_name, "filename"))


def _text_title(text: str) -> str:
    """The headline of a saved page: an early short line that is not a date or a breadcrumb."""
    _, (h_begin, h_end) = header_date(text)
    lines = [line.strip() for line in text[:h_begin].split("\n") + text[h_end:].split("\n")]
    for line in [line for line in lines if line][:6]:
        if (
            len(line) <= 200
            and len(line.split()) >= 3
            and not line.endswith(("...", "…", ".", ":"))
        ):
            return line
    return ""


def _without_header_date(text: str) -> str:
    """The text without a date line at the top: the same article saved on two days (two
    page-save headers) is the same article."""
    day, (begin, end) = header_date(text)
    return text if day is None else text[:begin] + text[end:]


def _host(url: str) -> str:
    host = urlsplit(url).hostname or "" if url else ""
    return host.removeprefix("www.")


def _text_outlet(text: str) -> str:
    """The outlet from a "Source: X" line near the end, as saved pages often carry."""
    for line in reversed([line.strip() for line in text.split("\n") if line.strip()][-6:]):
        if line.lower().startswith("source:") and len(line) <= 80:
            return line.split(":", 1)[1].strip()
    return ""
