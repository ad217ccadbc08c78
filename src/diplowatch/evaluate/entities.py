"""Score the actor layer on BSNLP-style named-entity data (see ../shared/bsnlp/README.md).

Layout: ``<topic>/raw/<lang>/<id>.txt`` (5 header lines: id, lang, date, URL, title; then the
body) and ``<topic>/annotated/<lang>/<id>.out`` (id line, then one line per distinct form:
surface, base, type, cross-lingual id). Scores per language, following the shared task:

* recognition on distinct (form, type) per document: *relaxed partial* (a form sharing a word
  with a gold form of the same type counts), *relaxed exact* (whole form), *strict* (an entity
  counts only when all its forms in the document are found, and a predicted entity only when
  all its forms are right);
* normalisation: share of exactly recognised forms whose base form is right;
* linking: B-cubed F1 of predicted ids against gold ids over exactly recognised forms, within
  a language and across all languages (the cross-lingual figure).

Demonym adjectives and role phrases are not named entities in this scheme and are not output.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplowatch.extract.mentions import find_mentions
from diplowatch.extract.tokens import ZERO_WIDTH
from diplowatch.kb.gazetteer import Gazetteer, default_gazetteer
from diplowatch.lang.segment import split_sentences
from diplowatch.model import Mention, Paragraph

TYPES = {"person": "PER", "place": "LOC", "country": "LOC", "org": "ORG"}
_NOT_ENTITIES = frozenset({"demonym", "role", "backref"})
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Form:
    surface: str
    base: str
    type: str
    entity: str


@dataclass
class Document:
    """One raw document; ``id`` is the document id of its first line (``bg-10``), ``stem`` its
    file name when that differs (``nord_stream_bg.txt_file_10``): the BSNLP format puts the id
    in ``.out`` files, while the file name is what keeps them apart on disk."""

    topic: str
    lang: str
    id: str
    text: str = ""
    published: str | None = None
    gold: list[Form] = field(default_factory=list)
    pred: list[Form] = field(default_factory=list)
    stem: str = ""

    @property
    def name(self) -> str:
        """The file stem, unique within a topic and language (ids need not be)."""
        return self.stem or self.id


def read_raw(path: Path) -> tuple[str, str | None]:
    """(text, publication date) of a raw file: the title, a blank line, then the body."""
    lines = path.read_text(encoding="utf-8-sig", errors="replace").split("\n")
    date = lines[2].strip() if len(lines) > 2 else ""
    title = lines[4].strip() if len(lines) > 4 else ""
    body = "\n".join(lines[5:]).strip()
    return f"{title}\n\n{body}", date if _DATE.match(date) else None


def read_annotation(path: Path) -> list[Form]:
    """The forms of one ``.out`` file (the id line is skipped)."""
    forms = []
    lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    for line in lines[1:]:
        cols = line.split("\t")
        if len(cols) >= 4 and cols[0].strip():
            forms.append(Form(cols[0].strip(), cols[1].strip(), cols[2].strip(), cols[3].strip()))
    return forms


def _id_line(path: Path) -> str:
    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        return handle.readline().strip()


def _annotations_by_id(folder: Path) -> dict[str, Path]:
    """Annotation files by the document id on their first line: some topics name them unlike
    their raw files (ec: raw ``file_314_sl.txt``, annotation ``EC-file_314.txt``, both id 314)."""
    if not folder.is_dir():
        return {}
    return {_id_line(path): path for path in sorted(folder.iterdir()) if path.suffix in (".out", ".txt")}


def _topics(root: Path) -> list[Path]:
    if (root / "raw").is_dir():
        return [root]
    return sorted(p for p in root.iterdir() if (p / "raw").is_dir())


def load_documents(root: str | Path, *, langs: Iterable[str] | None = None) -> list[Document]:
    """Every raw document under ``root`` (a topic folder or a folder of topics) with its gold."""
    wanted = set(langs) if langs else None
    docs = []
    for topic in _topics(Path(root)):
        for lang_dir in sorted((topic / "raw").iterdir()):
            if not lang_dir.is_dir() or (wanted and lang_dir.name not in wanted):
                continue
            annotations = _annotations_by_id(topic / "annotated" / lang_dir.name)
            for raw in sorted(lang_dir.glob("*.txt")):
                text, published = read_raw(raw)
                doc_id = _id_line(raw) or raw.stem
                gold_path = annotations.get(doc_id) or topic / "annotated" / lang_dir.name / (raw.stem + ".out")
                gold = read_annotation(gold_path) if gold_path.is_file() else []
                docs.append(Document(topic.name, lang_dir.name, doc_id, text, published, gold, stem=raw.stem))
    return docs


def _paragraphs(text: str) -> list[Paragraph]:
    spans, start = [], 0
    for match in re.finditer(r"\n\s*\n", text):
        spans.append(Paragraph(start, match.start(), "body"))
        start = match.end()
    spans.append(Paragraph(start, len(text), "body"))
    return [p for p in spans if p.end > p.start]


def predict_forms(doc: Document, *, gazetteer: Gazetteer) -> list[Form]:
    """Distinct (surface, base, type, id) the actor layer finds in one document."""
    sentences = split_sentences(doc.text, _paragraphs(doc.text), lang=doc.lang)
    mentions = find_mentions(
        doc.text, sentences, lang=doc.lang, gazetteer=gazetteer, when=doc.published
    )
    forms: dict[str, Form] = {}
    for mention in mentions:
        form = _form(mention)
        if form is not None and form.surface not in forms:
            forms[form.surface] = form
    return list(forms.values())


def _form(mention: Mention) -> Form | None:
    if mention.rule in _NOT_ENTITIES or mention.kind not in TYPES or not mention.actor_id:
        return None
    # the gold files write a zero-width space in a name as a space
    surface = ZERO_WIDTH.sub(" ", mention.text)
    return Form(surface, mention.base or surface, TYPES[mention.kind], mention.actor_id)


def write_predictions(docs: Iterable[Document], out: str | Path) -> int:
    """Write ``OUT/<topic>/<lang>/<stem>.out`` files in the gold format; return how many.

    As in the gold files, line 1 is the document id from the raw file, not its file name.
    """
    count = 0
    for doc in docs:
        folder = Path(out) / doc.topic / doc.lang
        folder.mkdir(parents=True, exist_ok=True)
        lines = [doc.id] + [f"{f.surface}\t{f.base}\t{f.type}\t{f.entity}" for f in doc.pred]
        (folder / f"{doc.name}.out").write_text("\n".join(lines) + "\n", encoding="utf-8")
        count += 1
    return count


@dataclass
class _Counts:
    tp_pred: int = 0
    tp_gold: int = 0
    pred: int = 0
    gold: int = 0

    def scores(self) -> dict[str, float]:
        p = self.tp_pred / self.pred if self.pred else 0.0
        r = self.tp_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _key(form: Form) -> tuple[str, str]:
    """Forms compare case-insensitively: one topic (ec) annotates lower-cased forms."""
    return form.surface.casefold(), form.type


def _words(surface: str) -> set[str]:
    return set(_WORDS.findall(surface.lower()))


@dataclass
class _LangScore:
    partial: _Counts = field(default_factory=_Counts)
    exact: _Counts = field(default_factory=_Counts)
    strict: _Counts = field(default_factory=_Counts)
    per_type: dict[str, _Counts] = field(default_factory=lambda: defaultdict(_Counts))
    base_right: int = 0
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (item, gold id, pred id)
    docs: int = 0

    def add(self, doc: Document) -> None:
        self.docs += 1
        gold = {_key(f): f for f in doc.gold}
        pred = {_key(f): f for f in doc.pred}
        self.exact.gold += len(gold)
        self.exact.pred += len(pred)
        hits = gold.keys() & pred.keys()
        self.exact.tp_gold += len(hits)
        self.exact.tp_pred += len(hits)
        for key in gold:
            counts = self.per_type[key[1]]
            counts.gold += 1
            counts.tp_gold += key in pred
        for key in pred:
            counts = self.per_type[key[1]]
            counts.pred += 1
            counts.tp_pred += key in gold
        for key in hits:
            self.base_right += gold[key].base.casefold() == pred[key].base.casefold()
            self.links.append(
                (f"{doc.topic}/{doc.lang}/{doc.name}/{key[0]}", gold[key].entity, pred[key].entity)
            )
        gold_words = [(_words(s), t) for s, t in gold]
        pred_words = [(_words(s), t) for s, t in pred]
        self.partial.gold += len(gold_words)
        self.partial.pred += len(pred_words)
        self.partial.tp_gold += sum(
            any(g & p and t == u for p, u in pred_words) for g, t in gold_words
        )
        self.partial.tp_pred += sum(
            any(g & p and t == u for g, t in gold_words) for p, u in pred_words
        )
        self._strict(doc, set(pred), set(gold))

    def _strict(
        self, doc: Document, pred_keys: set[tuple[str, str]], gold_keys: set[tuple[str, str]]
    ) -> None:
        gold_entities: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for f in doc.gold:
            gold_entities[f.entity].add(_key(f))
        pred_entities: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for f in doc.pred:
            pred_entities[f.entity].add(_key(f))
        complete = [forms for forms in gold_entities.values() if forms <= pred_keys]
        self.strict.gold += len(gold_entities)
        self.strict.tp_gold += len(complete)
        self.strict.pred += len(pred_entities)
        self.strict.tp_pred += sum(
            any(forms <= done for done in complete) for forms in pred_entities.values()
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.docs,
            "relaxed_partial": self.partial.scores(),
            "relaxed_exact": self.exact.scores(),
            "strict": self.strict.scores(),
            "per_type_exact": {
                t: c.scores() | {"gold": c.gold} for t, c in sorted(self.per_type.items())
            },
            "base_form_accuracy": round(self.base_right / self.exact.tp_gold, 4)
            if self.exact.tp_gold
            else 0.0,
            "linking": b_cubed(self.links),
        }


def b_cubed(links: list[tuple[str, str, str]]) -> dict[str, float]:
    """B-cubed precision/recall/F1 of predicted clusters against gold clusters."""
    if not links:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_pred: dict[str, set[str]] = defaultdict(set)
    for item, gold, pred in links:
        by_gold[gold].add(item)
        by_pred[pred].add(item)
    precision = recall = 0.0
    for _, gold, pred in links:
        overlap = len(by_gold[gold] & by_pred[pred])
        precision += overlap / len(by_pred[pred])
        recall += overlap / len(by_gold[gold])
    p, r = precision / len(links), recall / len(links)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def evaluate_entities(
    root: str | Path, *, langs: Iterable[str] | None = None, gazetteer: Gazetteer | None = None
) -> tuple[dict[str, Any], list[Document]]:
    """Per-language and overall scores, and the documents with their predictions."""
    gazetteer = gazetteer or default_gazetteer()
    docs = load_documents(root, langs=langs)
    per_lang: dict[str, _LangScore] = defaultdict(_LangScore)
    overall = _LangScore()
    for doc in docs:
        doc.pred = predict_forms(doc, gazetteer=gazetteer)
        if doc.gold:
            per_lang[doc.lang].add(doc)
            overall.add(doc)
    return {
        "languages": {lang: score.as_dict() for lang, score in sorted(per_lang.items())},
        "overall": overall.as_dict(),
    }, docs


def iter_table(result: dict[str, Any]) -> Iterator[str]:
    """Lines of a plain-text table of the scores."""
    yield (
        f"{'lang':<8}{'docs':>5}  {'partial P/R/F1':<20}{'exact P/R/F1':<20}{'strict P/R/F1':<20}"
        f"{'base':>6}  {'link F1':>7}"
    )
    rows = [*result["languages"].items(), ("ALL", result["overall"])]
    for lang, s in rows:

        def trio(d: dict[str, float]) -> str:
            return f"{d['precision']:.2f}/{d['recall']:.2f}/{d['f1']:.2f}"

        yield (
            f"{lang:<8}{s['documents']:>5}  {trio(s['relaxed_partial']):<20}"
            f"{trio(s['relaxed_exact']):<20}"
            f"{trio(s['strict']):<20}{s['base_form_accuracy']:>6.2f}  {s['linking']['f1']:>7.2f}"
        )
