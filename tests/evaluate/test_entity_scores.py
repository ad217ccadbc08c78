"""eval-entities: scoring semantics on hand-built documents, the self-written sample, and
the command line (``--json``, ``--write-pred``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplowatch.cli import main
from diplowatch.evaluate.entities import (
    Document,
    Form,
    _LangScore,
    b_cubed,
    evaluate_entities,
    read_annotation,
    read_raw,
)

SAMPLE = Path(__file__).parents[1] / "data" / "entities"
BSNLP = Path(__file__).parents[3] / "shared" / "bsnlp"


def doc(gold: list[Form], pred: list[Form]) -> Document:
    return Document("t", "sl", "d1", gold=gold, pred=pred)


def test_exact_partial_and_strict_recognition() -> None:
    gold = [
        Form("Sergejem Lavrovom", "Sergej Lavrov", "PER", "L"),
        Form("Lavrov", "Lavrov", "PER", "L"),
        Form("Budimpešti", "Budimpešta", "LOC", "B"),
    ]
    pred = [
        Form("Lavrovom", "Lavrov", "PER", "x"),
        Form("Lavrov", "Lavrov", "PER", "x"),
        Form("Budimpešti", "Budimpešta", "LOC", "y"),
    ]
    score = _LangScore()
    score.add(doc(gold, pred))
    result = score.as_dict()
    assert result["relaxed_exact"] == {"precision": 0.6667, "recall": 0.6667, "f1": 0.6667}
    assert result["relaxed_partial"]["recall"] == 1.0  # "Lavrovom" shares a word with the gold form
    assert result["strict"]["recall"] == 0.5  # Lavrov lacks one of his two forms


def test_base_form_accuracy_counts_exact_matches_only() -> None:
    score = _LangScore()
    score.add(doc([Form("Putina", "Putin", "PER", "P")], [Form("Putina", "Putina", "PER", "p")]))
    assert score.as_dict()["base_form_accuracy"] == 0.0


def test_b_cubed_penalises_merging_and_splitting() -> None:
    assert b_cubed([("a", "G1", "p"), ("b", "G1", "p")])["f1"] == 1.0
    merged = b_cubed([("a", "G1", "p"), ("b", "G2", "p")])
    assert merged["precision"] == 0.5 and merged["recall"] == 1.0
    split = b_cubed([("a", "G1", "p"), ("b", "G1", "q")])
    assert split["precision"] == 1.0 and split["recall"] == 0.5


def test_raw_reader_keeps_title_and_checks_date(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("\ufeffx\nsl\nnot a date\nhttp://e\nNaslov\n\nBesedilo.\n", encoding="utf-8")
    assert read_raw(path) == ("Naslov\n\nBesedilo.", None)


def test_self_written_sample_scores_every_language() -> None:
    result, docs = evaluate_entities(SAMPLE)
    assert len(result["languages"]) == 14
    overall = result["overall"]
    assert overall["relaxed_exact"]["f1"] >= 0.9
    assert overall["linking"]["precision"] >= 0.95  # no false merges across languages
    assert all(d.pred for d in docs)


def test_cli_json_and_predictions_in_gold_layout(tmp_path: Path) -> None:
    out = tmp_path / "pred"
    result = CliRunner().invoke(
        main, ["eval-entities", str(SAMPLE), "--json", "--write-pred", str(out)]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert set(scores) == {"languages", "overall"}
    written = out / "diplomacy" / "sl" / "sl-1.out"
    forms = read_annotation(written)
    assert written.read_text(encoding="utf-8").splitlines()[0] == "sl-1"
    assert any(f.surface == "Sergejem Lavrovom" and f.entity == "sergey-lavrov" for f in forms)


@pytest.mark.skipif(not (BSNLP / "ryanair").is_dir(), reason="../shared/bsnlp not present")
def test_bsnlp_ryanair_runs_with_high_precision() -> None:
    result, _ = evaluate_entities(BSNLP / "ryanair", langs=["sl"])
    assert result["overall"]["relaxed_exact"]["precision"] >= 0.8


def _bsnlp_doc(topic: Path, lang: str, stem: str, doc_id: str, body: str, gold: str, *, bom: str = "") -> None:
    raw = topic / "raw" / lang / f"{stem}.txt"
    annotated = topic / "annotated" / lang / f"{stem}.out"
    raw.parent.mkdir(parents=True, exist_ok=True)
    annotated.parent.mkdir(parents=True, exist_ok=True)
    raw.write_text(f"{bom}{doc_id}\n{lang}\n2021-03-02\nhttps://example.org/{doc_id}\n{body}\n", encoding="utf-8")
    annotated.write_text(f"{doc_id}\n{gold}\n", encoding="utf-8")


@pytest.mark.issue(15)
def test_written_predictions_start_with_the_document_id_not_the_file_stem(tmp_path: Path) -> None:
    topic = tmp_path / "bsnlp" / "nord_stream"
    _bsnlp_doc(topic, "bg", "nord_stream_bg.txt_file_10", "bg-10",
               "Путин разговаря с Меркел\nВладимир Путин разговаря по телефона с Ангела Меркел.",
               "Владимир Путин\tВладимир Путин\tPER\tPER-Vladimir-Putin")  # fmt: skip
    _bsnlp_doc(topic, "bg", "nord_stream_bg.txt_file_11", "bg-11",
               "Меркел в Москва\nАнгела Меркел пристигна в Москва.",
               "Ангела Меркел\tАнгела Меркел\tPER\tPER-Angela-Merkel", bom="\ufeff")  # fmt: skip
    out = tmp_path / "pred"
    result = CliRunner().invoke(main, ["eval-entities", str(topic.parent), "--write-pred", str(out)])
    assert result.exit_code == 0, result.output
    written = sorted((out / "nord_stream" / "bg").iterdir())
    assert [path.name for path in written] == ["nord_stream_bg.txt_file_10.out", "nord_stream_bg.txt_file_11.out"]
    assert [path.read_text(encoding="utf-8").splitlines()[0] for path in written] == ["bg-10", "bg-11"]
    assert any(f.surface == "Владимир Путин" and f.type == "PER" for f in read_annotation(written[0]))
