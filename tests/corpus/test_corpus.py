"""``qa corpus check`` and ``qa corpus filter`` on real Dask clusters: a scheduler and two worker
processes started as `dask scheduler` / `dask worker` subprocesses, and the local cluster the
commands start by themselves. The findings must be those of ``qa check`` on the same pairs (the
rules corpus mode runs), fingerprints included; a worker killed mid-run changes nothing; bad input
is one error naming the file and the line."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from qa.cli import run_check
from qa.config import discover_config
from qa.corpus import NOT_RUN, run_corpus
from qa.engine import Engine
from qa.readers import read_path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DASK = Path(sys.executable).with_name("dask")
#: Short real cases with known defects (6.1万 written 16,000; a dropped percentage; a unit changed).
CASES = [
    ("全年新增就业6.1万人。", "61,000 new jobs were created in the year."),
    ("全年新增就业6.1万人。", "16,000 new jobs were created in the year."),
    ("增长6.5%。", "It grew by 6.5 percent."),
    ("增长6.5%。", "It grew."),
    ("新增绿地300公顷。", "300 square meters of green space were added."),
]
IGNORED = list(NOT_RUN)


def corpus_rows() -> list[tuple[str, str]]:
    """The seeds' pairs and the cases, one line each, repeated to a few thousand pairs: repeated
    findings number their occurrences across partitions."""
    rows = [
        (pair.zh.text.replace("\n", " "), pair.en.text.replace("\n", " "))
        for seed in SEEDS
        for pair in read_path(seed).pairs
    ]
    return (rows + CASES) * 45


def write_tsv(path: Path, rows) -> Path:
    data = "".join(f"{zh}\t{en}\n" for zh, en in rows).encode()
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


def check_findings(path: Path, tmp_path: Path, *extra: str) -> list[dict]:
    """``qa check`` on the file (without the rules corpus mode leaves out), as JSON findings."""
    out = tmp_path / "check.json"
    run_check([path], output_format="json", output=out, select=[], ignore=[*IGNORED, *extra], fail_on="never",
              config_path=None, encoding=None, jobs=1)
    return json.loads(out.read_text(encoding="utf-8"))["findings"]


def parquet_findings(folder: Path) -> list[dict]:
    return ds.dataset(folder, format="parquet", partitioning="hive").to_table().to_pylist()


def key(record: dict) -> tuple:
    evidence = record.get("evidence", record)
    return (record["code"], record["line"], record["column"], record["end_line"], record["end_column"],
            record["severity"], record["message"], record["suggestion"], record["fingerprint"], evidence["text"])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """`dask scheduler` and two `dask worker` processes on localhost."""

    def __init__(self, workers: int = 2) -> None:
        self.port = free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        env = {**os.environ, "DASK_DISTRIBUTED__LOGGING__DISTRIBUTED": "error"}
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
        self.scheduler = subprocess.Popen(
            [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(self.port), "--no-dashboard"], **quiet
        )
        self.workers = [
            subprocess.Popen([str(DASK), "worker", self.address, "--nthreads", "1", "--no-dashboard",
                              "--no-nanny", "--memory-limit", "0"], **quiet)
            for _ in range(workers)
        ]
        from distributed import Client

        self.client = Client(self.address, timeout="60s")
        self.client.wait_for_workers(workers, timeout=120)

    def close(self) -> None:
        self.client.close()
        for process in [*self.workers, self.scheduler]:
            process.terminate()
        for process in [*self.workers, self.scheduler]:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="module")
def cluster():
    if not DASK.exists():
        pytest.skip("the dask command is not installed beside this Python")
    started = Cluster()
    yield started
    started.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_tsv(tmp_path_factory.mktemp("corpus") / "pairs.tsv.gz", corpus_rows())


def run_qa(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_corpus_check_on_a_started_scheduler_equals_qa_check(cluster, corpus, tmp_path):
    out = tmp_path / "findings.parquet"
    done = run_qa("corpus", "check", str(corpus), "-o", str(out), "--scheduler", cluster.address,
                  "--partition-pairs", "500", "--fail-on", "error", cwd=tmp_path)
    assert done.returncode == 1, done.stderr  # the cases hold errors
    expected = check_findings(corpus, tmp_path)
    found = parquet_findings(out)
    assert len(found) == len(expected) >= 45 * 3
    assert sorted(map(key, found)) == sorted(map(key, expected))
    # the 6.1万 → 16,000 case (NUM003), 45 times at 45 lines, each with its own fingerprint
    wrong = [row for row in found if row["code"] == "NUM003" and "16,000" in row["en"]]
    assert len(wrong) == 45 and len({row["fingerprint"] for row in wrong}) == 45
    assert {row["file"] for row in found} == {str(corpus)}
    assert "not run in corpus mode: CON001" in done.stderr
    assert "pairs/s" in done.stderr and "NUM001" in done.stderr


def test_corpus_filter_splits_the_pairs_in_input_order(cluster, corpus, tmp_path):
    keep, reject = tmp_path / "clean.tsv.gz", tmp_path / "rejected.jsonl"
    engine = Engine.from_config(discover_config(None), [], [*IGNORED, "FN001"])
    tally = run_corpus(engine, [corpus], config=discover_config(None), keep=keep, reject=reject,
                       fail_on="warning", partition_pairs=300, client=cluster.client)
    rows = corpus_rows()
    kept = [tuple(line.split("\t")) for line in gzip.decompress(keep.read_bytes()).decode().splitlines()]
    rejected = [json.loads(line) for line in reject.read_text(encoding="utf-8").splitlines()]
    assert tally.kept == len(kept) and tally.rejected == len(rejected) and len(kept) + len(rejected) == len(rows)
    expected = check_findings(corpus, tmp_path, "FN001")
    flagged = {finding["line"] for finding in expected if finding["severity"] in ("error", "warning")}
    assert [row for line, row in enumerate(rows, 1) if line not in flagged] == kept
    assert [row for line, row in enumerate(rows, 1) if line in flagged] == [(r["zh"], r["en"]) for r in rejected]
    codes = {r["en"]: r["codes"] for r in rejected}
    assert codes["16,000 new jobs were created in the year."] == ["NUM003"]
    assert codes["It grew."] == ["NUM001"]
    assert "UNIT001" in codes["300 square meters of green space were added."]


def test_a_worker_killed_mid_run_is_survived(corpus, tmp_path):
    if not DASK.exists():
        pytest.skip("the dask command is not installed beside this Python")
    own = Cluster()
    try:
        killed = []

        class KillOnFirstResult:
            """A progress bar whose first advance kills a worker while partitions are in flight."""

            def add_task(self, *args, **kwargs):
                return 0

            def advance(self, task, count):
                if not killed:
                    victim = own.workers[0]
                    victim.send_signal(signal.SIGKILL)
                    victim.wait(timeout=20)
                    killed.append(victim.pid)

        config = discover_config(None)
        out = tmp_path / "findings.parquet"
        engine = Engine.from_config(config, [], IGNORED)
        run_corpus(engine, [corpus], config=config, output=out, partition_pairs=100, client=own.client,
                   progress=KillOnFirstResult())
        assert killed
        assert len(own.client.scheduler_info()["workers"]) == 1
        found = parquet_findings(out)
        assert sorted(map(key, found)) == sorted(map(key, check_findings(corpus, tmp_path)))
    finally:
        own.close()


def test_local_cluster_by_default_and_a_bad_line_named(tmp_path):
    """No --scheduler: a local cluster is started. Invalid JSON on line 1,204 of a JSON Lines corpus is
    one error naming the file and the line, and no traceback."""
    rows = corpus_rows()[:1500]
    good = tmp_path / "pairs.jsonl"
    good.write_text("".join(json.dumps({"zh": zh, "en": en}, ensure_ascii=False) + "\n" for zh, en in rows),
                    encoding="utf-8")
    done = run_qa("corpus", "check", "pairs.jsonl", "-o", "out.parquet", "--workers", "2",
                  "--partition-pairs", "400", "--fail-on", "never", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(map(key, parquet_findings(tmp_path / "out.parquet"))) == sorted(
        map(key, check_findings(good, tmp_path)))
    lines = good.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1203] = '{"zh": "增长6.5%。", "en": "It grew\n'
    bad = tmp_path / "bad.jsonl"
    bad.write_text("".join(lines), encoding="utf-8")
    done = run_qa("corpus", "filter", "bad.jsonl", "--keep", "k.tsv", "--workers", "2",
                  "--partition-pairs", "400", cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "bad.jsonl" in done.stderr and "1204" in done.stderr


def test_usage_errors(tmp_path):
    (tmp_path / "report.txt").write_text("各位代表！\nFellow Deputies,\n", encoding="utf-8")
    done = run_qa("corpus", "check", "report.txt", "-o", "f.parquet", cwd=tmp_path)
    assert done.returncode == 2 and "not a corpus file" in done.stderr and "Traceback" not in done.stderr
    write_tsv(tmp_path / "pairs.tsv", CASES)
    done = run_qa("corpus", "filter", "pairs.tsv", cwd=tmp_path)
    assert done.returncode == 2 and "--keep" in done.stderr
    done = run_qa("corpus", "filter", "pairs.tsv", "--keep", "clean.txt", cwd=tmp_path)
    assert done.returncode == 2 and "not a corpus file name" in done.stderr
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.md").write_text("mine\n", encoding="utf-8")
    done = run_qa("corpus", "check", "pairs.tsv", "-o", "mine", cwd=tmp_path)
    assert done.returncode == 2 and "not a findings folder" in done.stderr
    assert (tmp_path / "mine" / "notes.md").exists()
    started = time.perf_counter()
    done = run_qa("corpus", "check", "pairs.tsv", "-o", "f.parquet", "--scheduler", f"tcp://127.0.0.1:{free_port()}",
                  cwd=tmp_path)
    assert done.returncode == 2 and "could not reach the Dask scheduler" in done.stderr
    assert time.perf_counter() - started < 90
    shutil.rmtree(tmp_path / "mine")
