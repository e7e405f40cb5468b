"""Local feeds: ``file://`` URLs, plain paths and folders of feed files (offline archives).

Local sources are trusted configuration, not network input, so no address check applies; the
size cap and the XML guard still do. A folder is read as one feed made of all its ``*.xml``,
``*.rss``, ``*.atom`` and ``*.rdf`` files, in name order.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from forecasts.errors import FetchError, ResponseTooLargeError

FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom", ".rdf"})


def is_local(url: str) -> bool:
    """True for file:// URLs and for anything that is not an http(s) URL (a path)."""
    scheme = urlsplit(url).scheme.lower()
    return scheme == "file" or scheme == "" or (len(scheme) == 1 and url[1:2] == ":")


def local_path(url: str, base_dir: Path) -> Path:
    """The filesystem path of a local feed; relative paths are relative to ``base_dir``."""
    parts = urlsplit(url)
    if parts.scheme.lower() == "file":
        if parts.netloc not in ("", "localhost"):
            raise FetchError(f"file URL with a remote host is not supported: {url}")
        path = Path(unquote(parts.path))
    else:
        path = Path(url).expanduser()
    return path if path.is_absolute() else base_dir / path


@dataclass
class LocalDocument:
    source: str  # file:// URL, used as the base for relative links
    data: bytes


def read_local(url: str, base_dir: Path, max_bytes: int) -> list[LocalDocument]:
    """The feed documents at ``url``: one file, or every feed file in a folder."""
    path = local_path(url, base_dir)
    if path.is_dir():
        files = sorted(
            p for p in path.iterdir() if p.suffix.lower() in FEED_SUFFIXES and p.is_file()
        )
        if not files:
            raise FetchError(f"no feed files (*.xml, *.rss, *.atom) in {path}")
    elif path.is_file():
        files = [path]
    else:
        raise FetchError(f"no such file or folder: {path}")
    documents = []
    for file in files:
        size = file.stat().st_size
        if size > max_bytes:
            raise ResponseTooLargeError(
                f"{file} is {size:,} bytes, over the {max_bytes:,} byte cap"
            )
        try:
            documents.append(LocalDocument(file.resolve().as_uri(), file.read_bytes()))
        except OSError as exc:
            raise FetchError(f"cannot read {file}: {exc.strerror}") from exc
    return documents


def documents_hash(documents: list[LocalDocument]) -> str:
    """One hash over all documents: unchanged archives are not parsed again."""
    digest = hashlib.sha256()
    for doc in documents:
        digest.update(doc.source.encode("utf-8"))
        digest.update(hashlib.sha256(doc.data).digest())
    return digest.hexdigest()
