"""Reporters on 200,000 findings: how much each output format adds to a run.

Checks the 204,518-pair MT corpus (../shared/corpora/wmt-zhen-mt.tsv.gz) once with the default
rules, repeats its findings (each copy on later lines, as a longer file would give them) up to
``--findings``, and times each reporter's ``emit`` into a file, beside the time of the check itself:
a whole run in a format costs the check plus its emit. Target: the table within 1.2x of JSON.

    python benchmarks/reporters.py [--findings 200000] [--corpus PATH] [--formats json,table,...]
"""

from __future__ import annotations

import argparse
import copy
import gzip
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MT = ROOT.parent / "shared" / "corpora" / "wmt-zhen-mt.tsv.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=MT)
    parser.add_argument("--findings", type=int, default=200_000)
    parser.add_argument("--formats", default="json,table,sarif,github")
    options = parser.parse_args()

    from qa.config import discover_config
    from qa.engine import Engine
    from qa.readers import read_path
    from qa.report import get_reporter

    with tempfile.TemporaryDirectory() as folder:
        tsv = Path(folder) / "mt.tsv"
        with gzip.open(options.corpus, "rt", encoding="utf-8") as source:
            tsv.write_text(source.read(), encoding="utf-8")
        started = time.process_time()
        document = read_path(tsv)
        engine = Engine.from_config(discover_config())
        found = engine.check(document)
        checked = time.process_time() - started
        print(f"check: {len(document.pairs):,} pairs, {len(found):,} findings, {checked:.1f} s CPU")
        lines = document.pairs[-1].en.line
        findings = []
        copies = 0
        while len(findings) < options.findings:
            for finding in found:  # a copy of the file's findings further down
                if copies:
                    finding = copy.copy(finding)
                    location = copy.copy(finding.location)
                    shift = copies * lines
                    location.__dict__.update(line=location.line + shift, end_line=location.end_line + shift)
                    finding.__dict__["location"] = location
                findings.append(finding)
                if len(findings) == options.findings:
                    break
            copies += 1
        print(f"{len(findings):,} findings to report")
        emitted = {}
        for name in options.formats.split(","):
            reporter = get_reporter(name, files=[document.path], suppressed=0, version="bench")
            out = Path(folder) / f"out.{name}"
            started = time.process_time()
            with out.open("w", encoding="utf-8") as stream:
                reporter.emit(findings, engine.rules, stream)
            emitted[name] = time.process_time() - started
            each = 1e6 * emitted[name] / len(findings)
            print(f"  {name:<8} emit {emitted[name]:7.2f} s CPU ({each:6.1f} µs a finding)")
        if "json" in emitted:
            # a run that gives this many findings checks proportionally more pairs
            scale = len(findings) / max(len(found), 1)
            run = checked * scale
            for name, seconds in emitted.items():
                print(f"  {name:<8} whole run / json: {(run + seconds) / (run + emitted['json']):.2f}x, "
                      f"emit / json's emit: {seconds / emitted['json']:.2f}x")


if __name__ == "__main__":
    main()
