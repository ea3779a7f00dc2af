"""qa's segmentation on the on-disk index of jieba's dictionary is jieba's own (HMM off)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jieba
import jieba.posseg
import pytest

from qa.lang import segmentation

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    lines = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def test_cut_is_jiebas_cut_on_every_seed_line(seed_lines):
    jieba.setLogLevel(60)
    # Simplified and Traditional reports, and their English lines (jieba's ASCII grouping)
    assert len(seed_lines) > 100
    for line in seed_lines:
        assert list(segmentation.cut(line)) == list(jieba.cut(line, HMM=False)), line


def test_the_words_qa_asks_about():
    assert list(segmentation.cut("这一成本唯一成功三成变成十六进制")) == [
        "这", "一", "成本", "唯一", "成功", "三成", "变成", "十六进制",
    ]  # fmt: skip


def test_word_tags_are_possegs(seed_lines):
    table = jieba.posseg.dt.word_tag_tab
    words = {word for line in seed_lines[:200] for word in jieba.cut(line, HMM=False)}
    assert words
    for word in words:
        assert segmentation.word_tag(word) == table.get(word), word
    assert segmentation.word_tag("神庙") == "n"
    assert segmentation.word_tag("qa-not-a-word") is None


def test_a_run_that_segments_does_not_load_jiebas_dictionary(tmp_path):
    # 三成 needs a segmentation; jieba's own initialize() reads its whole dictionary
    (tmp_path / "cheng.txt").write_text("农民收入增长三成。\nFarmers' income rose by 30%.\n", encoding="utf-8")
    script = (
        "import sys, jieba\n"
        "loaded = []\n"
        "jieba.Tokenizer.initialize = lambda self, *a: loaded.append(1)\n"
        "from qa.cli import main\n"
        "try:\n    main(['check', 'cheng.txt', '--format', 'json', '-o', 'out.json'])\n"
        "except SystemExit as exit:\n    code = exit.code\n"
        "print(code, len(loaded))\n"
    )
    segmentation.prepare()  # the index exists in this user's cache folder
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert result.stdout.split() == ["0", "0"], result.stderr
