"""Feed subscriptions are checked where they come in: duplicate names and unknown schemes at
config load, local paths refused from OPML (issue 17, item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from forecasts.config import load_settings
from forecasts.errors import ConfigError


def _config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f'database_url = "sqlite:///{tmp_path / "f.db"}"\n{body}', encoding="utf-8")
    return path


def test_two_feeds_with_one_name_are_a_config_error(tmp_path: Path) -> None:
    """Two [[feeds]] named alike are refused at load, naming the name."""
    config = _config(
        tmp_path,
        '[[feeds]]\nname = "news"\nurl = "https://a.example/rss"\n'
        '[[feeds]]\nname = "news"\nurl = "https://b.example/rss"\n',
    )
    with pytest.raises(ConfigError, match=r"'news'.*more than once"):
        load_settings(config)


def test_two_search_templates_with_one_name_are_a_config_error(tmp_path: Path) -> None:
    """Search template names are unique too."""
    config = _config(
        tmp_path,
        '[[search_templates]]\nname = "s"\nurl = "https://a.example/?q={query}"\n'
        '[[search_templates]]\nname = "s"\nurl = "https://b.example/?q={query}"\n',
    )
    with pytest.raises(ConfigError, match=r"'s'.*more than once"):
        load_settings(config)


@pytest.mark.parametrize(
    "url",
    ["gopher://example.org/1/news", "ftp://example.org/rss", "javascript:alert(1)", "https://"],
)
def test_feed_urls_must_be_http_file_or_a_path(tmp_path: Path, url: str) -> None:
    """Only http(s) (with a host), file:// and plain paths are feed URLs."""
    config = _config(tmp_path, f'[[feeds]]\nname = "x"\nurl = "{url}"\n')
    with pytest.raises(ConfigError, match="http"):
        load_settings(config)


@pytest.mark.parametrize(
    "url", ["https://example.org/rss", "file:///srv/archive/", "seeds/feeds", "./a.xml"]
)
def test_good_feed_urls_load(tmp_path: Path, url: str) -> None:
    """http(s), file:// and relative or absolute paths load."""
    config = _config(tmp_path, f'[[feeds]]\nname = "x"\nurl = "{url}"\n')
    assert load_settings(config).feeds[0].url == url


def test_search_template_urls_must_be_http(tmp_path: Path) -> None:
    """A search template is always fetched over http(s)."""
    config = _config(tmp_path, '[[search_templates]]\nname = "s"\nurl = "file:///etc/{query}"\n')
    with pytest.raises(ConfigError, match="http"):
        load_settings(config)


def test_opml_import_refuses_local_feeds_without_probing_them(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    """file:// and relative-path outlines are skipped with the same message whether the path
    exists or not; http(s) outlines are imported."""
    existing = tmp_path / "exists.xml"
    existing.write_text("<rss/>", encoding="utf-8")
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        f'<outline text="present" xmlUrl="{existing.as_uri()}"/>'
        '<outline text="absent" xmlUrl="file:///no/such/file.xml"/>'
        '<outline text="relative" xmlUrl="../../etc/passwd"/>'
        '<outline text="web" xmlUrl="https://example.org/rss.xml"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    result = run_cli("feeds", "import-opml", str(opml))
    assert result.code == 0, result.err
    assert "imported 1 feeds, skipped 3" in result.out
    reasons = [line.split(":", 1)[1] for line in result.err.strip().splitlines()]
    assert len(reasons) == 3 and len(set(reasons)) == 1, result.err  # no existence oracle
    assert "no such file" not in result.err
    listed = run_cli("feeds", "list").out
    assert "example.org" in listed and "exists.xml" not in listed and "passwd" not in listed
