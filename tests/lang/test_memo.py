"""lookup_all: every word's memo value, each new word computed once, the memo bounded."""

from __future__ import annotations

import pytest

from diplowatch.lang import memo as memo_module
from diplowatch.lang.memo import lookup_all


def test_values_in_word_order_and_new_words_computed_once() -> None:
    memo = {"a": "known"}
    calls: list[str] = []

    def compute(word: str) -> str:
        calls.append(word)
        return word.upper()

    words = ["x", "a", "y", "x", "a", "y", "z"]
    assert lookup_all(memo, words, compute) == ["X", "known", "Y", "X", "known", "Y", "Z"]
    assert calls == ["x", "y", "z"]
    assert lookup_all(memo, words, compute) == ["X", "known", "Y", "X", "known", "Y", "Z"]
    assert calls == ["x", "y", "z"]  # all memoised now
    assert lookup_all(memo, [], compute) == []


def test_falsy_values_are_memoised_too() -> None:
    memo: dict[str, str] = {}
    assert lookup_all(memo, ["b", "c"], lambda w: "") == ["", ""]
    assert memo == {"b": "", "c": ""}


def test_memo_starts_afresh_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo_module, "MEMO_WORDS", 2)
    memo = {"a": 1, "b": 2, "c": 3}
    assert lookup_all(memo, ["d", "a"], lambda w: 9) == [9, 1]
    assert memo == {"d": 9}
