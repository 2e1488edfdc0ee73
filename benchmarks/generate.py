"""A deterministic, seeded data set for the benchmarks: outlets, articles, claims, chains.

Articles read like wire copy: each paragraph carries one claim, attributed to a
person and an agency ("..., Minister Anna Kovacs told Reuters, according to
AFP."), with filler sentences between. Each appearance's chain has 1 to 4
hops: what the sentence states (0 to 2), the article's origin (half of the
articles cite a wire) and the publisher. The same generator gives the flat
file ``claims import`` reads and the table rows the baselines insert, so both
write the same rows.

    python benchmarks/generate.py --appearances 10000 -o rows.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

APPEARANCES_PER_ARTICLE = 10
APPEARANCES_PER_CLAIM = 4
AGENCIES = ("Reuters", "AFP", "Associated Press", "Xinhua", "TASS", "dpa", "EFE", "ANSA", "Kyodo")
FIRST = (
    "Anna Maria Peter Laszlo Wang Olga Jean Carlos Aisha Ivan Sofia Mehmet Ingrid Tomas Elena "
    "Kwame Yuki Pablo Fatima Dmitri Hanna Jonas Lucia Omar Petra Rafael Zsofia Viktor Mei Arjun"
).split()
LAST = (
    "Kovacs Novak Schmidt Rossi Dubois Garcia Ivanova Nagy Li Chen Okafor Yilmaz Silva Berg "
    "Horvath Kowalski Tanaka Moreau Petrov Lindqvist Haddad Mensah Costa Fischer Varga Olsen"
).split()
TITLES = ("Minister", "spokesperson", "Deputy Minister", "Ambassador", "analyst", "Governor")
CITIES = (
    "Budapest Vienna Prague Warsaw Kyiv Manila Lagos Lima Oslo Porto Leeds Turin Graz Brno Cluj "
    "Split Tartu Riga Kaunas Varna Sofia Skopje Tirana Zagreb Ljubljana Bratislava Debrecen Lodz"
).split()
MASTHEADS = ("Daily", "Herald", "Courier", "Post", "Observer", "Gazette", "Times", "Chronicle")
SUBJECTS = (
    "The finance ministry",
    "The central bank",
    "The government",
    "The interior ministry",
    "The state energy company",
    "The defence ministry",
    "Parliament's budget committee",
    "The national police",
)
VERBS = ("will raise", "has cut", "plans to expand", "intends to freeze", "will double", "has cut")
OBJECTS = (
    "fuel subsidies",
    "police cooperation with China",
    "military spending",
    "gas imports",
    "pension payments",
    "rail investment",
    "border patrols",
    "grain exports",
)
CUES_SAID = ("said", "told reporters", "announced", "wrote")
FILLER = (
    "Officials declined to comment further.",
    "The figures could not be independently verified.",
    "Opposition lawmakers criticised the plan on Monday.",
    "Markets were little changed after the announcement.",
    "The details are expected to be published next month.",
)


@dataclass
class Appearance:
    claim: int
    claim_text: str
    quote: str
    start: int
    end: int
    stated: list[tuple[str, str, tuple[int, int]]] = field(default_factory=list)


@dataclass
class Article:
    index: int
    publisher: str
    origin: str | None
    origin_cue: str | None
    published: str
    title: str
    text: str = ""
    appearances: list[Appearance] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def outlets(appearances: int) -> list[str]:
    count = 20 + appearances // 5_000
    names = [f"{city} {mast}" for mast in MASTHEADS for city in CITIES]
    return names[:count]


def person(index: int) -> str:
    first = FIRST[index % len(FIRST)]
    last = LAST[(index // len(FIRST)) % len(LAST)]
    generation = index // (len(FIRST) * len(LAST))
    middle = f" {chr(65 + generation % 26)}." if generation else ""
    return f"{first}{middle} {last}"


def claim_text(index: int, seed: int) -> str:
    rng = random.Random(seed * 1_000_003 + index)
    return (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} by "
        f"{rng.randint(2, 60)} percent in {rng.randint(2024, 2030)} under decree {index:07d}"
    )


def articles(appearances: int, seed: int = 7) -> Iterator[Article]:
    """The articles, in order, each with its appearances; nothing kept between articles."""
    rng = random.Random(seed)
    claims = max(1, appearances // APPEARANCES_PER_CLAIM)
    people = max(50, appearances // 50)
    names = outlets(appearances)
    start = dt.date(2024, 1, 1)
    made, index = 0, 0
    while made < appearances:
        count = min(appearances - made, rng.randint(5, 2 * APPEARANCES_PER_ARTICLE - 5))
        origin = rng.choice(AGENCIES) if rng.random() < 0.5 else None
        article = Article(
            index=index,
            publisher=rng.choice(names),
            origin=origin,
            origin_cue="citing" if origin else None,
            published=(start + dt.timedelta(days=index % 700)).isoformat(),
            title=f"Report {index}: {rng.choice(OBJECTS)} under scrutiny",
        )
        parts: list[str] = [f"{article.title}\n\n"]
        offset = len(parts[0])
        chosen = rng.sample(range(claims), min(count, claims))
        for claim in chosen:
            text = claim_text(claim, seed)
            stated_count = rng.choice((0, 1, 1, 2))
            speaker = person(rng.randrange(people))
            title = rng.choice(TITLES)
            agency = rng.choice([a for a in AGENCIES if a != origin])
            paragraph = text
            stated = []
            if stated_count == 0:
                paragraph += "."
            elif stated_count == 1:
                cue = rng.choice(CUES_SAID)
                paragraph += f", {title} {speaker} {cue}."
                at = offset + len(text) + 2 + len(title) + 1
                stated.append((speaker, cue, (at, at + len(speaker))))
            else:
                paragraph += (
                    f", {title} {speaker} told {rng.choice(CITIES)} officials, according to "
                )
                at = offset + len(text) + 2 + len(title) + 1
                stated.append((speaker, "told", (at, at + len(speaker))))
                agency_at = offset + len(paragraph)
                paragraph += f"{agency}."
                stated.append((agency, "according to", (agency_at, agency_at + len(agency))))
            article.appearances.append(
                Appearance(claim, text + ".", text, offset, offset + len(text), stated)
            )
            filler = f" {rng.choice(FILLER)}\n\n"
            parts.append(paragraph + filler)
            offset += len(paragraph) + len(filler)
        article.text = "".join(parts).rstrip("\n") + "\n"
        made += len(article.appearances)
        index += 1
        yield article


def flat_rows(appearances: int, seed: int = 7) -> Iterator[dict]:
    """The flat rows ``claims import`` reads: the article's text on its first row only."""
    for article in articles(appearances, seed):
        sha = article.sha256
        for number, appearance in enumerate(article.appearances):
            row = {"claim": appearance.claim_text, "article": sha, "quote": appearance.quote}
            if number == 0:
                row.update(
                    article_text=article.text,
                    article_publisher=article.publisher,
                    article_origin=article.origin,
                    article_origin_cue=article.origin_cue,
                    article_published=article.published,
                    article_title=article.title,
                    article_language="en",
                )
            if appearance.stated:
                row["chain"] = " > ".join(f"{name} [{cue}]" for name, cue, _ in appearance.stated)
            yield {key: value for key, value in row.items() if value is not None}


def write_flat(path: Path, appearances: int, seed: int = 7) -> int:
    rows = 0
    with path.open("w", encoding="utf-8") as file:
        for row in flat_rows(appearances, seed):
            file.write(json.dumps(row, ensure_ascii=False) + "\n")
            rows += 1
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--appearances", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    rows = write_flat(args.output, args.appearances, args.seed)
    print(f"wrote {rows} rows to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
