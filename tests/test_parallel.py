"""Checking in several processes (``qa check --jobs``) finds what one process finds."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import qa.parallel
from qa.config import Config
from qa.datapacks import packs_dir
from qa.engine import Engine
from qa.parallel import AUTO_MIN_PAIRS, WorkerError, available_cores, can_fork, chunks, worker_count
from qa.readers import read_path, read_text

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not can_fork(), reason="worker processes are forked")

# seeds/000 line 54 and seeds/001 line 21 render 枫桥经验 differently: in one document, the
# minority rendering is TERM004's (a stateful rule, run in the main process); the seeds and
# the defects example give every other rule's findings
FENGQIAO = [
    ("坚持和发展新时代“枫桥经验”,及时把矛盾纠纷化解在基层。",
     'We will continue to apply the "Fengqiao experience" in this regard and build on it in the new era.'),
    ("学习推广“枫桥经验”。", "We will learn from and promote the Fengqiao experience."),
    ("坚持和发展新时代“枫桥经验”,深入推进信访工作法治化。",
     'We will continue to apply the "Fengqiao model" and provide law-based responses to public complaints.'),
]  # fmt: skip


def corpus_document():
    """The pairs of the seeds and of examples/defects.txt, three times over with the 枫桥经验 pairs
    between them, as one TSV document: repeated pairs, as translation memories have."""
    pairs = []
    for path in [*sorted((ROOT / "seeds").glob("*.txt")), ROOT / "examples" / "defects.txt"]:
        pairs += [(pair.zh.text, pair.en.text) for pair in read_path(path).pairs]
    rows = (pairs + FENGQIAO) * 3
    text = "".join(f"{zh}\t{en}\n" for zh, en in rows if "\n" not in zh + en and "\t" not in zh + en)
    return read_text("corpus.tsv", text, ".tsv")


BEIJING = Config(glossaries=(packs_dir() / "beijing-gov.tsv",))  # TERM004 needs the shipped glossary pack


def shown(findings):
    return [
        (f.code, f.location.line, f.location.column, f.location.end_column, f.message, f.suggestion, f.fingerprint)
        for f in findings
    ]


def test_workers_find_what_one_process_finds(monkeypatch):
    document = corpus_document()
    one = Engine.from_config(BEIJING).check(document, jobs=1)
    calls = []
    pure_hits = qa.parallel.pure_hits

    def spy(pairs, rules, observers, workers):
        calls.append(workers)
        yield from pure_hits(pairs, rules, observers, workers)

    monkeypatch.setattr(qa.parallel, "pure_hits", spy)
    monkeypatch.setattr(qa.parallel, "CHUNK_PAIRS", (7, 7))  # many runs of pairs, spread over the workers
    checked = []
    several = Engine.from_config(BEIJING).check(document, checked.append, jobs=3)
    assert calls == [3]
    assert sum(checked) == len(document.pairs)
    assert shown(several) == shown(one)
    codes = {finding.code for finding in one}
    assert {"NUM003", "TXT001", "TXT002", "TERM001", "TERM004"} <= codes
    fengqiao = [f for f in one if f.code == "TERM004" and f.message.startswith("枫桥经验")]
    # the seeds' own "Fengqiao model" pair and the one above, each three times
    assert [f.message.split(" (")[0] for f in fengqiao] == [
        '枫桥经验 rendered "Fengqiao model" here, "Fengqiao experience" elsewhere'
    ] * 6

def test_how_many_workers():
    assert worker_count(1, 500_000) == 1
    assert worker_count(0, AUTO_MIN_PAIRS - 1) == 1  # a small file: not worth starting workers
    assert worker_count(0, AUTO_MIN_PAIRS) == available_cores()
    assert worker_count(4, 100) == 4
    assert worker_count(4, 3) == 3
    assert worker_count(4, 1) == 1


def test_runs_cover_the_document_in_order():
    runs = chunks(10_001, 2)
    assert runs[0] == (0, 1_250) and runs[-1][1] == 10_001
    assert all(a[1] == b[0] for a, b in itertools.pairwise(runs))
    assert chunks(100, 4) == [(0, 100)]  # at least CHUNK_PAIRS[0] pairs a run


def run_qa(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa", *args], cwd=cwd, capture_output=True, text=True)


def test_cli_jobs_gives_the_same_report():
    one = run_qa("check", "examples/defects.txt", "seeds", "-f", "json", "--jobs", "1")
    two = run_qa("check", "examples/defects.txt", "seeds", "-f", "json", "-j", "2")
    assert one.returncode == two.returncode == 1
    assert json.loads(two.stdout)["summary"]["findings"] > 0
    assert two.stdout == one.stdout


def test_cli_bad_jobs_is_a_usage_error(tmp_path: Path):
    result = run_qa("check", "seeds", "--jobs", "-2")
    assert result.returncode == 2
    assert result.stderr == "qa: error: --jobs: expected a number of processes (0 chooses), got -2\n"
    (tmp_path / "qa.toml").write_text('jobs = "all"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("各位代表!\nFellow Deputies,\n", encoding="utf-8")
    result = run_qa("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "qa: error: qa.toml: jobs: expected a number of processes (0 chooses), got 'all'\n"


def _dies(run):
    os._exit(3)  # as a worker killed for memory would


def test_a_worker_that_dies_is_an_error_not_a_hang(monkeypatch):
    monkeypatch.setattr(qa.parallel, "_check_run", _dies)
    with pytest.raises(WorkerError, match=r"ended unexpectedly .*; try --jobs 1"):
        Engine.from_config(Config()).check(corpus_document(), jobs=2)
