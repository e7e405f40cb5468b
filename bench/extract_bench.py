"""Extraction speed: articles per second and peak memory on generated news-length articles.

    python bench/extract_bench.py [--articles 1000] [--words 800] [--runs 3]

Single-threaded: one core. Articles are assembled from varied news sentences (claims, past events, quotes, questions,
background) by a seeded generator, so every run measures the same text. Prints the median
articles/s over the runs, the process's peak resident memory and the machine's load average. Target (issue 2): >= 100
articles/s on one core, peak memory < 300 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from forecasts.claims.extract import extract_claims
from forecasts.config import Settings

PEOPLE = [
    "Treasury Secretary Janet Yellen",
    "Chancellor Olaf Scholz",
    "Governor Andrew Bailey",
    "President Emmanuel Macron",
    "Prime Minister Fumio Kishida",
    "CEO Mary Barra",
    "coach Gareth Southgate",
]
ORGS = [
    "the Federal Reserve",
    "the European Central Bank",
    "Acme Corp",
    "NASA",
    "the Supreme Court",
    "the Labour Party",
    "the World Health Organization",
]
PLACES = ["Beijing", "Paris", "San Francisco", "Nairobi", "Brasília", "Geneva", "Tokyo"]
TIMES = [
    "later this year",
    "next week",
    "in March",
    "by the end of June",
    "in the coming weeks",
    "early next year",
    "on Tuesday",
    "in the third quarter",
    "within two years",
    "this fall",
    "on Nov. 16",
]
HEDGES = [
    "will",
    "could",
    "is expected to",
    "is likely to",
    "plans to",
    "may",
    "is set to",
    "is unlikely to",
    "will not",
    "hopes to",
]
VERBS = [
    "visit {place}",
    "meet officials in {place}",
    "cut interest rates",
    "launch a new rocket",
    "sign a trade agreement",
    "rule on the appeal",
    "hold talks in {place}",
    "announce a merger",
]
SAY = [
    "officials said",
    "analysts said",
    "according to people familiar with the matter",
    "{person} told reporters",
    "the ministry said in a statement",
]
FILLER = [
    "{org} raised its benchmark rate by a quarter point on Wednesday, its tenth increase in a row.",
    "Shares fell 2.3% in early trading as investors weighed the outlook for growth and inflation.",
    "“We have made real progress, but there is more work to do,” {person} said in {place}.",
    "Critics argue that the plan does too little to address rising costs for households.",
    "Will the deal survive the scrutiny of regulators in {place}?",
    "The talks last November ended without agreement after three days of negotiations.",
    "Diplomacy is an imperative, not a favor, one former ambassador wrote on social media.",
    "If the economy slows sharply, {org} could pause its campaign of increases.",
    "The company reported revenue of $4.2 billion for the quarter, up 11% from a year earlier.",
]


def make_article(rng: random.Random, words: int) -> str:
    parts: list[str] = []
    count = 0
    while count < words:
        if rng.random() < 0.35:
            subject = rng.choice(PEOPLE + ORGS)
            verb = rng.choice(VERBS).format(place=rng.choice(PLACES))
            sentence = f"{subject[0].upper()}{subject[1:]} {rng.choice(HEDGES)} {verb} {rng.choice(TIMES)}, {rng.choice(SAY).format(person=rng.choice(PEOPLE))}."
        else:
            sentence = rng.choice(FILLER).format(
                org=rng.choice(ORGS), person=rng.choice(PEOPLE), place=rng.choice(PLACES)
            )
            sentence = sentence[0].upper() + sentence[1:]
        parts.append(sentence)
        count += len(sentence.split())
        if rng.random() < 0.3:
            parts.append("\n\n")
    return " ".join(parts)


def _runs(values: list[float]) -> str:
    return "runs: " + ", ".join(f"{v:.1f}" for v in values)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(20230618)
    articles = [make_article(rng, args.words) for _ in range(args.articles)]
    settings = Settings()
    ref = date(2023, 6, 18)
    rates, cpu_rates, claims = [], [], 0
    for _ in range(args.runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        claims = sum(len(extract_claims(text, ref, settings)) for text in articles)
        rates.append(len(articles) / (time.perf_counter() - start))
        cpu_rates.append(len(articles) / (time.process_time() - cpu_start))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    words = statistics.median(len(a.split()) for a in articles)
    print(f"articles: {len(articles)} (median {words:.0f} words), claims per run: {claims}")
    print(f"median articles/s, wall clock: {statistics.median(rates):.1f} ({_runs(rates)})")
    # CPU time is the "one core" figure on a shared machine, where the wall clock also counts
    # the time spent waiting for other processes
    print(
        f"median articles per CPU-second: {statistics.median(cpu_rates):.1f} ({_runs(cpu_rates)})"
    )
    print(f"peak memory: {peak_mb:.0f} MB")
    # a shared machine's load changes both figures: print it with them
    one, five, _ = os.getloadavg()
    print(f"load average: {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
