"""``NAME.meta.toml`` sidecars: metadata written by a person next to an article file.

``seeds/articles/x.txt`` is described by ``seeds/articles/x.meta.toml``::

    title = "..."
    source = "The Japan Times"     # the outlet
    url = "https://..."
    published = "2023-06-18"       # a TOML date or a YYYY-MM-DD string

Unknown keys are refused (a typo must not silently lose the date), as in config.toml.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from forecasts.errors import ArticleError

SUFFIX = ".meta.toml"
_KEYS = {"title", "source", "url", "published"}


@dataclass(frozen=True, slots=True)
class Sidecar:
    path: Path
    title: str = ""
    source: str = ""
    url: str = ""
    published: date | None = None


def sidecar_path(article: Path) -> Path:
    """``dir/name.txt`` -> ``dir/name.meta.toml``."""
    return (
        article.with_name(article.stem + SUFFIX)
        if article.suffix
        else article.with_name(article.name + SUFFIX)
    )


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SUFFIX)


def read_sidecar(article: Path) -> Sidecar | None:
    """The sidecar of ``article``, or None when there is none; ArticleError when it is broken."""
    path = sidecar_path(article)
    if not path.is_file():
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ArticleError(f"{path}: not a valid metadata file: {exc}") from None
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read: {exc.strerror}") from None
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ArticleError(
            f"{path}: unknown key(s) {', '.join(unknown)} (allowed: {', '.join(sorted(_KEYS))})"
        )
    for key in ("title", "source", "url"):
        if not isinstance(data.get(key, ""), str):
            raise ArticleError(f"{path}: '{key}' must be a string")
    return Sidecar(
        path=path,
        title=data.get("title", "").strip(),
        source=data.get("source", "").strip(),
        url=data.get("url", "").strip(),
        published=_published(path, data.get("published")),
    )


def _published(path: Path, value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise ArticleError(f"{path}: 'published' = {value!r} is not a date (expected YYYY-MM-DD)")
