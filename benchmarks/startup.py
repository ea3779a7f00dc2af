"""Start-up: wall time of `qa check` on one seed file, median of cold runs.

Each run is a new process, as in a pre-commit hook. Target: at most 0.5 s.

    python benchmarks/startup.py [--runs 15] [FILE]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", default=str(ROOT / "seeds" / "000_cfa7fe55d91506c5.txt"))
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    qa = shutil.which("qa")
    command = [qa] if qa else [sys.executable, "-m", "qa"]
    command += ["check", args.file, "--format", "json", "--fail-on", "never"]
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    print(f"qa check {Path(args.file).name}: median {statistics.median(times):.3f} s, "
          f"min {min(times):.3f} s, max {max(times):.3f} s over {args.runs} cold runs")
    importtime = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "qa", *command[command.index("check"):]],
        capture_output=True, text=True,
    ).stderr.splitlines()
    heavy = sorted(
        (int(line.split("|")[1]), line.split("|")[2].strip())
        for line in importtime
        if line.startswith("import time:") and line.split("|")[1].strip().isdigit()
    )[-8:]
    print("largest cumulative imports (µs):")
    for micros, name in reversed(heavy):
        print(f"  {micros:>8}  {name}")


if __name__ == "__main__":
    main()
