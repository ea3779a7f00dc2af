"""Error-level findings per 1,000 units on real, published translation catalogues.

Runs `qa check` (the installed CLI, default configuration, JSON output) on each catalogue
named, or on every catalogue in a folder, and prints per file: the units qa checked, what it
said it skipped (its stderr note), the error- and warning-level findings, errors per 1,000
units, and the rules that gave the errors. The target for catalogues that the platform's own
validator accepts (`msgfmt -c`, Xcode, Angular's compiler) is at most 1 error per 1,000 units.

The catalogues are not in the repository (they are other projects' files). Ones used so far,
each a published zh catalogue translated from English:

    git (GPL-2.0)               po/zh_CN.po, po/zh_TW.po           C, positional printf
    cockpit (LGPL-2.1)          po/zh_CN.po                        JavaScript, $0 placeholders
    django-rest-framework (BSD) rest_framework/locale/zh_Hans/LC_MESSAGES/django.po   %(name)s
    autowp-frontend (MIT)       src/locale/messages.zh-CN.xlf      Angular XLIFF, ICU plurals, <x/>
    LoopKit/LoopTranslations    zh-Hans.xcloc/Localized Contents/zh-Hans.xliff        Xcode, %1$@

    python benchmarks/catalogues.py CATALOGUE_OR_FOLDER... [--show N] [--qa PATH]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.readers import SUFFIXES, InputError, read_path  # noqa: E402

CATALOGUE_SUFFIXES = (".po", ".pot", ".xlf", ".xliff", ".tmx")


def catalogues(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in CATALOGUE_SUFFIXES)
        else:
            found.append(path)
    return found


def run(qa: str, path: Path, show: int, workdir: Path) -> tuple[int, int, int]:
    """Check one catalogue; print its line; return (units, errors, warnings)."""
    try:
        units = len(read_path(path).pairs)
    except InputError as error:
        print(f"{path.name}: not read: {error}")
        return 0, 0, 0
    output = workdir / f"{path.name}.json"
    done = subprocess.run(
        [qa, "check", str(path), "--format", "json", "-o", str(output)], capture_output=True, text=True
    )
    if done.returncode not in (0, 1):
        print(f"{path.name}: qa exited {done.returncode}: {done.stderr.strip()}")
        return units, 0, 0
    findings = json.loads(output.read_text(encoding="utf-8"))["findings"]
    errors = [f for f in findings if f["severity"] == "error"]
    warnings = sum(1 for f in findings if f["severity"] == "warning")
    rate = 1000 * len(errors) / units if units else 0.0
    by_rule = Counter(f["code"] for f in errors)
    note = " ".join(line for line in done.stderr.splitlines() if "skipped" in line)
    rules = ", ".join(f"{code} {count}" for code, count in by_rule.most_common()) or "-"
    print(f"{path.name:<36} {units:>6} {len(errors):>6} {warnings:>8} {rate:>9.2f}   {rules}")
    if note:
        print(f"{'':<36} {note}")
    for finding in errors[:show]:
        print(f"    {finding['line']}: {finding['code']} {finding['message']}")
    return units, len(errors), warnings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path, help="catalogues, or folders holding them")
    parser.add_argument("--show", type=int, default=0, help="print the first N error findings of each file")
    parser.add_argument("--qa", default="qa", help="the qa command to run (default: qa on PATH)")
    args = parser.parse_args()
    files = catalogues(args.paths)
    if not files:
        parser.error(f"no catalogues ({', '.join(CATALOGUE_SUFFIXES)}) found; qa reads {', '.join(SUFFIXES)}")
    print(f"{'catalogue':<36} {'units':>6} {'errors':>6} {'warnings':>8} {'err/1000':>9}   errors by rule")
    totals = [0, 0, 0]
    with tempfile.TemporaryDirectory() as workdir:
        for path in files:
            for index, value in enumerate(run(args.qa, path, args.show, Path(workdir))):
                totals[index] += value
    units, errors, warnings = totals
    rate = 1000 * errors / units if units else 0.0
    print(f"{'all':<36} {units:>6} {errors:>6} {warnings:>8} {rate:>9.2f}")


if __name__ == "__main__":
    main()
