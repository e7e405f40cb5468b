"""Dev verification pairs in two fixed halves: tune on one, check the other generalises.

    python bench/verify_halves.py                  # both halves' figures
    python bench/verify_halves.py --errors A       # half A's wrong pairs (never read B's)

A pair belongs to half A when the first byte of the SHA-1 of its claim's text is even, else to
half B: a fixed rule, independent of order and of later additions to the file. Splitting by
claim (not by pair) keeps every item about one event in the same half, so half B holds events
never looked at while tuning on A. Only the dev split is
read (tests/corpus/real/verification/dev.jsonl); the frozen test split never is.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from forecasts.jobs.verify_eval import candidate_recall
from forecasts.verdicts.evaluation import Pair, load_pairs, score_pairs

DEV = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "real" / "verification"


def half_of(claim_text: str) -> str:
    """'A' or 'B', fixed by the claim's text."""
    return "A" if hashlib.sha1(claim_text.encode()).digest()[0] % 2 == 0 else "B"


def split(pairs: list[Pair]) -> dict[str, list[Pair]]:
    out: dict[str, list[Pair]] = {"A": [], "B": []}
    for pair in pairs:
        out[half_of(pair.claim.claim)].append(pair)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=["A", "B"], help="list the wrong pairs of one half")
    parser.add_argument("--no-candidates", action="store_true")
    args = parser.parse_args()
    halves = split(load_pairs(DEV / "dev.jsonl"))
    print("half  pairs  ful.prec  ful.recall  counter.recall  cand.recall  accuracy")
    for name, pairs in halves.items():
        scores = score_pairs(pairs)
        cand = "-" if args.no_candidates else f"{candidate_recall(pairs).recall:.3f}"
        print(
            f"{name:4}  {scores.total:5}  {scores.fulfilled_precision:8.3f}  "
            f"{scores.fulfilled_recall:10.3f}  {scores.counter_recall:14.3f}  "
            f"{cand:>11}  {scores.accuracy:8.3f}"
        )
        if args.errors == name:
            for e in scores.errors:
                print(
                    f"  {e['id']}  {e['expected']:>10} -> {e['got']:10} {e['rule']}  {e['title']}"
                )


if __name__ == "__main__":
    main()
