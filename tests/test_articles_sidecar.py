"""NAME.meta.toml sidecars: metadata a person writes next to an article file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from forecasts.articles.sidecar import is_sidecar, read_sidecar, sidecar_path
from forecasts.errors import ArticleError

REPO = Path(__file__).resolve().parent.parent


def test_the_seed_sidecar_is_read() -> None:
    seed = REPO / "seeds/articles/2023-06-18-japan-times-blinken-beijing-visit.txt"
    meta = read_sidecar(seed)
    assert meta is not None
    assert meta.source == "The Japan Times"
    assert meta.published == date(2023, 6, 18)
    assert meta.title.startswith("Top U.S. Diplomat Meets Chinese Foreign Minister")


def test_sidecar_name_replaces_the_suffix() -> None:
    assert sidecar_path(Path("a/story.html")) == Path("a/story.meta.toml")
    assert is_sidecar(Path("a/story.meta.toml")) and not is_sidecar(Path("a/story.toml.txt"))


def test_no_sidecar_is_none(tmp_path: Path) -> None:
    assert read_sidecar(tmp_path / "x.txt") is None


def test_published_may_be_a_toml_date_or_a_string(tmp_path: Path) -> None:
    (tmp_path / "a.meta.toml").write_text("published = 2024-01-05\n", encoding="utf-8")
    (tmp_path / "b.meta.toml").write_text('published = "2024-01-06"\n', encoding="utf-8")
    assert read_sidecar(tmp_path / "a.txt").published == date(2024, 1, 5)  # type: ignore[union-attr]
    assert read_sidecar(tmp_path / "b.txt").published == date(2024, 1, 6)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('publshed = "2024-01-05"\n', r"unknown key\(s\) publshed"),
        ('published = "last week"\n', "is not a date"),
        ("title = [1, 2]\n", "'title' must be a string"),
        ("title = \n", "not a valid metadata file"),
    ],
)
def test_a_broken_sidecar_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "a.meta.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ArticleError, match=message):
        read_sidecar(tmp_path / "a.txt")
