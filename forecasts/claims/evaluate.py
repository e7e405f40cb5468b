"""Score the extractor on labelled corpora: the regression set and the real-text splits.

Two corpora, scored by one matcher and reported separately:

- the **regression set** ``tests/corpus/extraction/*.jsonl``: passages written beside the rules
  (tests/corpus/README.md). Vague claims are optional there: an expected claim labelled
  ``verifiable: false`` that nobody found is no miss, and a prediction the extractor itself
  flags not verifiable is no false positive (counted as ``unmatched_unverifiable``);
- the **real-text splits** ``tests/corpus/real/extraction/{dev,test}.jsonl``: published
  articles labelled by readers who never saw the rules (../shared/LABELLING.md,
  LABEL-FORMAT.md). Strict: every labelled claim is one to find, flagged or not (LABELLING.md
  labels unverifiable claims too), and every prediction is a claim the extractor asserts.

Matching (both corpora). Text is compared case-insensitively after NFKC, with curly quotes and
apostrophes made straight, dashes made hyphens and white space collapsed. An expected claim is
*found by* a predicted claim when every one of its ``keywords`` occurs in the predicted
``claim``, ``event`` or ``statement`` text (the three joined). Each prediction finds at most one
expected claim and each expected claim at most one prediction: a maximum one-to-one matching
(augmenting paths), in which each expected claim tries first the predictions from its own
labelled ``sentence`` (the same sentence, or one containing the other, since splitters differ
on headlines and quotes), then those with its exact window, then the rest in text order. The
sentence only breaks ties; it never makes a match.

Figures. Precision and recall count matches as true positives, unmatched expected claims as
misses and unmatched predictions as false positives (with the regression set's leniency
above). Over the true positives: exact window (both ends equal), hedge, polarity, speaker,
subject and verifiable agreement. ``window_pm3`` is the share of matched *dated* claims (an
expected window whose ``due_basis`` is not ``default``) whose predicted window is within three
days of the labelled one on both ends (LABELLING.md leaves defaults out of due-date accuracy).
``statement_share`` is the share of all predictions that carry a non-empty ``statement``.
Speakers and subjects agree when one contains the other, or they share a word, after dropping
articles, quantifiers and "of".
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from forecasts.articles.normalize import normalize_text
from forecasts.claims.extract import extract_claims
from forecasts.claims.types import ExtractedClaim
from forecasts.config import Settings
from forecasts.errors import InputError

SPLITS = ("dev", "test")
WINDOW_SLACK_DAYS = 3


@dataclass
class Passage:
    id: str
    domain: str
    reference_date: date
    text: str
    claims: list[dict[str, Any]]
    style: str = ""
    outlet: str = ""
    url: str = ""


@dataclass
class Tally:
    passages: int = 0
    expected: int = 0
    predicted: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    unmatched_unverifiable: int = 0
    window_exact: int = 0
    dated: int = 0
    window_pm3: int = 0
    statements: int = 0
    hedge_agree: int = 0
    polarity_agree: int = 0
    speaker_agree: int = 0
    subject_agree: int = 0
    verifiable_agree: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0

        def rate(n: int, of: int | None = None) -> float:
            total = self.tp if of is None else of
            return round(n / total, 3) if total else 0.0

        return {
            "passages": self.passages,
            "expected": self.expected,
            "predicted": self.predicted,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "unmatched_unverifiable": self.unmatched_unverifiable,
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f1, 3),
            "window_exact": rate(self.window_exact),
            "dated": self.dated,
            "window_pm3": rate(self.window_pm3, self.dated),
            "statement_share": rate(self.statements, self.predicted),
            "hedge_agreement": rate(self.hedge_agree),
            "polarity_agreement": rate(self.polarity_agree),
            "speaker_agreement": rate(self.speaker_agree),
            "subject_agreement": rate(self.subject_agree),
            "verifiable_agreement": rate(self.verifiable_agree),
        }


@dataclass
class Report:
    overall: dict[str, float | int]
    domains: dict[str, dict[str, float | int]]
    errors: list[dict[str, Any]] = field(default_factory=list)
    styles: dict[str, dict[str, float | int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _passage(raw: dict[str, Any], default_domain: str) -> Passage:
    reference = raw.get("reference_date") or raw["published"]
    return Passage(
        id=str(raw["id"]),
        domain=str(raw.get("domain", default_domain)),
        reference_date=date.fromisoformat(reference),
        text=str(raw["text"]),
        claims=list(raw.get("claims", [])),
        style=str(raw.get("style", "")),
        outlet=str(raw.get("outlet", "")),
        url=str(raw.get("url", "")),
    )


def _read_lines(path: Path) -> list[Passage]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(_passage(json.loads(line), path.stem))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}: not a corpus passage ({exc})") from None
    return out


def load_corpus(folder: Path) -> list[Passage]:
    """Every passage of every *.jsonl file in the folder; a bad line is an InputError."""
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise InputError(f"{folder}: no *.jsonl corpus files")
    return [p for path in files for p in _read_lines(path)]


def load_split(folder: Path, split: str) -> list[Passage]:
    """The articles of one real-text split ("dev", "test") or of both ("all")."""
    names = SPLITS if split == "all" else (split,)
    if any(name not in SPLITS for name in names):
        raise InputError(f"--split: '{split}' is not one of dev, test, all")
    out: list[Passage] = []
    for name in names:
        path = folder / f"{name}.jsonl"
        if not path.is_file():
            raise InputError(f"{path}: split file not found (the {name} split is not in place)")
        out.extend(_read_lines(path))
    return out


_NOISE = re.compile(
    r"\b(?:the|a|an|most|some|many|several|latest|other|of|and)\b|[’'`]s\b", re.IGNORECASE
)


def _norm_name(value: str) -> str:
    return re.sub(r"\s+", " ", _NOISE.sub(" ", norm(value))).strip(" .,'")


def speakers_agree(expected: str, predicted: str) -> bool:
    e, p = _norm_name(expected), _norm_name(predicted)
    if not e or not p:
        return e == p
    return e in p or p in e or bool(set(e.split()) & set(p.split()))


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})


def norm(text: str) -> str:
    """Text as the matcher compares it: NFKC, straight quotes, hyphens, one space, lower case."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip().lower()


def _haystack(claim: ExtractedClaim) -> str:
    return norm(f"{claim.claim} \n {claim.event} \n {claim.statement}")


def _matches(expected: dict[str, Any], hay: str) -> bool:
    keywords = [norm(str(k)) for k in expected.get("keywords", [])]
    return bool(keywords) and all(k in hay for k in keywords)


def _same_sentence(expected: dict[str, Any], claim: ExtractedClaim) -> bool:
    e, p = norm(str(expected.get("sentence", ""))), norm(claim.sentence)
    return bool(e and p) and (e == p or e in p or p in e)


def _window_exact(expected: dict[str, Any], claim: ExtractedClaim) -> bool:
    return str(claim.due_earliest) == expected.get("due_earliest") and str(
        claim.due_latest
    ) == expected.get("due_latest")


def _is_dated(expected: dict[str, Any]) -> bool:
    return (
        expected.get("due_basis") != "default"
        and bool(expected.get("due_earliest"))
        and bool(expected.get("due_latest"))
    )


def _within(expected: dict[str, Any], claim: ExtractedClaim) -> bool:
    if claim.due_earliest is None or claim.due_latest is None:
        return False
    try:
        lo = date.fromisoformat(str(expected["due_earliest"]))
        hi = date.fromisoformat(str(expected["due_latest"]))
    except (KeyError, ValueError):
        return False
    return (
        abs((claim.due_earliest - lo).days) <= WINDOW_SLACK_DAYS
        and abs((claim.due_latest - hi).days) <= WINDOW_SLACK_DAYS
    )


def match(expected: list[dict[str, Any]], predicted: list[ExtractedClaim]) -> dict[int, int]:
    """A maximum one-to-one matching {expected index: predicted index} (rules: module doc)."""
    hays = [_haystack(c) for c in predicted]
    options: list[list[int]] = []
    for exp in expected:
        found = [i for i, hay in enumerate(hays) if _matches(exp, hay)]
        found.sort(
            key=lambda i, exp=exp: (  # type: ignore[misc]
                not _same_sentence(exp, predicted[i]),
                not _window_exact(exp, predicted[i]),
                i,
            )
        )
        options.append(found)
    owner: dict[int, int] = {}  # predicted index -> expected index

    def augment(e: int, seen: set[int]) -> bool:
        for i in options[e]:
            if i in seen:
                continue
            seen.add(i)
            if i not in owner or augment(owner[i], seen):
                owner[i] = e
                return True
        return False

    for e in range(len(expected)):
        augment(e, set())
    return {e: i for i, e in owner.items()}


def _predicted_subject(claim: ExtractedClaim) -> str:
    return claim.actors[0] if claim.actors else ""


def score_passage(
    passage: Passage, predicted: list[ExtractedClaim], *, strict: bool = False
) -> tuple[Tally, list[dict[str, Any]]]:
    """The tally of one passage and its errors (misses, false positives, wrong windows)."""
    tally = Tally(passages=1, expected=len(passage.claims), predicted=len(predicted))
    tally.statements = sum(1 for c in predicted if c.statement.strip())
    errors: list[dict[str, Any]] = []
    pairs = match(passage.claims, predicted)
    for e, exp in enumerate(passage.claims):
        if e not in pairs:
            if strict or exp.get("verifiable", True):
                tally.fn += 1
                errors.append({
                    "id": passage.id, "kind": "miss", "keywords": exp.get("keywords"),
                    **({"sentence": exp.get("sentence"), "statement": exp.get("statement")} if strict else {}),
                })  # fmt: skip
            continue
        got = predicted[pairs[e]]
        tally.tp += 1
        if _window_exact(exp, got):
            tally.window_exact += 1
        if _is_dated(exp):
            tally.dated += 1
            tally.window_pm3 += _within(exp, got)
        if not _window_exact(exp, got) and (
            not strict or (_is_dated(exp) and not _within(exp, got))
        ):
            errors.append({
                "id": passage.id, "kind": "window", "keywords": exp.get("keywords"),
                "expected": [exp.get("due_earliest"), exp.get("due_latest"), exp.get("due_basis")],
                "got": [str(got.due_earliest), str(got.due_latest), got.due_basis],
                **({"sentence": exp.get("sentence")} if strict else {}),
            })  # fmt: skip
        tally.hedge_agree += got.hedge == exp.get("hedge")
        tally.polarity_agree += got.polarity == exp.get("polarity", "positive")
        tally.speaker_agree += speakers_agree(str(exp.get("speaker", "")), got.speaker)
        subject = str(exp.get("subject", ""))
        tally.subject_agree += bool(subject) and speakers_agree(subject, _predicted_subject(got))
        tally.verifiable_agree += got.verifiable == exp.get("verifiable", True)
    used = set(pairs.values())
    for i, claim in enumerate(predicted):
        if i in used:
            continue
        if claim.verifiable or strict:
            tally.fp += 1
            errors.append({
                "id": passage.id, "kind": "false_positive", "claim": claim.claim,
                **({"sentence": claim.sentence, "statement": claim.statement} if strict else {}),
            })  # fmt: skip
        else:
            tally.unmatched_unverifiable += 1
    return tally, errors


def evaluate(
    passages: list[Passage],
    settings: Settings,
    extractor: Callable[[str, date, Settings], list[ExtractedClaim]] = extract_claims,
    *,
    strict: bool = False,
    keep_errors: bool = True,
) -> Report:
    """Per-domain, per-style and overall figures for the extractor on these passages.

    The text goes through ``normalize_text`` first, as every article the CLI stores does.
    ``keep_errors=False`` leaves the error list empty (a frozen split's errors stay unread).
    """
    overall = Tally()
    domains: dict[str, Tally] = {}
    styles: dict[str, Tally] = {}
    errors: list[dict[str, Any]] = []
    for passage in passages:
        predicted = extractor(normalize_text(passage.text), passage.reference_date, settings)
        tally, errs = score_passage(passage, predicted, strict=strict)
        overall.add(tally)
        domains.setdefault(passage.domain, Tally()).add(tally)
        if passage.style:
            styles.setdefault(passage.style, Tally()).add(tally)
        if keep_errors:
            errors.extend(errs)
    return Report(
        overall=overall.figures(),
        domains={name: t.figures() for name, t in sorted(domains.items())},
        errors=errors,
        styles={name: t.figures() for name, t in sorted(styles.items())},
    )
