"""Precision of `qa terms extract` on the three seeds, and whether its proposals flag the seeds.

Runs the extraction over seeds/ (as `qa terms extract seeds/ --top 50` does), prints the proposals
with their evidence, and scores them against a reviewer's judgement of each
(benchmarks/data/terms_extract_judged.tsv: kept or not, and why, judged against how the seeds
translate the term). A proposal the file does not judge is listed as unjudged and counted as not
kept (judge it and add it). Then the proposals are saved as a glossary and the seeds are checked
with it: every TERM002 finding would flag the seeds' own translations. Targets: at least 80% kept,
no TERM002.

    python benchmarks/terms_extract.py [--top 50]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
JUDGED = ROOT / "benchmarks" / "data" / "terms_extract_judged.tsv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=50)
    options = parser.parse_args()

    from qa.cli import _read_documents
    from qa.lang.terms.extract import extract_terms, format_glossary_tsv

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    documents = _read_documents({path: None for path in seeds}, skip_non_bilingual=False, encoding=None)
    pairs = [(p.zh.text, p.en.text, f"{d.path}:{p.zh.line}") for d in documents for p in d.pairs]
    proposals = extract_terms(pairs, top=options.top)
    judged = {}
    for line in JUDGED.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            zh, renderings, kept, why = line.split("\t")
            judged[(zh, renderings)] = (kept == "yes", why)
    kept = 0
    for rank, proposal in enumerate(proposals, start=1):
        renderings = "|".join(proposal.renderings)
        verdict = judged.get((proposal.zh, renderings))
        mark = "unjudged" if verdict is None else ("kept" if verdict[0] else "not kept")
        kept += bool(verdict and verdict[0])
        print(f"{rank:>3} {proposal.zh}\t{renderings}\t{mark}\t(in {proposal.pairs} units, with it in "
              f"{proposal.together}, G2 {proposal.score:.1f}, dice {proposal.dice:.2f}, {proposal.example})")
    share = kept / len(proposals) if proposals else 0.0
    print(f"kept {kept} of {len(proposals)} proposals ({share:.0%}; target 80%)")

    with tempfile.TemporaryDirectory() as folder:
        glossary = Path(folder) / "glossary-proposals.tsv"
        glossary.write_text(format_glossary_tsv(proposals), encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "qa", "check", *map(str, seeds), "-f", "json", "--select", "TERM002",
             "--glossary", str(glossary), "--fail-on", "never"],
            capture_output=True, text=True, cwd=folder, env={"PYTHONPATH": str(ROOT), "PATH": ""},
        )  # fmt: skip
        findings = json.loads(result.stdout)["findings"] if result.returncode == 0 else None
    if findings is None:
        print(f"qa check failed: {result.stderr.strip()}")
        return
    print(f"TERM002 on the seeds with the proposals as a glossary: {len(findings)} (target 0)")
    for finding in findings:
        print(f"  {finding['path']}:{finding['line']} {finding['message']}")


if __name__ == "__main__":
    main()
