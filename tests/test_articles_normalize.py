"""Normalised text and its hash: trivial differences do not make a new article."""

from __future__ import annotations

from forecasts.articles.normalize import content_hash, normalize_text


def test_line_endings_trailing_spaces_and_blank_runs_do_not_matter() -> None:
    a = "Title\r\n\r\n\r\n\r\nFirst paragraph.  \r\nSecond   line.\r\n"
    b = "Title\n\nFirst paragraph.\nSecond line."
    assert normalize_text(a) == b
    assert content_hash(a) == content_hash(b)


def test_unicode_composition_and_bom_do_not_matter() -> None:
    composed = "Caf\u00e9 talks"
    decomposed = "\ufeffCafe\u0301 talks"
    assert content_hash(composed) == content_hash(decomposed)


def test_different_words_hash_differently() -> None:
    assert content_hash("Talks will resume.") != content_hash("Talks will not resume.")


def test_hash_is_hex_sha256() -> None:
    digest = content_hash("x")
    assert len(digest) == 64 and int(digest, 16) >= 0
