"""Throughput of the per-article pipeline on generated news-length articles.

Timing belongs in benchmarks, never in tests (DEVELOPERS.md), so this module only measures and
reports: ``diplowatch bench pipeline`` and ``bench/pipeline.py`` call it. Articles are built
from self-written sentence templates in several languages with real actor names from the
knowledge base, padded with background sentences to 3-5k characters, as typical news is.
Speed is given per core: articles per CPU-second of this one process.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass

from diplowatch.ingest.readers import read_inputs
from diplowatch.kb.gazetteer import default_gazetteer
from diplowatch.model import Article
from diplowatch.pipeline import process_article

# {a} and {b} are actor names, {d} a date phrase; self-written, one language per key.
_EVENTS = {
    "sl": [
        "{a} se je {d} sestal z {b} v Ljubljani.",
        "{a} je {d} opravil telefonski klic z {b}.",
        "Srečanje med {a} in {b} bo {d} v Bruslju.",
    ],
    "hr": ["{a} je {d} telefonom razgovarao s {b}.", "{a} će se {d} sastati s {b} u Zagrebu."],
    "hu": [
        "{a} {d} telefonbeszélgetést folytatott {b} miniszterrel.",
        "{a} és {b} {d} Budapesten tárgyalt.",
    ],
    "en": ["{a} met {b} in Brussels {d}.", "{a} spoke by phone with {b} {d}, officials said."],
    "ru": ["{a} {d} провел телефонный разговор с {b}.", "{a} и {b} встретились {d} в Москве."],
    "de": ["{a} telefonierte {d} mit {b}.", "{a} traf {d} in Berlin {b}."],
}
_DATES = {
    "sl": ["včeraj", "21. oktobra", "v četrtek", "decembra 2024"],
    "hr": ["jučer", "21. studenoga", "u četvrtak", "prošlog mjeseca"],
    "hu": ["tegnap", "február 12-én", "csütörtökön", "2025. január 16-án"],
    "en": ["yesterday", "on Thursday", "on 12 March", "last month"],
    "ru": ["вчера", "12 ноября", "в четверг", "в прошлом месяце"],
    "de": ["gestern", "am Montag", "am 14. Juli", "im vergangenen Monat"],
}
_FILLER = {
    "sl": (
        "Gospodarski kazalniki so se v zadnjem četrtletju izboljšali za {n} odstotkov, "
        "čeprav analitiki opozarjajo na negotovost na energetskih trgih in na počasnejšo "
        "rast izvoza, ki je znašal {m} milijonov evrov."
    ),
    "hr": (
        "Gospodarski pokazatelji poboljšali su se u posljednjem tromjesečju za {n} posto,"
        " iako analitičari upozoravaju na nesigurnost na energetskim tržištima i sporiji "
        "rast izvoza od {m} milijuna eura."
    ),
    "hu": (
        "A gazdasági mutatók az utolsó negyedévben {n} százalékkal javultak, bár az "
        "elemzők figyelmeztetnek az energiapiaci bizonytalanságra és a {m} millió eurós "
        "export lassuló növekedésére."
    ),
    "en": (
        "Economic indicators improved by {n} percent in the last quarter, although "
        "analysts warned of uncertainty on energy markets and of slower growth of exports"
        " worth {m} million euros."
    ),
    "ru": (
        "Экономические показатели в последнем квартале улучшились на {n} процентов, хотя "
        "аналитики предупреждают о неопределенности на энергетических рынках и о "
        "замедлении роста экспорта на {m} миллионов евро."
    ),
    "de": (
        "Die Wirtschaftsdaten haben sich im letzten Quartal um {n} Prozent verbessert, "
        "doch Analysten warnen vor Unsicherheit auf den Energiemärkten und einem "
        "langsameren Wachstum der Exporte von {m} Millionen Euro."
    ),
}


@dataclass(frozen=True)
class Throughput:
    articles: int
    chars: int
    cpu_seconds: float
    wall_seconds: float
    reports: int

    @property
    def per_core(self) -> float:
        """Articles per CPU-second of one process (one core)."""
        return self.articles / self.cpu_seconds if self.cpu_seconds else float("inf")


def generate_articles(count: int, *, seed: int = 7) -> list[Article]:
    """``count`` articles of 3-5k characters with a few contact events each, languages mixed."""
    rng = random.Random(seed)
    people = sorted(a.name for a in default_gazetteer().kb if a.kind == "person")
    langs = sorted(_EVENTS)
    articles = []
    for index in range(count):
        lang = langs[index % len(langs)]
        target = rng.randint(3000, 5000)
        paragraphs: list[str] = []
        size = 0
        while size < target:
            if rng.random() < 0.35:
                a, b = rng.sample(people, 2)
                line = rng.choice(_EVENTS[lang]).format(a=a, b=b, d=rng.choice(_DATES[lang]))
            else:  # background paragraph; the figure keeps it from being a duplicate
                line = _FILLER[lang].format(n=rng.randint(2, 97), m=rng.randint(100, 999))
            paragraphs.append(line)
            size += len(line) + 2
        text = f"date 2025-11-{1 + index % 28:02d}\n\n" + "\n\n".join(paragraphs)
        articles.append(Article(id=f"bench-{index}", text=text, lang=None))
    return articles


def measure_pipeline(articles: list[Article], *, warmup: Sequence[Article] = ()) -> Throughput:
    """Run ``process_article`` over ``articles`` once, timed, after the ``warmup`` articles.

    Warm-up articles (untimed) load the packs and models and fill the per-word memos the way
    a long ingest does, where the same names and words come back article after article;
    without them the figure is that of a fresh process's first articles.
    """
    gazetteer = default_gazetteer()
    for article in [articles[0], *warmup]:
        process_article(article, gazetteer=gazetteer)
    cpu, wall = time.process_time(), time.perf_counter()
    reports = sum(len(process_article(a, gazetteer=gazetteer).reports) for a in articles)
    return Throughput(
        articles=len(articles),
        chars=sum(len(a.text) for a in articles),
        cpu_seconds=time.process_time() - cpu,
        wall_seconds=time.perf_counter() - wall,
        reports=reports,
    )


def read_corpus(paths: Sequence[str]) -> list[Article]:
    """The readable articles under ``paths`` (unreadable ones are left out: this only times)."""
    return [item for item in read_inputs(paths) if isinstance(item, Article)]
