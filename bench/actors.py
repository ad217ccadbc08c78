"""Benchmark of the actor layer alone (mention finding + linking), never pass/fail.

Generates a deterministic corpus of news-like articles (default 10,000, about 4,000 characters
each, in 14 languages) from self-written templates filled with names, places and role phrases
from the shipped knowledge base, then times sentence splitting and ``find_mentions`` on one
core (CPU time, so other load on the machine barely distorts it), after an untimed warm-up.
Reports articles/s and mentions/s per core and the process's peak memory (max RSS).

    .venv/bin/python bench/actors.py [--articles N] [--seed S] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import time

from diplowatch.extract.mentions import find_mentions
from diplowatch.kb.gazetteer import default_gazetteer
from diplowatch.lang.segment import split_sentences
from diplowatch.model import Paragraph

# {a}/{b}: person names as written in the KB (any script), {p}: a place, {r}: a role phrase.
TEMPLATES = {
    "sl": [
        "{r} se je v sredo v kraju {p} sestal z {a}.",
        "Po srečanju je {a} dejal, da sta z {b} govorila o varnosti.",
        "Vlada je sporočila, da bodo pogovori v prihodnjih tednih nadaljevali.",
    ],
    "hr": [
        "{r} sastao se u {p} s {a}.",
        "{a} je rekao da je razgovor s {b} bio otvoren.",
        "Ministarstvo je priopćilo da će se razgovori nastaviti sljedećeg mjeseca u užem sastavu.",
    ],
    "sr": [
        "{r} се састао у {p} са {a}.",
        "{a} је рекао да је разговор са {b} био отворен.",
        "Министарство је саопштило да ће се разговори наставити следећег месеца.",
    ],
    "bs": [
        "{r} se sastao u {p} s {a}.",
        "{a} je kazao da je sastanak s {b} bio koristan.",
        "Iz ministarstva su naveli da će se razgovori nastaviti naredne sedmice.",
    ],
    "mk": [
        "{r} се сретна во {p} со {a}.",
        "{a} изјави дека разговорот со {b} бил отворен.",
        "Од министерството соопштија дека разговорите ќе продолжат следниот месец.",
    ],
    "bg": [
        "{r} се срещна в {p} с {a}.",
        "{a} заяви, че разговорът с {b} е бил откровен.",
        "От министерството съобщиха, че разговорите ще продължат следващия месец.",
    ],
    "hu": [
        "{r} {p} városában tárgyalt {a} politikussal.",
        "{a} szerint a {b} politikussal folytatott megbeszélés hasznos volt.",
        "A minisztérium közölte, hogy a tárgyalások a jövő hónapban folytatódnak.",
    ],
    "ru": [
        "{r} встретился в {p} с {a}.",
        "{a} заявил, что разговор с {b} был откровенным.",
        "В министерстве сообщили, что переговоры продолжатся в следующем месяце.",
    ],
    "uk": [
        "{r} зустрівся в {p} з {a}.",
        "{a} заявив, що розмова з {b} була відвертою.",
        "У міністерстві повідомили, що переговори продовжаться наступного місяця.",
    ],
    "pl": [
        "{r} spotkał się w {p} z {a}.",
        "{a} powiedział, że rozmowa z {b} była szczera.",
        "Ministerstwo poinformowało, że rozmowy będą kontynuowane w przyszłym miesiącu.",
    ],
    "cs": [
        "{r} se v {p} setkal s {a}.",
        "{a} řekl, že rozhovor s {b} byl otevřený.",
        "Ministerstvo oznámilo, že jednání budou pokračovat příští měsíc na úrovni expertů.",
    ],
    "sk": [
        "{r} sa v {p} stretol s {a}.",
        "{a} povedal, že rozhovor s {b} bol otvorený.",
        "Ministerstvo oznámilo, že rokovania budú pokračovať budúci mesiac.",
    ],
    "en": [
        "{r} met {a} in {p} on Wednesday.",
        "{a} said the talks with {b} had been frank and useful.",
        "Officials said the talks would continue next month at expert level in a smaller format.",
    ],
    "de": [
        "{r} traf am Mittwoch in {p} mit {a} zusammen.",
        "{a} sagte, das Gespräch mit {b} sei offen gewesen.",
        "Das Ministerium teilte mit, die Gespräche würden im nächsten Monat fortgesetzt.",
    ],
}
ROLES = {
    "sl": ["Ameriški zunanji minister", "Ruski predsednik", "Madžarski premier"],
    "hr": ["Američki ministar vanjskih poslova", "Ruski predsjednik", "Premijer"],
    "sr": ["Амерички министар спољних послова", "Руски председник", "Премијер"],
    "bs": ["Ministar vanjskih poslova", "Predsjednik", "Premijer"],
    "mk": ["Американскиот министер за надворешни работи", "Премиерот", "Претседателот"],
    "bg": ["Американският външен министър", "Руският президент", "Премиерът"],
    "hu": ["Az amerikai külügyminiszter", "Az orosz elnök", "A miniszterelnök"],
    "ru": ["Госсекретарь США", "Президент России", "Премьер-министр"],
    "uk": ["Держсекретар США", "Президент Росії", "Прем'єр-міністр"],
    "pl": ["Sekretarz stanu USA", "Prezydent Rosji", "Premier"],
    "cs": ["Americký ministr zahraničí", "Ruský prezident", "Premiér"],
    "sk": ["Americký minister zahraničných vecí", "Ruský prezident", "Premiér"],
    "en": ["The US Secretary of State", "The Russian president", "The prime minister"],
    "de": ["Der US-Außenminister", "Der russische Präsident", "Der Bundeskanzler"],
}
DATES = ("2015-06-01", "2019-03-15", "2022-10-10", "2024-05-20", "2025-11-10")


def generate(count: int, seed: int) -> list[tuple[str, str, str]]:
    """(lang, published, text) triples of about 4,000 characters each."""
    rng = random.Random(seed)
    gazetteer = default_gazetteer()
    people = [a for a in gazetteer.kb if a.kind == "person"]
    places = [a for a in gazetteer.entities.values() if a.kind == "place"]
    langs = sorted(TEMPLATES)
    corpus = []
    for i in range(count):
        lang = langs[i % len(langs)]
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < 4000:
            person_a, person_b = rng.sample(people, 2)
            place = rng.choice(places)
            fill = {
                "a": rng.choice((person_a.name, *person_a.aliases)),
                "b": rng.choice((person_b.name, *person_b.aliases)),
                "p": rng.choice((place.name, *place.aliases)),
                "r": rng.choice(ROLES[lang]),
            }
            # one sentence in three names people, as in wire copy about diplomacy
            template = rng.choices(TEMPLATES[lang], weights=(1, 1, 4))[0]
            parts.append(template.format(**fill))
        corpus.append((lang, rng.choice(DATES), " ".join(parts)))
    return corpus


def run(count: int, seed: int, warmup: int = 500) -> dict[str, float]:
    """Time the layer on ``count`` articles after ``warmup`` others filled the caches."""
    start = time.perf_counter()
    gazetteer = default_gazetteer()
    build_s = time.perf_counter() - start
    for lang, published, text in generate(warmup, seed + 1):
        sentences = split_sentences(text, [Paragraph(0, len(text), "body", lang)], lang=lang)
        find_mentions(text, sentences, lang=lang, gazetteer=gazetteer, when=published)
    corpus = generate(count, seed)
    chars = sum(len(text) for _, _, text in corpus)
    split_s = find_s = 0.0
    mentions = 0
    cpu_start = time.process_time()
    for lang, published, text in corpus:
        t0 = time.process_time()
        sentences = split_sentences(text, [Paragraph(0, len(text), "body", lang)], lang=lang)
        t1 = time.process_time()
        found = find_mentions(text, sentences, lang=lang, gazetteer=gazetteer, when=published)
        t2 = time.process_time()
        split_s += t1 - t0
        find_s += t2 - t1
        mentions += len(found)
    cpu_s = time.process_time() - cpu_start
    return {
        "articles": count,
        "mean_chars": round(chars / count),
        "mentions": mentions,
        "mentions_per_article": round(mentions / count, 1),
        "kb_build_s": round(build_s, 2),
        "find_mentions_s": round(find_s, 2),
        "sentence_split_s": round(split_s, 2),
        "articles_per_s_per_core": round(count / find_s, 1),
        "mentions_per_s_per_core": round(mentions / find_s),
        "articles_per_s_with_split": round(count / (find_s + split_s), 1),
        "cpu_s": round(cpu_s, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=500, help="untimed articles run first")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.articles, args.seed, args.warmup)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:<28}{value}")


if __name__ == "__main__":
    main()
