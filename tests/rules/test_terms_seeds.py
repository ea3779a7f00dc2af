"""TERM rules on the seeds with the starter glossary, Traditional seed 003, and `qa terms extract`."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from qa.cli import app
from qa.config import Config
from qa.datapacks import packs_dir
from qa.engine import Engine
from qa.readers import read_path
from qa.rules.term002 import GlossaryTermNotRendered
from qa.rules.term004 import InconsistentRendering
from tests.conftest import SEEDS

BEIJING = Config(glossaries=(packs_dir() / "beijing-gov.tsv",))  # the starter glossary is an opt-in pack


def term_findings(path: Path):
    return Engine.from_config(BEIJING, select=["TERM002", "TERM003", "TERM004", "TERM005"]).check(read_path(path))


def test_starter_glossary_gives_no_finding_on_the_seeds():
    # the starter glossary is written from the seeds' own translations
    for seed in SEEDS:
        assert [f"{f.code} {f.location.line}: {f.message}" for f in term_findings(seed)] == []


def test_traditional_seed_matches_the_simplified_glossary(seed_003: Path):
    rule = GlossaryTermNotRendered(Engine.from_config(BEIJING).context)
    document = read_path(seed_003)
    found = {
        pair.zh.text[match.start : match.end] for pair in document.pairs for match in rule.glossary.find(pair.zh.text)
    }
    # written in Traditional characters in the seed, in Simplified in the beijing-gov pack
    assert {"京津冀協同發展", "疏解非首都功能", "城市副中心", "國際交往中心", "一帶一路", "營商環境"} <= found


def test_traditional_seed_with_a_rendering_removed_is_reported(seed_003: Path):
    text = seed_003.read_text(encoding="utf-8").replace("pursue high-quality development in the BMC", "grow in the BMC")
    document_path = seed_003.parent / "003_copy.txt"
    from qa.readers import read_text

    document = read_text(str(document_path), text)
    findings = Engine.from_config(BEIJING, select=["TERM002"]).check(document)
    # 城市副中心 is still rendered ("the BMC" twice); 高質量發展 no longer is
    assert [(f.location.line, f.evidence.text) for f in findings] == [(23, "高質量發展")]
    assert 'approved: "high-quality development"' in findings[0].message


def test_term004_collects_when_finish_is_called_alone(seed_000: Path):
    rule = InconsistentRendering(Engine.from_config(BEIJING).context)
    assert list(rule.finish(read_path(seed_000))) == []


def test_terms_extract_cli(tmp_path: Path):
    runner = CliRunner()
    output = tmp_path / "candidates.tsv"
    result = runner.invoke(app, ["terms", "extract", *map(str, SEEDS), "--top", "10", "--output", str(output)])
    assert result.exit_code == 0, result.output
    lines = [line for line in output.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert len(lines) == 10 and all(len(line.split("\t")) == 3 for line in lines)


def test_terms_extract_bad_input_is_one_line_exit_2(tmp_path: Path):
    runner = CliRunner()
    result = runner.invoke(app, ["terms", "extract", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert "no such file or directory" in result.output and "Traceback" not in result.output
    result = runner.invoke(app, ["terms", "extract", str(SEEDS[0]), "--top", "0"])
    assert result.exit_code == 2 and "--top" in result.output
