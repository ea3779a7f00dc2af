"""Throughput: pairs per second of `qa check` with the default rules on the MT corpus.

Writes ../shared/corpora/wmt-zhen-mt.tsv.gz (204,518 pairs) to a temporary TSV and
times `python -m qa check FILE.tsv --format json` on it (one process, one core). It
also times the number rules alone (extraction + matching, run directly) and, with
--profile, prints where their time goes.

    python benchmarks/throughput.py [--limit N] [--repeat N] [--profile] [--no-cli]
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import importlib.util
import io
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MT = ROOT.parent / "shared" / "corpora" / "wmt-zhen-mt.tsv.gz"
NUM_CODES = ("NUM001", "NUM002", "NUM003")


def read_pairs(path: Path, limit: int | None) -> list[tuple[str, str]]:
    pairs = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            zh, _, en = line.rstrip("\n").partition("\t")
            pairs.append((zh, en))
            if limit is not None and len(pairs) >= limit:
                break
    return pairs


def time_cli(
    pairs: list[tuple[str, str]], repeat: int = 1, cwd: Path = ROOT, jobs: int = 1
) -> list[tuple[float, float, int]]:
    """(wall seconds, CPU seconds of all processes, exit code) of each of ``repeat`` runs of
    `python -m qa check FILE.tsv -f json -o OUT --jobs JOBS` with the default rules (the config
    of ``cwd``). ``jobs`` 1 is the one-core figure; 0 lets qa use every core."""
    runs = []
    with tempfile.TemporaryDirectory() as folder:
        tsv = Path(folder) / "mt.tsv"
        tsv.write_text("".join(f"{zh}\t{en}\n" for zh, en in pairs), encoding="utf-8")
        out = str(Path(folder) / "out.json")
        command = [sys.executable, "-m", "qa", "check", str(tsv), "-f", "json", "-o", out, "--jobs", str(jobs)]
        for _ in range(repeat):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            result = subprocess.run(
                command,
                cwd=cwd,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
            elapsed = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            if result.returncode not in (0, 1):
                print(result.stderr.strip()[-2000:], file=sys.stderr)
            runs.append((elapsed, cpu, result.returncode))
    return runs


def report_cli(label: str, count: int, runs: list[tuple[float, float, int]]) -> None:
    """The best and the median run: the machine is shared, and the best run is the one least disturbed."""
    walls = sorted(run[0] for run in runs)
    cpus = sorted(run[1] for run in runs)
    best, median = walls[0], walls[len(walls) // 2]
    print(
        f"{label:<44} {best:>8.2f} {count / best:>10,.0f}   (median of {len(runs)}: {median:.2f} s, "
        f"{count / median:,.0f} pairs/s; CPU {cpus[0]:.2f} s; exit {runs[0][2]})"
    )


def run_number_rules(pairs: list[tuple[str, str]]) -> int:
    from qa.lang import comparison
    from qa.model import Pair, Segment
    from qa.rules import all_rules

    rules = [all_rules()[code]() for code in NUM_CODES]
    hits = 0
    for zh, en in pairs:
        pair = Pair(Segment.from_lines("zh", [(1, 1, zh)]), Segment.from_lines("en", [(2, 1, en)]))
        for rule in rules:
            hits += sum(1 for _ in rule.check(pair))
    comparison.cache_clear()
    return hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=MT)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3, help="runs of qa check (best and median are reported)")
    parser.add_argument("--profile", action="store_true", help="profile the number rules")
    parser.add_argument("--no-cli", action="store_true", help="only time the number rules")
    options = parser.parse_args()

    pairs = read_pairs(options.corpus, options.limit)
    print(f"{len(pairs):,} pairs from {options.corpus.name}")
    print(f"{'what':<44} {'seconds':>8} {'pairs/s':>10}")

    started = time.perf_counter()
    hits = run_number_rules(pairs)
    elapsed = time.perf_counter() - started
    rate = len(pairs) / elapsed
    print(f"{'NUM001-003 run directly (incl. warm-up)':<44} {elapsed:>8.2f} {rate:>10,.0f}   ({hits:,} hits)")

    if not options.no_cli and importlib.util.find_spec("qa.cli") is not None:
        report_cli("qa check -f json --jobs 1 (one core)", len(pairs), time_cli(pairs, options.repeat))
        from qa.parallel import available_cores

        cores = available_cores()
        report_cli(f"qa check -f json --jobs 0 ({cores} cores)", len(pairs), time_cli(pairs, options.repeat, jobs=0))

    if options.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        run_number_rules(pairs)
        profiler.disable()
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).sort_stats("tottime").print_stats(18)
        print(stream.getvalue())


if __name__ == "__main__":
    main()
