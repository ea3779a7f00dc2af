"""Hostile inputs: a few hundred random and broken files through ``qa check``, one process each.

    python benchmarks/hostile_inputs.py [--files 300] [--seed 7] [--jobs 2] [--timeout 60] [--keep]

Files are written to a temporary folder (kept with --keep): random bytes, random Unicode, the
fixtures and seeds in UTF-8, UTF-8 with BOM, UTF-16, GB18030 and Big5, multi-megabyte lines,
ragged TSV, odd notes sections, truncated and mutated XML, PO and CSV, under every suffix qa
reads, and --zh/--en pairs. Each is checked in its own ``qa check`` with a timeout. Reported:
the total time (target: under 3 minutes), every traceback on stderr, every exit code other
than 0, 1 and 2, every time-out and every input file whose bytes changed. Exit status 1 if
any of these happened.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "formats"
SUFFIXES = (".txt", ".tsv", ".csv", ".po", ".tmx", ".xlf", ".xliff", ".sdlxliff")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "gb18030", "big5")
FORMATS = ("table", "json", "sarif", "github", "html")


@dataclass
class Case:
    name: str
    args: list[str]  # after `qa check`
    files: list[Path]


def _seed_lines() -> list[str]:
    return [
        line
        for path in sorted((ROOT / "seeds").glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def _fixture(suffix: str) -> bytes:
    """A valid file of the format: the fixture (an .xlf for .xliff), or for .tsv the fixture pairs."""
    if suffix == ".tsv":
        from qa.readers import read_path

        pairs = read_path(FIXTURES / "pairs.txt").pairs
        rows = (" ".join(pair.zh.text.split()) + "\t" + " ".join(pair.en.text.split()) for pair in pairs)
        return "".join(row + "\n" for row in rows).encode()
    candidates = sorted(path for path in FIXTURES.glob(f"report*{suffix.replace('.xliff', '.xlf')}"))
    return candidates[0].read_bytes() if candidates else (FIXTURES / "pairs.txt").read_bytes()


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace" if encoding in ("big5", "gb18030") else "surrogatepass")


def _random_unicode(rng: random.Random, size: int) -> str:
    ranges = [(0x20, 0x7E), (0x4E00, 0x9FFF), (0x3000, 0x303F), (0xFF00, 0xFFEF), (0x0, 0x1F), (0x80, 0x2FFF),
              (0x10000, 0x10FFFF), (0xE000, 0xF8FF), (0x2000, 0x206F)]
    weights = [30, 30, 5, 5, 3, 10, 3, 2, 4]
    chars = []
    for _ in range(size):
        low, high = rng.choices(ranges, weights)[0]
        code = rng.randint(low, high)
        chars.append(chr(code) if not 0xD800 <= code <= 0xDFFF else "?")
    return "".join(chars)


def _mutate(rng: random.Random, data: bytes) -> bytes:
    for _ in range(rng.randint(1, 6)):
        position = rng.randrange(len(data) + 1)
        how = rng.choice(["truncate", "delete", "insert", "flip", "duplicate"])
        if how == "truncate":
            data = data[:position]
        elif how == "delete":
            data = data[:position] + data[position + rng.randint(1, 200) :]
        elif how == "insert":
            data = data[:position] + rng.randbytes(rng.randint(1, 30)) + data[position:]
        elif how == "flip" and data:
            position = min(position, len(data) - 1)
            data = data[:position] + bytes([data[position] ^ (1 << rng.randrange(8))]) + data[position + 1 :]
        else:
            data = data[:position] + data[position : position + rng.randint(1, 500)] * 3 + data[position:]
    return data


def generate(folder: Path, count: int, rng: random.Random) -> list[Case]:
    lines = _seed_lines()
    contents: list[tuple[str, bytes]] = []  # (file name, bytes)

    def add(stem: str, suffix: str, data: bytes) -> None:
        contents.append((f"{len(contents):03d}-{stem}{suffix}", data))

    pairs_text = (FIXTURES / "pairs.txt").read_text(encoding="utf-8")
    seed_text = (ROOT / "seeds" / "000_cfa7fe55d91506c5.txt").read_text(encoding="utf-8")
    for encoding in ENCODINGS:  # real text in every encoding, under every suffix's reader
        add(f"seed-{encoding}", ".txt", _encode(seed_text, encoding))
        add(f"pairs-{encoding}", ".txt", _encode(pairs_text, encoding))
        for suffix in SUFFIXES[1:]:
            text = _fixture(suffix).decode("utf-8")
            if suffix in (".tmx", ".xlf", ".xliff", ".sdlxliff") and encoding != "utf-8":
                text = text.replace('encoding="UTF-8"', f'encoding="{encoding.split("-sig")[0]}"').replace(
                    'encoding="utf-8"', f'encoding="{encoding.split("-sig")[0]}"'
                )
            add(f"fixture-{encoding}", suffix, _encode(text, encoding))
    # multi-megabyte lines
    big = " ".join(rng.choice(lines) for _ in range(40))
    add("huge-line", ".txt", (lines[1] + "\n" + (big * (3_000_000 // len(big)))).encode())
    add("huge-line", ".tsv", ("zh\ten\n" + lines[1] + "\t" + big * (2_000_000 // len(big)) + "\n").encode())
    add("huge-seg", ".tmx", _fixture(".tmx").replace(b"Fellow Deputies,", b"Fellow Deputies, " * 150_000))
    add("huge-msgstr", ".po", _fixture(".po").replace(b"msgstr \"", b"msgstr \"" + b"\xe4\xb8\xad" * 700_000, 2))
    add("huge-cell", ".csv", _fixture(".csv").replace(b",", b"," + b"x" * 1_000_000, 3))
    add("many-lines", ".txt", "\n".join(rng.choice(lines) for _ in range(60_000)).encode())
    # odd notes sections
    notes = [
        "注释:\n" + seed_text,
        seed_text + "\n注释:\n",
        seed_text + "\n注释:\n注释:\nNotes\n" + "\n".join(f"[{n}]定义{n}" for n in range(1, 3000)),
        seed_text.replace("\n", "\nNotes\n", 3),
        seed_text + "\nFootnotes\n" + "\n".join(f"{n}. note {n} ①②③" for n in range(500)),
        seed_text + "\n注:\n" + "\n".join("* " * rng.randint(1, 50) for _ in range(200)),
        "\n".join(f"{line}{rng.randint(1, 99)}" for line in lines[:400]) + "\n注释:\n[1]x\n",
    ]
    for number, text in enumerate(notes):
        add(f"notes-{number}", ".txt", text.encode())
    # ragged TSV and odd CSV
    for number in range(8):
        rows = []
        for _ in range(rng.randint(1, 300)):
            cells = [rng.choice(lines) if rng.random() < 0.8 else "" for _ in range(rng.choice([0, 1, 2, 2, 2, 3, 7]))]
            rows.append("\t".join(cells))
        header = rng.choice(["", "zh\ten\n", "en\tzh\n", "source\ttarget\tnote\n", "\t\t\n"])
        add(f"ragged-{number}", ".tsv", (header + "\n".join(rows)).encode())
        quote = rng.choice(['"', "'", '""', ""])
        csv_rows = [f"{quote}{rng.choice(lines)}{quote}{rng.choice([',', ';', chr(9), ''])}{rng.choice(lines)}"
                    for _ in range(rng.randint(1, 100))]
        add(f"odd-{number}", ".csv", (rng.choice(["zh,en\n", "id;en;zh\n", "", '"zh","en\n']) + "\n".join(
            csv_rows)).encode())
    # the rest: random bytes, random Unicode, truncated and mutated structured files
    while len(contents) < count:
        suffix = rng.choice(SUFFIXES)
        kind = rng.choice(["bytes", "unicode", "mutated", "mutated", "truncated", "spliced"])
        if kind == "bytes":
            data = rng.randbytes(rng.choice([1, 10, 100, 1000, 20000]))
        elif kind == "unicode":
            data = _encode(_random_unicode(rng, rng.choice([5, 100, 2000])), rng.choice(ENCODINGS))
        elif kind == "truncated":
            whole = _fixture(suffix)
            data = whole[: rng.randrange(1, len(whole))]
        elif kind == "mutated":
            data = _mutate(rng, _fixture(suffix))
        else:
            text = "\n".join(rng.choice(lines)[: rng.randint(0, 80)] + _random_unicode(rng, rng.randint(0, 5))
                             for _ in range(rng.randint(1, 60)))
            data = _encode(text, rng.choice(ENCODINGS))
        add(kind, suffix, data)
    cases = []
    for name, data in contents:
        path = folder / name
        path.write_bytes(data)
        options = ["--format", rng.choice(FORMATS)]
        if rng.random() < 0.2:
            options.append("--skip-non-bilingual")
        cases.append(Case(name, [*options, name], [path]))
    for number in range(6):  # --zh/--en pairs of line-aligned files
        zh, en = folder / f"aligned-{number}.zh", folder / f"aligned-{number}.en"
        zh_lines = [rng.choice(lines) for _ in range(rng.randint(0, 50))]
        zh.write_bytes(_encode("\n".join(zh_lines), rng.choice(ENCODINGS)))
        en.write_bytes(rng.randbytes(200) if number == 0 else _mutate(rng, "\n".join(zh_lines).encode()))
        cases.append(Case(zh.stem, ["--zh", zh.name, "--en", en.name], [zh, en]))
    return cases


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(case: Case, folder: Path, timeout: float) -> tuple[Case, str, float, int | None, str]:
    """(case, problem or "", seconds, exit code, last line of stderr)."""
    before = [_digest(path) for path in case.files]
    start = time.perf_counter()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "qa", "check", *case.args],
            cwd=folder, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return case, f"timed out after {timeout:.0f} s", time.perf_counter() - start, None, ""
    seconds = time.perf_counter() - start
    stderr = result.stderr.decode("utf-8", "replace")
    last = stderr.strip().splitlines()[-1] if stderr.strip() else ""
    problems = []
    if "Traceback" in stderr:
        problems.append(f"traceback: {last}")
    if result.returncode not in (0, 1, 2):
        problems.append(f"exit code {result.returncode}")
    if result.returncode == 2 and len(stderr.strip().splitlines()) != 1:
        problems.append(f"exit 2 with {len(stderr.strip().splitlines())} lines on stderr")
    if [_digest(path) for path in case.files] != before:
        problems.append("input changed")
    return case, "; ".join(problems), seconds, result.returncode, last


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2, help="qa processes at a time")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per qa check")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="qa-hostile-"))
    try:
        started = time.perf_counter()
        cases = generate(folder, options.files, random.Random(options.seed))
        generated = time.perf_counter() - started
        with ThreadPoolExecutor(options.jobs) as pool:
            results = list(pool.map(lambda case: run(case, folder, options.timeout), cases))
        total = time.perf_counter() - started
        codes = Counter(code for _, _, _, code, _ in results)
        slowest = sorted(results, key=lambda result: -result[2])[:3]
        problems = [(case, problem) for case, problem, _, _, _ in results if problem]
        size = sum(path.stat().st_size for case in cases for path in case.files)
        print(f"{len(cases)} runs of qa check on {size / 1e6:.1f} MB in {folder}")
        print(f"total {total:.1f} s (generating {generated:.1f} s), target under 180 s, --jobs {options.jobs}")
        print("exit codes: " + ", ".join(f"{code}: {count}" for code, count in sorted(codes.items(), key=str)))
        print("slowest: " + ", ".join(f"{case.name} {seconds:.1f} s" for case, _, seconds, _, _ in slowest))
        print(f"tracebacks: {sum('traceback' in problem for _, problem in problems)}, "
              f"other exit codes: {sum('exit code' in problem for _, problem in problems)}, "
              f"time-outs: {sum('timed out' in problem for _, problem in problems)}, "
              f"inputs changed: {sum('input changed' in problem for _, problem in problems)}")
        for case, problem in problems:
            print(f"  {case.name}: {problem}")
        return 1 if problems or total > 180 else 0
    finally:
        if options.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
