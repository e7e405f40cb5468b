"""Print the statements of the verifiable claims the extractor finds on the dev split.

For judging statements by hand ("does a reader who never saw the article know who, what
event, and could check it?"). The dev articles are split in two halves by the sha1 of their
id: half A is for tuning, half B only for counting. Never run on the frozen test split.

    python bench/statements_dump.py --half A            # statements, one per line
    python bench/statements_dump.py --half B --sentence # with the source sentence
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from forecasts.articles.normalize import normalize_text
from forecasts.claims.evaluate import load_split
from forecasts.claims.extract import extract_claims
from forecasts.config import load_settings

CORPUS = Path("tests/corpus/real/extraction")


def half_of(article_id: str) -> str:
    """'A' or 'B': the half an article falls in, stable across runs and machines."""
    return "A" if int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 2 == 0 else "B"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("A", "B", "all"), default="A")
    parser.add_argument("--sentence", action="store_true", help="print the source sentence too")
    parser.add_argument(
        "--all-claims", action="store_true", help="also the claims marked not verifiable"
    )
    args = parser.parse_args()
    settings = load_settings()
    count = 0
    for passage in load_split(CORPUS, "dev"):
        if args.half != "all" and half_of(passage.id) != args.half:
            continue
        claims = extract_claims(normalize_text(passage.text), passage.reference_date, settings)
        for claim in claims:
            if not (claim.verifiable or args.all_claims):
                continue
            count += 1
            mark = "" if claim.verifiable else " [not verifiable]"
            print(f"{passage.id}\t{' '.join(claim.statement.split())}{mark}")
            if args.sentence:
                print(f"\t\t<< {' '.join(claim.sentence.split())}")
    print(f"# {count} statements")


if __name__ == "__main__":
    main()
