"""Linear time: `qa check` on hostile input, one rule family at a time.

Each rule family (--select NUM, UNIT, FN, TERM, TXT, ALN, TAG) is timed on one-line TSV
files whose pair repeats that family's triggers (digits, 万, footnote markers, brackets,
spaces, punctuation, Latin runs, Chinese runs…) to 1 MB and to 4 MB, and on 2,000 lines of
20 KB (each line made distinct, as the engine checks a repeated pair once; by default for
each family's first pattern). The table shows the seconds of each and the ratio 4MB/1MB:
about 4 means linear time, 16 quadratic. Every run goes through the CLI (`python -m qa check FILE.tsv --select
FAMILY -f json -o OUT --jobs 1`): reader, rules and JSON output alike.

    python benchmarks/linear_time.py [--family NUM] [--pattern digits] [--sizes 1,4]
                                     [--timeout 120] [--lines first|all|none] [--profile]

--profile runs the 1 MB line of each row in this process under cProfile and prints the
top functions by cumulative time instead (where the time goes when a ratio is high).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MB = 1 << 20

#: What each hostile pair repeats: (Chinese unit, English unit). Each names the triggers of
#: one or more rule families (what their pre-checks and regular expressions look for).
PATTERNS: dict[str, tuple[str, str]] = {
    "digits": ("编号1234567890，", "No. 1234567890, "),
    "digit-run": ("1234567890", "1234567890"),
    "wan": ("3万5千亿", "30,000 million "),
    "wan-run": ("万亿", "a hundred thousand "),
    "zh-numerals": ("三百二十一、第三，", "three hundred and twenty-one, the third "),
    "en-words": ("大约一百", "a hundred the third between 3 and 4 "),
    "ranges": ("3至4%，", "3-4%, between 3 and 4 "),
    "dates": ("2024年3月5日，", "March 5, 2024, "),
    "footnotes": ("我们将推出[1]", "We will launch[1] "),
    "glued": ("福祉16", "aspects16"),
    "superscript": ("面积m²¹", "area m²¹ word¹"),
    "stars": ("注*重点**", "note* bold** "),
    "circled": ("①要点②", "① point ② "),
    "brackets": ("（【《〈(", "([{<\"'"),
    "spaces": ("中文 。", "a  b . c\u00a0\u00a0d\u200b "),  # no tab: it separates the TSV columns
    "punctuation": ("中文。", "a.B,c"),
    "latin-run": ("中文abcdefghij", "abcdefghij"),  # the Chinese side needs hanzi to be Chinese
    "chinese-run": ("中华人民共和国", "中华人民共和国"),
    "units": ("5公里3千克5美元", "5 km 3 kg $5 US$5 "),
    "placeholders": ("%s{0}中文", "%s {0} "),
    "mixed": ("据统计，2024年共有3.5万人[1]参与，增长12%①", "In 2024, 35,000 people[1] took part,up 12 %① "),
}

#: The patterns each family is timed on by default: what its rules look for, and the mixed line.
FAMILIES: dict[str, tuple[str, ...]] = {
    "NUM": ("digits", "wan", "en-words", "ranges", "dates", "mixed"),
    "UNIT": ("mixed", "units", "ranges"),
    "FN": ("footnotes", "superscript", "stars", "mixed"),
    "TERM": ("chinese-run", "latin-run", "mixed"),
    "TXT": ("mixed", "spaces", "punctuation"),  # mixed first: 2,000 lines of spaces make 6 million findings
    "ALN": ("chinese-run", "mixed"),
    "TAG": ("placeholders", "mixed"),
}


def hostile_pair(pattern: str, size: int) -> tuple[str, str]:
    """The pattern's units repeated until the TSV line ``zh<TAB>en`` holds about ``size`` bytes."""
    zh_unit, en_unit = PATTERNS[pattern]
    unit_bytes = len(zh_unit.encode()) + len(en_unit.encode())
    times = max(1, size // unit_bytes)
    return zh_unit * times, en_unit * times


_TAG_HANZI = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬"  # no numerals among them
_TAG_LETTERS = "bcdfghjklmnpqrstvwxzbcdfgh"


def _tag(number: int) -> tuple[str, str]:
    """A word that makes line ``number`` unlike the others (the engine checks a repeated pair once):
    hanzi for the Chinese, lowercase letters for the English, no digits."""
    zh, en = "", ""
    while True:
        number, digit = divmod(number, 26)
        zh, en = _TAG_HANZI[digit] + zh, _TAG_LETTERS[digit] + en
        if not number:
            return zh + "。", " q" + en + "."


def write_tsv(path: Path, pattern: str, size: int, lines: int = 1) -> None:
    """``lines`` lines of the pattern's pair of ``size`` bytes, each made distinct by a word at its end."""
    zh, en = hostile_pair(pattern, size)
    with path.open("w", encoding="utf-8") as file:
        for number in range(lines):
            zh_tag, en_tag = _tag(number) if lines > 1 else ("", "")
            file.write(f"{zh}{zh_tag}\t{en}{en_tag}\n")


def time_cli(path: Path, family: str, out: Path, timeout: float) -> float | str | None:
    """Wall seconds of `qa check PATH --select FAMILY`, None if it ran past ``timeout``, "crash" (and the
    end of the traceback on stderr) if it failed."""
    command = [sys.executable, "-m", "qa", "check", str(path), "--select", family, "-f", "json", "-o", str(out),
               "--jobs", "1"]
    started = time.perf_counter()
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return None
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1) or "Traceback" in result.stderr:
        print(f"{family} on {path.name}: exit {result.returncode}\n{result.stderr[-600:]}", file=sys.stderr)
        return "crash"
    return seconds


def profile(pattern: str, family: str, size: int) -> None:
    from qa.config import Config
    from qa.engine import Engine
    from qa.readers import read_text

    zh, en = hostile_pair(pattern, size)
    document = read_text("hostile.tsv", f"{zh}\t{en}\n", ".tsv")
    engine = Engine.from_config(Config(), select=[family])
    profiler = cProfile.Profile()
    profiler.enable()
    engine.check(document)
    profiler.disable()
    print(f"== {family} on {pattern}, {size / MB:g} MB")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(12)


def _shown(seconds: float | str | None, timeout: float) -> str:
    if isinstance(seconds, str):
        return seconds
    return f">{timeout:g}" if seconds is None else f"{seconds:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--family", action="append", help="a rule family (default: all)")
    parser.add_argument("--pattern", action="append", help="a hostile pattern (default: the family's)")
    parser.add_argument("--sizes", default="1,4", help="line sizes in MB, the first two give the ratio")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a run is given up")
    parser.add_argument(
        "--lines", choices=("first", "all", "none"), default="first",
        help="time 2,000 lines of 20 KB for each family's first pattern (default), every pattern, or none",
    )
    parser.add_argument("--profile", action="store_true", help="profile the first size in this process")
    args = parser.parse_args()
    families = args.family or list(FAMILIES)
    sizes = [float(size) for size in args.sizes.split(",")]
    if args.profile:
        for family in families:
            for pattern in args.pattern or FAMILIES[family]:
                profile(pattern, family, int(sizes[0] * MB))
        return
    header = ["family", "pattern", *(f"{size:g} MB" for size in sizes)]
    if len(sizes) > 1:
        header.append(f"{sizes[1]:g}MB/{sizes[0]:g}MB")
    if args.lines != "none":
        header.append("2000 × 20 KB")
    print("  ".join(f"{cell:>12}" for cell in header), flush=True)
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        out = here / "out.json"
        for family in families:
            for pattern in args.pattern or FAMILIES[family]:
                cells: list[str] = [family, pattern]
                seconds: list[float | str | None] = []
                for size in sizes:
                    path = here / f"{pattern}-{size:g}.tsv"
                    write_tsv(path, pattern, int(size * MB))
                    seconds.append(time_cli(path, family, out, args.timeout))
                    cells.append(_shown(seconds[-1], args.timeout))
                    path.unlink()
                if len(sizes) > 1:
                    first, second = seconds[0], seconds[1]
                    timed = isinstance(first, float) and isinstance(second, float)
                    cells.append(f"{second / first:.1f}" if timed else "-")  # type: ignore[operator]
                first_pattern = pattern == (args.pattern or FAMILIES[family])[0]
                if args.lines == "all" or (args.lines == "first" and first_pattern):
                    path = here / f"{pattern}-lines.tsv"
                    write_tsv(path, pattern, 20 * 1024, lines=2000)
                    cells.append(_shown(time_cli(path, family, out, args.timeout), args.timeout))
                    path.unlink()
                elif args.lines != "none":
                    cells.append("")
                print("  ".join(f"{cell:>12}" for cell in cells), flush=True)


if __name__ == "__main__":
    main()
