"""Quality of verification, measured on labelled data (tests/corpus; format in its README).

Two yardsticks:
- claim/item pairs: the judge's kind against the label; the figure that matters most is the
  precision of *fulfilled decisions* (a decisive fulfilment judgement, which would close a
  claim as fulfilled): a false "fulfilled" flatters a bad forecaster. Recall is over the pairs
  labelled fulfilment.
- backtest scenarios: the final status of each expected claim, and for fulfilled ones whether
  the deciding evidence is the expected item (and only that story, no distractor).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from forecasts.errors import InputError
from forecasts.evidence.judge import ClaimFacts, ItemFacts, judge

KINDS = ("fulfilment", "signal", "counter", "none")


@dataclass
class PairScores:
    total: int = 0
    confusion: dict[str, dict[str, int]] = field(
        default_factory=lambda: {e: dict.fromkeys(KINDS, 0) for e in KINDS}
    )
    decided_fulfilled: int = 0  # decisive fulfilment judgements
    decided_correct: int = 0
    expected_fulfilment: int = 0
    candidates: CandidateScores | None = None
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        right = sum(self.confusion[k][k] for k in KINDS)
        return right / self.total if self.total else 0.0

    @property
    def fulfilled_precision(self) -> float:
        return self.decided_correct / self.decided_fulfilled if self.decided_fulfilled else 1.0

    @property
    def fulfilled_recall(self) -> float:
        return self.decided_correct / self.expected_fulfilment if self.expected_fulfilment else 1.0

    @property
    def counter_recall(self) -> float:
        """Share of the pairs labelled counter that the judge calls counter-evidence."""
        row = self.confusion["counter"]
        expected = sum(row.values())
        return row["counter"] / expected if expected else 1.0

    @property
    def fulfilment_precision(self) -> float:
        """Precision of any fulfilment judgement, decisive or sent to review."""
        predicted = sum(self.confusion[e]["fulfilment"] for e in KINDS)
        return self.confusion["fulfilment"]["fulfilment"] / predicted if predicted else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "pairs": self.total,
            "accuracy": round(self.accuracy, 3),
            "fulfilled_precision": round(self.fulfilled_precision, 3),
            "fulfilled_recall": round(self.fulfilled_recall, 3),
            "fulfilment_precision_incl_review": round(self.fulfilment_precision, 3),
            "counter_recall": round(self.counter_recall, 3),
            "candidate_recall": self.candidates.as_dict() if self.candidates else None,
            "confusion": self.confusion,
            "errors": self.errors,
        }


@dataclass
class CandidateScores:
    """Does the candidate search bring a pair's item to the judge? Measured on its own.

    Over the pairs labelled fulfilment or counter (the items that must reach the judge). Two
    paths, both run for real on a SQLite store: a new item looks up the claims indexed under
    its words (``by_item``); a new claim searches the stored items in its window (``by_claim``).
    Which path applies depends on which arrives first, so the headline needs both.
    """

    pairs: int = 0
    by_item: int = 0
    by_claim: int = 0
    both: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.both / self.pairs if self.pairs else 1.0

    def as_dict(self) -> dict[str, Any]:
        def share(n: int) -> float:
            return round(n / self.pairs, 3) if self.pairs else 1.0

        return {
            "pairs": self.pairs,
            "recall": round(self.recall, 3),
            "recall_new_item": share(self.by_item),
            "recall_new_claim": share(self.by_claim),
            "misses": self.misses,
        }


def _date(value: Any, what: str) -> date:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"{what}: '{value}' is not a date") from None


def pair_from_json(doc: dict[str, Any]) -> tuple[ClaimFacts, ItemFacts, str]:
    c, i = doc["claim"], doc["item"]
    published = i.get("published")
    claim = ClaimFacts(
        claim=c.get("claim", ""),
        actors=tuple(c.get("actors", [])),
        event=c.get("event", ""),
        event_type=c.get("event_type", ""),
        location=c.get("location", ""),
        polarity=c.get("polarity", "positive"),
        reference_date=_date(c["reference_date"], "reference_date"),
        due_earliest=_date(c["due_earliest"], "due_earliest"),
        due_latest=_date(c["due_latest"], "due_latest"),
        sentence=c.get("sentence", ""),
        statement=c.get("statement", ""),
    )
    item = ItemFacts(
        title=i.get("title", ""),
        summary=i.get("summary", ""),
        published=datetime.fromisoformat(published.replace("Z", "+00:00")) if published else None,
        link=i.get("link", ""),
    )
    return claim, item, doc["expected"]


@dataclass(frozen=True)
class Pair:
    id: str
    claim: ClaimFacts
    item: ItemFacts
    expected: str


def load_pairs(*paths: Path) -> list[Pair]:
    """Labelled pairs from JSON-lines files; a malformed line is one clear error."""
    out: list[Pair] = []
    for path in paths:
        if not path.is_file():
            raise InputError(f"{path}: no labelled pairs (see tests/corpus/README.md)")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                claim, item, expected = pair_from_json(doc)
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
                raise InputError(f"{path}:{n}: not a labelled pair: {exc}") from None
            if expected not in KINDS:
                raise InputError(f"{path}:{n}: expected must be one of {', '.join(KINDS)}")
            out.append(Pair(str(doc.get("id", f"{path.name}:{n}")), claim, item, expected))
    return out


def evaluate_pairs(*paths: Path) -> PairScores:
    """Judge every pair of JSON-lines files against its label."""
    return score_pairs(load_pairs(*paths))


def score_pairs(pairs: list[Pair]) -> PairScores:
    """The judge's kind for each pair against its label."""
    scores = PairScores()
    for pair in pairs:
        claim, item, expected = pair.claim, pair.item, pair.expected
        j = judge(claim, item)
        scores.total += 1
        scores.confusion[expected][j.kind] += 1
        if expected == "fulfilment":
            scores.expected_fulfilment += 1
        if j.kind == "fulfilment" and j.decisive:
            scores.decided_fulfilled += 1
            scores.decided_correct += expected == "fulfilment"
        if j.kind != expected:
            scores.errors.append(
                {
                    "id": pair.id,
                    "expected": expected,
                    "got": j.kind,
                    "score": j.score,
                    "rule": j.rule,
                    "title": item.title,
                }
            )
    return scores


@dataclass
class ScenarioScore:
    name: str
    expected: int = 0
    status_correct: int = 0
    fulfilled_expected: int = 0
    evidence_correct: int = 0
    judged: int = 0  # expected claims the extractor found and left verifiable
    judged_correct: int = 0
    other_links: int = 0  # deciding evidence other than the expected item (distractors or repeats)
    false_fulfilled: int = 0  # extracted claims ended fulfilled whose expected status is not
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def status_accuracy(self) -> float:
        return self.status_correct / self.expected if self.expected else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.name,
            "expected_claims": self.expected,
            "status_accuracy": round(self.status_accuracy, 3),
            # The verifier's own share: claims extracted (and verifiable) with the right status.
            "status_accuracy_where_extracted": round(
                self.judged_correct / self.judged if self.judged else 1.0, 3
            ),
            "extracted_claims": self.judged,
            "status_correct": self.status_correct,
            "status_correct_where_extracted": self.judged_correct,
            "false_fulfilled": self.false_fulfilled,
            "evidence_correct": f"{self.evidence_correct}/{self.fulfilled_expected}",
            "other_evidence_links": self.other_links,
            "misses": self.misses,
        }


def score_scenario(
    name: str, expected: dict[str, Any], claims: list[dict[str, Any]]
) -> ScenarioScore:
    """Compare a backtest's final table with the scenario's expected.json."""
    score = ScenarioScore(name)
    for want in expected.get("claims", []):
        score.expected += 1
        keywords = [k.lower() for k in want["keywords"]]
        found = [
            c
            for c in claims
            if all(k in f"{c.get('claim', '')} {c.get('event', '')}".lower() for k in keywords)
        ]
        got = found[0] if found else None
        status = got["status"] if got else "(not extracted)"
        ok = status == want["status"]
        score.status_correct += ok
        if got is not None and (got["status"] != "not_verifiable" or want["status"] == status):
            score.judged += 1
            score.judged_correct += ok
        if got is not None and status == "fulfilled" and want["status"] != "fulfilled":
            score.false_fulfilled += 1
        if want["status"] == "fulfilled" and want.get("evidence_link"):
            score.fulfilled_expected += 1
            links = [e["link"] for e in got["evidence"]] if got else []
            if want["evidence_link"] in links:
                score.evidence_correct += 1
            score.other_links += len([lk for lk in links if lk != want["evidence_link"]])
        if not ok:
            score.misses.append(
                {"keywords": want["keywords"], "expected": want["status"], "got": status}
            )
    return score


def scenario_dirs(root: Path) -> list[Path]:
    return (
        sorted(p for p in root.iterdir() if (p / "expected.json").is_file())
        if root.is_dir()
        else []
    )
