"""Throughput: pairs per second of `qa check` with the default rules on the MT corpus.

Writes ../shared/corpora/wmt-zhen-mt.tsv.gz (204,518 pairs) to a temporary TSV and
times `python -m qa check FILE.tsv --format json` on it (one process, one core). It
also times the number rules alone (extraction + matching, run directly) and, with
--profile, prints where their time goes. With --pofilter it runs translate-toolkit's pofilter
(its default checks; `pip install translate-toolkit`, not a dependency of qa) and qa's default
rules on the same first 20,000 pairs (as a PO file for pofilter, a TSV file for qa), each a new
process as a user runs them, start-up included, in the same run, and prints the ratio.

    python benchmarks/throughput.py [--limit N] [--repeat N] [--profile] [--no-cli] [--pofilter [N]]
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
import shutil
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


def _po_entry(context: int, msgid: str, msgstr: str) -> str:
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'

    return f'msgctxt "{context}"\nmsgid {quoted(msgid)}\nmsgstr {quoted(msgstr)}\n\n'


def compare_pofilter(pairs: list[tuple[str, str]], repeat: int) -> None:
    """qa's default rules against pofilter's default checks on the same pairs, start-up included.

    pofilter reads a PO file (msgid the Chinese source, msgstr the English translation) and writes
    the units that fail a check; qa reads the same pairs as a TSV file and writes JSON. Both are run
    as a user runs them, a new process each time (best of ``repeat``)."""
    pofilter = shutil.which("pofilter") or str(Path(sys.executable).with_name("pofilter"))
    if not Path(pofilter).exists():
        print("pofilter: not installed (pip install translate-toolkit); comparison skipped")
        return
    # an MT test set repeats each source once per system: each unit gets its own msgctxt, since a PO
    # file holds one msgid once per context
    unique = [(zh, en) for zh, en in pairs if zh]
    with tempfile.TemporaryDirectory() as folder:
        po = Path(folder) / "mt.po"
        header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: en\\n"\n\n'
        po.write_text(header + "".join(_po_entry(n, zh, en) for n, (zh, en) in enumerate(unique)), encoding="utf-8")
        tsv = Path(folder) / "mt.tsv"
        tsv.write_text("".join(f"{zh}\t{en}\n" for zh, en in unique), encoding="utf-8")
        commands = {
            "pofilter (default checks)": [pofilter, "--progress=none", "-i", str(po), "-o", f"{folder}/out.po"],
            "qa check -f json --jobs 1 (default rules)": [
                sys.executable, "-m", "qa", "check", str(tsv), "-f", "json", "-o", f"{folder}/out.json", "--jobs", "1"
            ],
        }  # fmt: skip
        best: dict[str, float] = {}
        for _ in range(repeat):  # interleaved, so that both meet the same load
            for label, command in commands.items():
                started = time.perf_counter()
                subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
                best[label] = min(best.get(label, float("inf")), time.perf_counter() - started)
    print(f"same {len(unique):,} pairs, start-up included, best of {repeat}:")
    for label, seconds in best.items():
        print(f"{label:<44} {seconds:>8.2f} {len(unique) / seconds:>10,.0f}")
    ratio = best["pofilter (default checks)"] / best["qa check -f json --jobs 1 (default rules)"]
    print(f"{'qa / pofilter speed':<44} {ratio:>8.2f}x")


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
    parser.add_argument("--pofilter", type=int, nargs="?", const=20_000, default=None, metavar="N",
                        help="compare with pofilter's default checks on the first N pairs (20,000)")  # fmt: skip
    options = parser.parse_args()

    pairs = read_pairs(options.corpus, options.limit)
    if options.pofilter:
        compare_pofilter(pairs[: options.pofilter], options.repeat)
        return
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
