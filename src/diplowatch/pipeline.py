"""The per-article function: one Article in, everything learnt about it out.

``process_article`` is pure apart from the lazily loaded, read-only resources (language packs,
knowledge base), so it runs unchanged in-process, in a worker pool and on Spark executors.

Stages, in order:
 1. clean        label paragraphs as body or junk (offsets into the original text)
 2. language     per article, then per kept paragraph
 3. publication  metadata / header / dateline, marked doubtful when the text disagrees
 4. sentences    inside kept paragraphs
 5. mentions     actors named in the sentences, resolved against the knowledge base;
                 the publication date turns doubtful when a title did not hold at it
 6. reports      triggers + actors + date + status + place -> event reports
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter

from diplowatch.extract.coref import resolve_pronouns
from diplowatch.extract.internal import drop_internal_meetings
from diplowatch.extract.mentions import find_mentions
from diplowatch.extract.reports import build_reports
from diplowatch.extract.unknown_people import ENTITY_ONLY_RULES
from diplowatch.extract.unnamed import drop_unnamed_roles
from diplowatch.ingest.clean import clean_paragraphs
from diplowatch.ingest.dateline import check_title_roles, find_publication_date
from diplowatch.kb.gazetteer import Gazetteer, default_gazetteer
from diplowatch.lang.detect import detect_language
from diplowatch.lang.packs import available_languages
from diplowatch.lang.segment import split_sentences
from diplowatch.model import Article, ArticleResult, Mention, Paragraph, Sentence

_CYRILLIC_LEADS = bytes(range(0xD0, 0xD4))  # UTF-8 first bytes of U+0400..U+04FF, and of nothing else
LANGUAGE_SAMPLE = 600  # characters of body text enough to identify the article language


def process_article(article: Article, *, gazetteer: Gazetteer | None = None) -> ArticleResult:
    """Run every stage on one article (see the module docstring for the order)."""
    gazetteer = gazetteer or default_gazetteer()
    text = article.text
    paragraphs = clean_paragraphs(text)
    body = "\n".join(text[p.start : p.end] for p in paragraphs if p.kept)
    lang = (
        article.lang
        if article.lang in available_languages()
        else detect_language(body[:LANGUAGE_SAMPLE])
    )
    script = _script(body)
    paragraphs = [
        Paragraph(p.start, p.end, p.kind, _paragraph_language(text[p.start : p.end], lang, script))
        if p.kept
        else p
        for p in paragraphs
    ]
    published = find_publication_date(article, paragraphs, lang=lang)
    sentences = split_sentences(text, paragraphs, lang=lang)
    mentions = find_mentions(text, sentences, lang=lang, gazetteer=gazetteer, when=published.value)
    published = check_title_roles(published, text, mentions, lang=lang, kb=gazetteer.kb)
    gender = _genders(gazetteer)
    reports = (
        build_reports(
            article.id,
            text,
            sentences,
            _for_events(text, sentences, mentions, lang, gazetteer, gender),
            lang=lang,
            published=published,
            gender=gender,
        )
        if lang
        else []
    )
    if reports:
        reports = drop_unnamed_roles(reports, mentions)
        reports = drop_internal_meetings(reports, gazetteer.kb, published.value)
    return ArticleResult(
        article=article,
        paragraphs=paragraphs,
        lang=lang,
        published=published,
        sentences=sentences,
        mentions=mentions,
        reports=reports,
    )


def _for_events(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    lang: str,
    gazetteer: Gazetteer,
    gender: Callable[[str], str | None],
) -> list[Mention]:
    """The mentions the report stage pairs: plus the pronouns that stand for their people; less
    the people known only by the shape of their name (actors of the article, but no evidence of
    who took part in a contact), unknown people known by one word only (a cue before an oblique
    noun: "лідер Консервативної", "Sajtóiroda") and the people the knowledge base lists with no
    office at all (private people in the news, such as a defendant or a poisoned ex-spy)."""

    def pairs(m: Mention) -> bool:
        if m.rule in ENTITY_ONLY_RULES:
            return False
        if m.kind != "person":
            return True
        actor = gazetteer.kb.get(m.actor_id or "")
        if actor is None:  # "лідер Консервативної": a cue, then no name
            return len((m.name or "").split()) > 1
        return actor.kind != "person" or bool(actor.roles)

    mentions = [m for m in mentions if pairs(m)]
    pronouns = resolve_pronouns(text, sentences, mentions, lang=lang, gender=gender)
    return sorted([*mentions, *pronouns], key=attrgetter("start")) if pronouns else mentions


def _genders(gazetteer: Gazetteer) -> Callable[[str], str | None]:
    """The KB's gender of an actor id ("m", "f"), None when unknown: for pronouns and verbs."""

    def gender(actor_id: str) -> str | None:
        actor = gazetteer.kb.get(actor_id)
        return actor.gender if actor else None

    return gender


def _script(text: str) -> str:
    """Cyrl when Cyrillic letters make up a third of ``text`` or more, else Latn.

    Every letter of U+0400..U+04FF is one byte D0..D3 in UTF-8, so deleting those bytes counts
    them in a single C-level pass (a regex made one string per Cyrillic word).
    """
    if text.isascii():
        return "Latn"
    data = text.encode("utf-8", "surrogatepass")
    cyrillic = len(data) - len(data.translate(None, _CYRILLIC_LEADS))
    return "Cyrl" if cyrillic * 3 > len(text) else "Latn"


def _paragraph_language(text: str, lang: str | None, script: str) -> str | None:
    """A paragraph in the article's script is in its language; only others are identified.

    Identifying every paragraph cost a quarter of the pipeline's time (bench/pipeline.py),
    and a paragraph in the same script is almost always in the article's language.
    """
    return lang if _script(text) == script else detect_language(text, hint=lang)
