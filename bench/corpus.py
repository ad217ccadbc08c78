"""Generate a multilingual news corpus of any size for the scaling benchmarks.

Every sentence template below was written for diplowatch (no copied text). Each article is
3-5k characters: a headline, two or three contact sentences between real actors of the
knowledge base (meetings, calls, visits, with explicit dates) and background paragraphs.
The generator is seeded, so ``--size N`` always gives the same corpus.

    python bench/corpus.py --size 10000 --out /tmp/corpus-10k.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

LATIN = [
    "Emmanuel Macron",
    "Friedrich Merz",
    "Recep Tayyip Erdoğan",
    "Viktor Orbán",
    "Volodymyr Zelensky",
    "Keir Starmer",
    "Vladimir Putin",
    "Sergey Lavrov",
    "Andrii Sybiha",
    "Péter Szijjártó",
    "Xi Jinping",
    "Narendra Modi",
    "Jean-Noël Barrot",
    "Johann Wadephul",
    "Hakan Fidan",
    "Mark Carney",
    "Donald Trump",
    "Marco Rubio",
    "Shigeru Ishiba",
    "Aleksandar Vučić",
]
CYRILLIC = [
    "Еманюел Макрон",
    "Фридрих Мерц",
    "Реджеп Тайип Ердоган",
    "Виктор Орбан",
    "Володимир Зеленски",
    "Кийр Стармър",
    "Владимир Путин",
    "Сергей Лавров",
    "Доналд Тръмп",
    "Марко Рубио",
    "Александър Вучич",
]
CITIES = {
    "en": ["Berlin", "Paris", "Ankara", "Budapest", "Kyiv", "London", "Geneva", "Rome"],
    "sl": ["Berlinu", "Parizu", "Ankari", "Budimpešti", "Kijevu", "Londonu", "Ženevi", "Rimu"],
    "hr": ["Berlinu", "Parizu", "Ankari", "Budimpešti", "Kijevu", "Londonu", "Ženevi", "Rimu"],
    "hu": ["Berlinben", "Párizsban", "Ankarában", "Budapesten", "Kijevben", "Londonban", "Genfben"],
    "bg": ["Берлин", "Париж", "Анкара", "Будапеща", "Киев", "Лондон", "Женева", "Рим"],
}
MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "sl": [
        "januarja",
        "februarja",
        "marca",
        "aprila",
        "maja",
        "junija",
        "julija",
        "avgusta",
        "septembra",
        "oktobra",
        "novembra",
        "decembra",
    ],
    "hr": [
        "siječnja",
        "veljače",
        "ožujka",
        "travnja",
        "svibnja",
        "lipnja",
        "srpnja",
        "kolovoza",
        "rujna",
        "listopada",
        "studenoga",
        "prosinca",
    ],
    "hu": [
        "január",
        "február",
        "március",
        "április",
        "május",
        "június",
        "július",
        "augusztus",
        "szeptember",
        "október",
        "november",
        "december",
    ],
    "bg": [
        "януари",
        "февруари",
        "март",
        "април",
        "май",
        "юни",
        "юли",
        "август",
        "септември",
        "октомври",
        "ноември",
        "декември",
    ],
}
DATE = {
    "en": "{d} {m} {y}",
    "sl": "{d}. {m} {y}",
    "hr": "{d}. {m} {y}.",
    "hu": "{y}. {m} {d}-án",
    "bg": "{d} {m} {y} г.",
}
EVENTS = {
    "en": [
        "{a} met {b} in {city} on {date} to discuss energy and security.",
        "{a} spoke by phone with {b} on {date}, according to a government statement.",
        "On {date}, {a} hosted {b} for talks on trade and reconstruction in {city}.",
        "{a} and {b} held talks in {city} on {date} and agreed to meet again in the autumn.",
    ],
    "sl": [
        "{a} in {b} sta se {date} sestala v {city}, kjer sta govorila o energetiki.",
        "{a} in {b} sta {date} opravila telefonski pogovor o varnosti v regiji.",
        "Srečanje, na katerem sta {a} in {b} {date} v {city} govorila o trgovini, je trajalo dve uri.",
    ],
    "hr": [
        "{a} i {b} sastali su se {date} u {city} i razgovarali o energetskoj suradnji.",
        "{a} i {b} vodili su {date} telefonski razgovor o sigurnosti u regiji.",
        "Na sastanku u {city} {date} {a} i {b} dogovorili su novi sastanak na jesen.",
    ],
    "hu": [
        "{a} és {b} {date} {city} találkozott, hogy az energiabiztonságról tárgyaljon.",
        "{a} és {b} {date} telefonon egyeztetett a regionális biztonságról.",
        "{a} {date} {city} tárgyalt {b} vezetővel a kereskedelemről.",
    ],
    "bg": [
        "{a} и {b} се срещнаха в {city} на {date}, за да обсъдят енергийната сигурност.",
        "{a} и {b} проведоха телефонен разговор на {date} за сигурността в региона.",
        "На {date} {a} и {b} разговаряха по телефона за търговията и инвестициите.",
    ],
}
BACKGROUND = {
    "en": [
        "Energy prices have fallen since the winter, but industry still pays more than before the crisis.",
        "Officials on both sides said the working groups would report back before the end of the year.",
        "The opposition criticised the government for what it called a lack of transparency.",
        "Analysts expect the talks to focus on supply chains, grid connections and investment rules.",
        "Several ministries are preparing a joint plan for transport corridors across the region.",
        "Trade between the two countries grew by a fifth last year, driven by machinery and chemicals.",
    ],
    "sl": [
        "Cene energije so od zime nižje, a industrija še vedno plačuje več kot pred krizo.",
        "Predstavniki obeh strani so povedali, da bodo delovne skupine poročale do konca leta.",
        "Opozicija je vladi očitala pomanjkanje preglednosti pri pogajanjih.",
        "Analitiki pričakujejo, da bodo v ospredju dobavne verige, omrežja in pravila za naložbe.",
        "Več ministrstev pripravlja skupni načrt prometnih koridorjev v regiji.",
    ],
    "hr": [
        "Cijene energije pale su od zime, ali industrija i dalje plaća više nego prije krize.",
        "Predstavnici obiju strana rekli su da će radne skupine izvijestiti do kraja godine.",
        "Oporba je vladi zamjerila nedostatak transparentnosti u pregovorima.",
        "Analitičari očekuju da će u središtu biti opskrbni lanci, mreže i pravila ulaganja.",
        "Nekoliko ministarstava priprema zajednički plan prometnih koridora u regiji.",
    ],
    "hu": [
        "Az energiaárak a tél óta csökkentek, de az ipar még mindig többet fizet, mint a válság előtt.",
        "Mindkét fél képviselői szerint a munkacsoportok az év végéig beszámolnak.",
        "Az ellenzék az átláthatóság hiányát rótta fel a kormánynak.",
        "Az elemzők szerint az ellátási láncok, a hálózatok és a beruházási szabályok kerülnek előtérbe.",
        "Több minisztérium közös tervet készít a térség közlekedési folyosóiról.",
    ],
    "bg": [
        "Цените на енергията паднаха след зимата, но индустрията все още плаща повече от преди кризата.",
        "Представители на двете страни казаха, че работните групи ще докладват до края на годината.",
        "Опозицията упрекна правителството в липса на прозрачност.",
        "Анализатори очакват в центъра да бъдат веригите за доставки, мрежите и правилата за инвестиции.",
        "Няколко министерства подготвят общ план за транспортните коридори в региона.",
    ],
}


def generate(size: int, *, seed: int = 8) -> Iterator[dict[str, str]]:
    """Yield ``size`` JSON Lines records (id, lang, published, title, text)."""
    rng = random.Random(seed)
    langs = sorted(EVENTS)
    start = dt.date(2024, 1, 1)
    for n in range(size):
        lang = langs[n % len(langs)]
        names = CYRILLIC if lang == "bg" else LATIN
        published = start + dt.timedelta(days=rng.randrange(700))
        paragraphs = []
        for _ in range(rng.randint(2, 3)):
            a, b = rng.sample(names, 2)
            day = published - dt.timedelta(days=rng.randrange(1, 6))
            date = DATE[lang].format(d=day.day, m=MONTHS[lang][day.month - 1], y=day.year)
            event = rng.choice(EVENTS[lang]).format(
                a=a, b=b, date=date, city=rng.choice(CITIES[lang])
            )
            paragraphs.append(event + " " + " ".join(rng.sample(BACKGROUND[lang], 2)))
        target = rng.randint(3000, 5000)
        while sum(map(len, paragraphs)) < target:
            paragraphs.append(" ".join(rng.sample(BACKGROUND[lang], 3)))
        yield {
            "id": f"gen-{n:07d}",
            "lang": lang,
            "published": published.isoformat(),
            "title": paragraphs[0].split(",")[0][:80],
            "text": "\n\n".join(paragraphs),
        }


def write_corpus(size: int, out: Path) -> Path:
    """Write the corpus as JSON Lines (once; an existing file of that name is reused)."""
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for record in generate(size):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        tmp.rename(out)
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    print(write_corpus(args.size, args.out))
