"""Peak memory of ``qa check`` on a corpus file of 200,000 and of 800,000 pairs (issue 19, part 1).

Builds the two TSV files in a temporary folder by repeating the WMT MT corpus (never committed:
/work/shared/corpora/wmt-zhen-mt.tsv.gz, or ``--corpus``), runs ``qa check FILE --format F -o OUT``
for JSON and SARIF in a fresh process each, and reports each run's peak resident memory (the
largest ``ru_maxrss`` of the process and its workers, read with ``resource.getrusage(RUSAGE_CHILDREN)``
in a wrapper process of its own), its CPU time (user + system, workers included) and the ratio of
the two sizes' peaks. The target is a ratio of at most 1.2: memory bounded whatever the file's size.

    python benchmarks/streaming_memory.py                # 200,000 and 800,000 pairs, json and sarif
    python benchmarks/streaming_memory.py --sizes 20000 80000 --formats json --jobs 1
    python benchmarks/streaming_memory.py --ignore CON001   # without the rule repetition makes fire

Repeating a corpus repeats its segments. A source that 2 of 3 systems translate one way is, four
copies on, written 12 times in 2 ways: no longer a set of alternatives but an inconsistency
(CON001), so CON001's findings, each with its group's message, grow far faster than the file.
Repeating also keeps the state that grows with distinct segments (CON001's per-segment hashes,
the fingerprints' occurrence counts, the JSON report's pair numbers) the same size. ``--distinct``
appends a word or two to every English segment of each copy ("too", "also"…), so that every pair
of the large file is distinct and the growth of that state shows; ``--ignore CON001`` leaves the
rule out.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

#: One list of words per base-4 digit: no word is written twice in a row (TXT008).
_WORDS = ((" indeed", " too", " also", " so"), (" then", " now", " here", " still"),
          (" again", " anyway", " after all", " as well"))


def _suffix(copy: int) -> str:
    """Words that tell copy ``copy`` (1, 2, …) of the corpus from the others: its digits in base 4."""
    words = []
    position = 0
    while copy:
        copy, digit = divmod(copy, 4)
        words.append(_WORDS[position % len(_WORDS)][digit])
        position += 1
    return "".join(words)

CORPUS = Path("/work/shared/corpora/wmt-zhen-mt.tsv.gz")
_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(code, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)\n"
)


_END = re.compile(r"[\s.!?;:,\"'\u201d\u2019)\]]*$")


def _distinct(line: str, copy: int) -> str:
    """The line with the copy's words put into its English before the closing punctuation (after it,
    they would be a sentence without a full stop, TXT009)."""
    zh, _, en = line.rstrip("\n").partition("\t")
    end = _END.search(en).start()
    return f"{zh}\t{en[:end]}{_suffix(copy)}{en[end:]}\n"


def build(corpus: Path, pairs: int, path: Path, distinct: bool) -> None:
    """``pairs`` lines of the corpus, repeated from its start as often as needed."""
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as source:
        lines = [line for line in source if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        written, copy = 0, 0
        while written < pairs:
            for line in lines[: pairs - written]:
                if distinct and copy:  # a word, not a number: the copy's pairs get no new findings
                    line = _distinct(line, copy)
                out.write(line)
            written += min(len(lines), pairs - written)
            copy += 1


def measure(path: Path, fmt: str, out: Path, jobs: str | None, ignore: str | None) -> dict:
    command = [sys.executable, "-m", "qa", "check", str(path), "--format", fmt, "-o", str(out)]
    if jobs is not None:
        command += ["--jobs", jobs]
    if ignore is not None:
        command += ["--ignore", ignore]
    result = subprocess.run([sys.executable, "-c", _WRAPPER, *command], capture_output=True, text=True, check=True)
    code, peak_kb, cpu = result.stdout.split()
    findings = None
    if fmt == "json":
        with out.open(encoding="utf-8") as handle:
            head = handle.read(2000)
        findings = json.loads(head[: head.index(',\n  "findings"')] + "}")["summary"]["findings"]
    return {"exit": int(code), "peak_mb": int(peak_kb) / 1024, "cpu_s": float(cpu), "findings": findings}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sizes", type=int, nargs=2, default=(200_000, 800_000), metavar=("SMALL", "LARGE"))
    parser.add_argument("--formats", nargs="+", default=["json", "sarif"])
    parser.add_argument("--jobs", help="qa check --jobs (default: qa's own choice)")
    parser.add_argument("--ignore", help="qa check --ignore (e.g. CON001)")
    parser.add_argument("--distinct", action="store_true", help="make every pair of the large file distinct")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="qa-streaming-") as folder:
        files = {}
        for size in args.sizes:
            files[size] = Path(folder) / f"mt-{size}.tsv"
            build(args.corpus, size, files[size], args.distinct)
        print(f"{'pairs':>9}  {'format':<6}  {'peak MB':>8}  {'CPU s':>7}  {'findings':>9}  exit")
        peaks: dict[tuple[int, str], float] = {}
        for fmt in args.formats:
            for size in args.sizes:
                row = measure(files[size], fmt, Path(folder) / f"out-{size}.{fmt}", args.jobs, args.ignore)
                peaks[size, fmt] = row["peak_mb"]
                findings = "" if row["findings"] is None else f"{row['findings']:,}"
                peak, cpu = row["peak_mb"], row["cpu_s"]
                print(f"{size:>9,}  {fmt:<6}  {peak:>8.1f}  {cpu:>7.1f}  {findings:>9}  {row['exit']}", flush=True)
        small, large = args.sizes
        for fmt in args.formats:
            ratio = peaks[large, fmt] / peaks[small, fmt]
            verdict = "ok" if ratio <= 1.2 else "over the 1.2 target"
            print(f"{fmt}: peak at {large:,} pairs / at {small:,} pairs = {ratio:.2f} ({verdict})")


if __name__ == "__main__":
    main()
