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

import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

import numpy as np

from diplowatch.lang.packs import available_languages, load_pack

MIN_CHARS = 40  # below this, py3langid labels are noise (TOOLKIT.md)


@dataclass(frozen=True)
class _NgramModel:
    """py3langid's naive Bayes model, scored with whole-array operations.

    The DFA is an Aho-Corasick automaton over the model's byte n-grams: after any input its
    state is the longest suffix of the input that is a prefix of an n-gram, so it depends only
    on the last ``depth`` bytes (the longest n-gram). The state at every position is therefore
    found by walking all ``depth``-byte windows at once, ``depth`` vectorised steps in all,
    instead of one Python step per byte. Scores are then computed exactly as py3langid does.
    """

    nextmove: np.ndarray  # state transitions, 256 per row
    rowbase: np.ndarray  # state -> offset of its row in nextmove
    output: np.ndarray  # state -> feature index, -1 for none
    log_ptc: np.ndarray  # feature x language log-probabilities
    log_pc: np.ndarray  # language priors
    columns: dict[str, list[int]]  # label -> its columns (script aliases such as srl -> sr share one)
    depth: int

    def rank(self, text: str) -> list[tuple[str, float]]:
        """All languages by probability, best first, as py3langid's ``rank`` returns them."""
        data = _encode(text)
        scores = self._scores(data)
        scores *= 1.0 / math.sqrt(len(data) or 1)  # py3langid's length calibration
        np.exp(scores - scores.max(), out=scores)
        scores /= scores.sum()
        merged: dict[str, float] = {}
        for label, columns in self.columns.items():
            merged[label] = float(scores[columns].sum())  # float32 sum, as py3langid folds aliases
        return sorted(merged.items(), key=itemgetter(1), reverse=True)

    def _scores(self, data: bytes) -> np.ndarray:
        features = self._features(np.frombuffer(data, dtype=np.uint8))
        if not len(features):
            return np.zeros(len(self.log_pc), dtype=np.float32)
        # py3langid sums features in order of first occurrence; keeping it keeps scores bit-equal
        unique, first, counts = np.unique(features, return_index=True, return_counts=True)
        order = np.argsort(first)
        weights = np.log1p(counts[order].astype(np.float32))
        return weights @ self.log_ptc[unique[order]] + self.log_pc

    def _features(self, data: np.ndarray) -> np.ndarray:
        """Feature index of every byte position that ends an n-gram, in text order."""
        head = min(self.depth - 1, len(data))
        states = [0]
        for byte in data[:head].tolist():  # positions before the first full window
            states.append(int(self.nextmove[self.rowbase[states[-1]] + byte]))
        windows = len(data) - head
        window_states = np.zeros(max(windows, 0), dtype=np.int64)
        if windows > 0:
            for k in range(self.depth):
                window_states = self.nextmove[self.rowbase[window_states] + data[k : k + windows]]
        found = self.output[np.concatenate([np.array(states[1:], dtype=np.int64), window_states])]
        return found[found >= 0]


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


@lru_cache(maxsize=1)
def _model() -> _NgramModel:
    import py3langid.langid as langid

    identifier = langid._load_identifier()
    ptc, pc, classes = identifier._full_model
    wanted = set(available_languages())
    kept = [i for i, code in enumerate(classes) if code in wanted] or list(range(len(classes)))
    columns: dict[str, list[int]] = {}
    for column, i in enumerate(kept):
        columns.setdefault(classes[i], []).append(column)
    nextmove = np.asarray(identifier.tk_nextmove)
    row = np.asarray(identifier.tk_row, dtype=np.int64)
    return _NgramModel(
        nextmove=nextmove,
        rowbase=row << 8,
        output=np.asarray(identifier.tk_output, dtype=np.int64),
        log_ptc=ptc[:, kept],
        log_pc=pc[kept],
        columns=columns,
        depth=_longest_ngram(nextmove.reshape(-1, 256), row),
    )


@lru_cache(maxsize=1)
def _letter_rules() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    rules = {}
    for code in available_languages():
        letters = load_pack(code).language.get("letters") or {}
        rules[code] = (frozenset(letters.get("own", "")), frozenset(letters.get("foreign", "")))
    return rules


def _adjust(text: str, ranked: list[tuple[str, float]]) -> str:
    """Among the top candidates, drop those whose foreign letters occur; prefer own letters."""
    chars = set(text.lower())
    rules = _letter_rules()
    none = (frozenset(), frozenset())
    allowed = [code for code, _score in ranked[:4] if chars.isdisjoint(rules.get(code, none)[1])]
    for code in allowed:
        if not chars.isdisjoint(rules.get(code, none)[0]):
            return code
    return allowed[0] if allowed else ranked[0][0]


def detect_language(text: str, *, hint: str | None = None) -> str | None:
    """Return the language code of ``text``, or ``hint`` when the text is too short to tell."""
    if len(text.strip()) < MIN_CHARS:
        return hint
    return _adjust(text, _model().rank(text))
