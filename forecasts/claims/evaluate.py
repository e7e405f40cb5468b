"""Score the extractor on the labelled corpus (tests/corpus/extraction/*.jsonl).

Matching follows tests/corpus/README.md: an expected claim is found by a predicted claim whose
``claim`` or ``event`` text contains all its keywords (case-insensitive); each prediction finds
at most one expected claim. Counting:

- true positive: an expected claim that a prediction found;
- miss: an expected *verifiable* claim nobody found (vague expected claims are optional);
- false positive: a prediction flagged verifiable that found nothing. Predictions the extractor
  itself flags not verifiable are allowed (the README: vague claims "may be recorded but must be
  flagged"); they are counted separately as ``unmatched_unverifiable``.

Window exact-match, hedge, polarity, speaker and verifiable agreement are rates over the found
claims. Speakers agree when one contains the other after dropping articles and quantifiers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from forecasts.claims.extract import extract_claims
from forecasts.claims.types import ExtractedClaim
from forecasts.config import Settings
from forecasts.errors import InputError


@dataclass
class Passage:
    id: str
    domain: str
    reference_date: date
    text: str
    claims: list[dict[str, Any]]


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
    hedge_agree: int = 0
    polarity_agree: int = 0
    speaker_agree: int = 0
    verifiable_agree: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0

        def rate(n: int) -> float:
            return round(n / self.tp, 3) if self.tp else 0.0

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
            "hedge_agreement": rate(self.hedge_agree),
            "polarity_agreement": rate(self.polarity_agree),
            "speaker_agreement": rate(self.speaker_agree),
            "verifiable_agreement": rate(self.verifiable_agree),
        }


@dataclass
class Report:
    overall: dict[str, float | int]
    domains: dict[str, dict[str, float | int]]
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_corpus(folder: Path) -> list[Passage]:
    """Every passage of every *.jsonl file in the folder; a bad line is an InputError."""
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise InputError(f"{folder}: no *.jsonl corpus files")
    out = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                out.append(
                    Passage(
                        id=str(raw["id"]),
                        domain=str(raw.get("domain", path.stem)),
                        reference_date=date.fromisoformat(raw["reference_date"]),
                        text=str(raw["text"]),
                        claims=list(raw.get("claims", [])),
                    )
                )
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{number}: not a corpus passage ({exc})") from None
    return out


_SPEAKER_NOISE = re.compile(r"\b(?:the|a|an|most|some|many|several|latest|other)\b", re.IGNORECASE)


def _norm_speaker(value: str) -> str:
    return re.sub(r"\s+", " ", _SPEAKER_NOISE.sub(" ", value.lower())).strip(" .,'’")


def speakers_agree(expected: str, predicted: str) -> bool:
    e, p = _norm_speaker(expected), _norm_speaker(predicted)
    if not e or not p:
        return e == p
    return e in p or p in e or bool(set(e.split()) & set(p.split()) - {"of", "s", "'s"})


def _matches(expected: dict[str, Any], claim: ExtractedClaim) -> bool:
    haystack = f"{claim.claim} {claim.event}".lower()
    return all(str(k).lower() in haystack for k in expected.get("keywords", []))


def score_passage(
    passage: Passage, predicted: list[ExtractedClaim]
) -> tuple[Tally, list[dict[str, Any]]]:
    tally = Tally(passages=1, expected=len(passage.claims), predicted=len(predicted))
    errors: list[dict[str, Any]] = []
    used: set[int] = set()
    for exp in passage.claims:
        candidates = [i for i, c in enumerate(predicted) if i not in used and _matches(exp, c)]
        if not candidates:
            if exp.get("verifiable", True):
                tally.fn += 1
                errors.append({"id": passage.id, "kind": "miss", "keywords": exp.get("keywords")})
            continue

        def exact(i: int, exp: dict[str, Any] = exp) -> bool:
            c = predicted[i]
            return str(c.due_earliest) == exp.get("due_earliest") and str(c.due_latest) == exp.get(
                "due_latest"
            )

        best = next((i for i in candidates if exact(i)), candidates[0])
        used.add(best)
        got = predicted[best]
        tally.tp += 1
        if exact(best):
            tally.window_exact += 1
        else:
            errors.append({
                "id": passage.id, "kind": "window", "keywords": exp.get("keywords"),
                "expected": [exp.get("due_earliest"), exp.get("due_latest"), exp.get("due_basis")],
                "got": [str(got.due_earliest), str(got.due_latest), got.due_basis],
            })  # fmt: skip
        tally.hedge_agree += got.hedge == exp.get("hedge")
        tally.polarity_agree += got.polarity == exp.get("polarity", "positive")
        tally.speaker_agree += speakers_agree(str(exp.get("speaker", "")), got.speaker)
        tally.verifiable_agree += got.verifiable == exp.get("verifiable", True)
    for i, claim in enumerate(predicted):
        if i in used:
            continue
        if claim.verifiable:
            tally.fp += 1
            errors.append({"id": passage.id, "kind": "false_positive", "claim": claim.claim})
        else:
            tally.unmatched_unverifiable += 1
    return tally, errors


def evaluate(
    passages: list[Passage],
    settings: Settings,
    extractor: Callable[[str, date, Settings], list[ExtractedClaim]] = extract_claims,
) -> Report:
    """Per-domain and overall figures for the extractor on these passages."""
    overall = Tally()
    domains: dict[str, Tally] = {}
    errors: list[dict[str, Any]] = []
    for passage in passages:
        tally, errs = score_passage(
            passage, extractor(passage.text, passage.reference_date, settings)
        )
        overall.add(tally)
        domains.setdefault(passage.domain, Tally()).add(tally)
        errors.extend(errs)
    return Report(
        overall=overall.figures(),
        domains={name: t.figures() for name, t in sorted(domains.items())},
        errors=errors,
    )
