"""Offline language identification for articles and paragraphs.

py3langid ships its model in the wheel. It is restricted to the languages we have packs for,
then corrected by letters only one language of a script uses (language.yaml ``letters``:
Bulgarian ъ, Serbian ђ ћ џ, Macedonian ќ ѓ ѕ, Slovene has no ć/đ, ...), which settles the
close pairs the statistical model confuses on short text.

The model scores byte n-grams found by walking a DFA over the UTF-8 bytes. py3langid walks it
one byte at a time in Python, which made language identification a tenth of the pipeline's time;
``_NgramModel`` gives the same counts with a handful of numpy operations (see its docstring).
"""

from __future__ import annotations

import importlib.util
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

import numpy as np

from diplowatch.cache import cached, cached_mapped, package_files
from diplowatch.lang.packs import available_languages, load_pack, pack_folder

_WORDS = re.compile(r"[^\W\d_]+")
MIN_CHARS = 40  # below this, py3langid labels are noise (TOOLKIT.md)


@dataclass(frozen=True)
class _NgramModel:
    """py3langid's naive Bayes model, scored with a few whole-array operations per text.

    The DFA is an Aho-Corasick automaton over the model's byte n-grams: after any input its
    state is the longest suffix of the input that is a prefix of an n-gram, so it depends only
    on the last ``depth`` bytes (the longest n-gram). The feature found at every position is
    therefore computed by walking all ``depth``-byte windows at once: ``depth`` vectorised
    steps instead of one Python step per byte. The text is prefixed with ``depth - 1`` bytes
    that lead every state back to the start (bytes UTF-8 never uses, absent from all n-grams),
    so the first positions need no special case. The scores are py3langid's up to float
    rounding (features are summed in another order), so the ranking is the same.
    """

    next_row: np.ndarray  # (row of state << 8) + byte -> row of the next state, also shifted
    next_feature: np.ndarray  # (row of state << 8) + byte -> feature the next state emits, no_feature for none
    first_row: np.ndarray  # byte -> row of the start state's successor, shifted
    no_feature: int  # the all-zero last row of log_ptc
    padding: bytes  # depth - 1 bytes that lead every state back to the start
    log_ptc: np.ndarray  # feature -> log-probability per language, one cache line per feature
    log_pc: np.ndarray  # language -> prior
    columns: dict[str, list[int]]  # label -> its columns (script aliases such as srl -> sr share one)

    def rank(self, text: str) -> list[tuple[str, float]]:
        """All languages by probability, best first, as py3langid's ``rank`` returns them."""
        data = _encode(text)
        scores = self._scores(data).tolist()
        scale = 1.0 / math.sqrt(len(data) or 1)  # py3langid's calibration of the softmax
        top = max(scores)
        weights = [math.exp((score - top) * scale) for score in scores]
        total = sum(weights)
        merged = {label: sum(weights[c] for c in columns) / total for label, columns in self.columns.items()}
        return sorted(merged.items(), key=itemgetter(1), reverse=True)

    def _scores(self, data: bytes) -> np.ndarray:
        """Naive Bayes log-scores: log(1 + count) of each feature times its log-probabilities.

        Positions without a feature read the last row of ``log_ptc``, which is all zeros, so they
        need not be filtered out; every numpy call counts here (the fixed cost of a call is most
        of the time spent on a 600-byte sample inside the pipeline).
        """
        found = self._features(data)
        found.sort()  # array methods rather than numpy's Python-level wrappers: this runs per article
        if not len(found) or found[0] == self.no_feature:
            return np.zeros(len(self.log_pc), dtype=np.float32)
        run_edges = np.empty(len(found) + 1, dtype=bool)  # where a run of one feature starts or ends
        run_edges[0] = run_edges[-1] = True
        np.not_equal(found[1:], found[:-1], out=run_edges[1:-1])
        edges = run_edges.nonzero()[0]
        weights = np.log1p((edges[1:] - edges[:-1]).astype(np.float32))
        return (weights @ self.log_ptc[found[edges[:-1]]])[: len(self.log_pc)] + self.log_pc

    def _features(self, data: bytes) -> np.ndarray:
        """Feature found at each byte position of ``data``, ``no_feature`` where none.

        The first step leaves the start state, whose 256 successors ``first_row`` holds: it is
        indexed by the bytes as they are, with no addition."""
        padded = np.frombuffer(self.padding + data, dtype=np.uint8)
        depth, positions = len(self.padding) + 1, len(data)
        rows = self.first_row[padded[:positions]]
        for k in range(1, depth - 1):
            rows = self.next_row[rows + padded[k : k + positions]]
        return self.next_feature[rows + padded[depth - 1 :]]


def _encode(text: str) -> bytes:
    """The bytes py3langid scores: all-caps text lowered, NFC, UTF-8."""
    if text.isupper():
        text = text.lower()
    return unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")


def _longest_ngram(nextmove: np.ndarray, row: np.ndarray) -> int:
    """Breadth-first depth of the DFA: the length in bytes of its longest n-gram.

    States sharing a row have the same successors, so each row is expanded once.
    """
    seen = np.zeros(len(row), dtype=bool)
    seen[0] = True
    expanded = np.zeros(len(nextmove), dtype=bool)
    frontier, depth = np.array([0]), 0
    while True:
        rows = np.unique(row[frontier])
        rows = rows[~expanded[rows]]
        expanded[rows] = True
        reached = np.zeros(len(row), dtype=bool)
        reached[nextmove[rows].ravel()] = True
        reached &= ~seen
        if not reached.any():
            return depth
        seen |= reached
        frontier, depth = np.flatnonzero(reached), depth + 1


def _reset_byte(nextmove: np.ndarray) -> int:
    """A byte outside UTF-8 that leads every state back to the start state 0."""
    for byte in range(0xFF, 0xF4, -1):
        if not nextmove[:, byte].any():
            return byte
    raise ValueError("py3langid model: no byte resets the DFA; cannot pad the text")


def _cache_line_rows(table: np.ndarray) -> np.ndarray:
    """``table`` as float32 rows of 16 (64 bytes), each in one cache line, and one more row of
    zeros: scoring reads a row per feature in the text, and on a cold cache each row costs one
    memory access."""
    width = 64 // 4
    flat = np.zeros((len(table) + 2) * width, dtype=np.float32)
    start = (-flat.ctypes.data % 64) // 4
    rows = flat[start : start + (len(table) + 1) * width].reshape(-1, width)
    rows[: len(table), : table.shape[1]] = table
    return rows


@lru_cache(maxsize=1)
def _model() -> _NgramModel:
    """``_build_model()``, kept between runs (py3langid decompresses its model each time); its
    tables are mapped from the cache file, not copied, each still on a cache-line boundary."""
    spec = importlib.util.find_spec("py3langid")
    assert spec is not None and spec.origin is not None  # a dependency of diplowatch
    files = [Path(spec.origin).parent / "data" / "model.npz.xz", *package_files("lang")]
    files += [pack_folder(code) / "language.yaml" for code in available_languages()]
    return cached_mapped("langid", files, _build_model)


def _build_model() -> _NgramModel:
    """py3langid's model for our languages, its DFA tables fused for the window walk.

    About 0.2 s on top of py3langid's own loading; the two fused tables take 80 MB, where
    py3langid kept 40 MB of transitions plus Python lists.
    """
    import py3langid.langid as langid

    identifier = langid._load_identifier()
    ptc, pc, classes = identifier._full_model
    wanted = set(available_languages())
    kept = [i for i, code in enumerate(classes) if code in wanted] or list(range(len(classes)))
    columns: dict[str, list[int]] = {}
    for column, i in enumerate(kept):
        columns.setdefault(classes[i], []).append(column)
    nextmove = np.asarray(identifier.tk_nextmove).reshape(-1, 256)
    row = np.asarray(identifier.tk_row, dtype=np.int64)
    output = np.array(identifier.tk_output, dtype=np.int32)  # a copy: its -1 entries are rewritten
    no_feature = len(ptc)
    output[output < 0] = no_feature
    next_row = (row << 8).astype(np.uint32)[nextmove]
    return _NgramModel(
        next_row=next_row.ravel(),
        next_feature=output[nextmove].ravel(),
        first_row=next_row[row[0]].copy(),
        no_feature=no_feature,
        padding=bytes([_reset_byte(nextmove)]) * (_longest_ngram(nextmove, row) - 1),
        log_ptc=_cache_line_rows(ptc[:, kept]),
        log_pc=pc[kept].astype(np.float32),
        columns=columns,
    )


@dataclass(frozen=True)
class _Rules:
    """What one language.yaml tells language identification: ``letters`` and ``cue_words``."""

    own_letters: frozenset[str]
    foreign_letters: frozenset[str]
    close: frozenset[str]  # close languages that cue words tell apart
    cue_words: frozenset[str]
    cue_stems: tuple[str, ...]


_NO_RULES = _Rules(frozenset(), frozenset(), frozenset(), frozenset(), ())


@lru_cache(maxsize=1)
def _rules() -> dict[str, _Rules]:
    """Every language's rules, pickled between runs: every detection reads all languages, and
    parsing all their packs was most of the first detection's time."""
    files = [*package_files("lang"), *(pack_folder(code) / "language.yaml" for code in available_languages())]
    return cached("langid-rules", files, lambda: {code: _read_rules(code) for code in available_languages()})


def _read_rules(code: str) -> _Rules:
    language = load_pack(code).language
    letters = language.get("letters") or {}
    cues = language.get("cue_words") or {}
    own = [str(w).lower() for w in cues.get("own") or ()]
    return _Rules(
        own_letters=frozenset(letters.get("own", "")),
        foreign_letters=frozenset(letters.get("foreign", "")),
        close=frozenset(cues.get("close") or ()),
        cue_words=frozenset(w for w in own if not w.endswith("*")),
        cue_stems=tuple(w[:-1] for w in own if w.endswith("*")),
    )


def _adjust(text: str, ranked: list[tuple[str, float]]) -> str:
    """Among the top candidates, drop those whose foreign letters occur; prefer own letters;
    then let cue words decide between close languages (hr/bs/sr/me)."""
    chars = set(text.lower())
    rules = _rules()
    allowed = [code for code, _score in ranked[:4] if chars.isdisjoint(rules.get(code, _NO_RULES).foreign_letters)]
    for code in allowed:
        if not chars.isdisjoint(rules.get(code, _NO_RULES).own_letters):
            return code
    if not allowed:
        return ranked[0][0]
    return _by_cue_words(text, allowed[0], allowed)


def _by_cue_words(text: str, best: str, allowed: list[str]) -> str:
    """The candidate close to ``best`` whose cue words occur most often, when it beats ``best``;
    the statistical model cannot tell Croatian, Bosnian and Serbian Latin apart on a sample."""
    rules = _rules()
    rivals = [code for code in allowed if code == best or code in rules[best].close]
    if len(rivals) < 2:
        return best
    words = _WORDS.findall(text.lower())
    counts = {}
    for code in rivals:
        exact, stems = rules[code].cue_words, rules[code].cue_stems
        counts[code] = sum(1 for w in words if w in exact or (stems and w.startswith(stems)))
    winner = max(rivals, key=counts.__getitem__)  # the higher-ranked one on a tie
    return winner if counts[winner] > counts[best] else best


def detect_language(text: str, *, hint: str | None = None) -> str | None:
    """Return the language code of ``text``, or ``hint`` when the text is too short to tell."""
    if len(text.strip()) < MIN_CHARS:
        return hint
    return _adjust(text, _model().rank(text))
