"""The seeds are the footnote rules' first test.

Their markers (16 and 17 in seed 000, 11 in seed 003, glued to English words and
quotes) all have notes, so they give no FN finding. Deleting a marker, deleting a
note or renumbering one gives exactly the expected findings, at the marker's or
the note's own line and column.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.config import Config
from qa.engine import Engine
from qa.readers import read_path

ROOT = Path(__file__).resolve().parents[2]
SEED_000 = ROOT / "seeds" / "000_cfa7fe55d91506c5.txt"
SEED_003 = ROOT / "seeds" / "003_69f7e5b1796ec52c.txt"

NOTE_17 = (
    "[17]In this context, a better life means one that is convenient and comfortable, with more choices, "
    "in a fair and safe society.\n"
)


def footnote_findings(path: Path) -> list[tuple[str, int, int, str]]:
    findings = Engine.from_config(Config(), select=["FN"]).check(read_path(path))
    return [(f.code, f.location.line, f.location.column, f.evidence.text) for f in findings]


def edited(tmp_path: Path, seed: Path, old: str, new: str) -> Path:
    text = seed.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {seed.name}"
    copy = tmp_path / seed.name
    copy.write_text(text.replace(old, new), encoding="utf-8")
    return copy


@pytest.mark.parametrize("seed", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda path: path.name)
def test_seeds_give_no_footnote_finding(seed: Path):
    assert footnote_findings(seed) == []


def test_deleted_marker_leaves_its_note_unused(tmp_path: Path):
    path = edited(tmp_path, SEED_000, "aspects16", "aspects")
    # the note's definition starts after "[16]", at line 72, column 5
    assert [finding[:3] for finding in footnote_findings(path)] == [("FN003", 72, 5)]


def test_deleted_quote_marker_leaves_its_note_unused(tmp_path: Path):
    path = edited(tmp_path, SEED_003, 'clusters"11', 'clusters"')
    assert [finding[:3] for finding in footnote_findings(path)] == [("FN003", 30, 5)]


def test_deleted_note_leaves_its_marker_undefined(tmp_path: Path):
    path = edited(tmp_path, SEED_000, NOTE_17, "")
    assert footnote_findings(path) == [("FN002", 35, 156, "17")]


def test_deleted_note_label_leaves_quote_marker_undefined(tmp_path: Path):
    path = edited(tmp_path, SEED_003, "[11]The", "The")
    assert footnote_findings(path) == [("FN002", 26, 379, "11")]


def test_renumbered_marker_breaks_order_and_duplicates(tmp_path: Path):
    path = edited(tmp_path, SEED_000, "areas17", "areas16")
    assert [finding[:3] for finding in footnote_findings(path)] == [("FN004", 35, 156), ("FN003", 73, 5)]


def test_swapped_markers_are_out_of_order(tmp_path: Path):
    path = edited(
        tmp_path,
        SEED_000,
        "aspects16 and meeting public expectations for a better life in five areas17",
        "aspects17 and meeting public expectations for a better life in five areas16",
    )
    assert footnote_findings(path) == [("FN004", 35, 156, "16")]


def test_renumbered_note_is_both_undefined_and_unused(tmp_path: Path):
    path = edited(tmp_path, SEED_000, "[16]The seven", "[15]The seven")
    assert [finding[:3] for finding in footnote_findings(path)] == [("FN002", 35, 90), ("FN003", 72, 5)]


def test_chinese_marker_that_differs_from_english(tmp_path: Path):
    # seed 003 with the Chinese superscript restored as ② where the English says 11
    path = edited(tmp_path, SEED_003, "加快“六鏈五群”產業布局", "加快“六鏈五群”②產業布局")
    findings = footnote_findings(path)
    assert ("FN001", 26, 379, "11") in findings
    assert ("FN002", 25, 61, "②") in findings
    assert len(findings) == 2
