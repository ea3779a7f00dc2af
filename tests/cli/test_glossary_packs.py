"""Domain glossaries are opt-in packs: what a user sees with and without `beijing-gov` enabled."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "rules" / "glossaries" / "beijing-gov.tsv"

# seeds/000's 城市副中心 sentence with the English "BMC" replaced by a name the pack does not approve
REPORT = "加快城市副中心高质量发展步伐\nWe will pursue high-quality development in Tongzhou\n"


def run_qa(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa", *args], cwd=cwd, capture_output=True, text=True)


def pack_line(term: str) -> int:
    lines = PACK.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.split("\t")[0] == term)


def term002(result: subprocess.CompletedProcess) -> list[tuple[int, int, str, str]]:
    assert result.returncode in (0, 1), result.stderr
    return [
        (f["line"], f["column"], f["message"], f["suggestion"])
        for f in json.loads(result.stdout)["findings"]
        if f["code"] == "TERM002"
    ]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    return tmp_path


def test_shipped_pack_is_off_by_default(project: Path):
    assert term002(run_qa("check", "report.txt", "-f", "json", cwd=project)) == []
    (project / "pyproject.toml").write_text("[tool.qa]\nfail-on = \"error\"\n", encoding="utf-8")
    assert term002(run_qa("check", "report.txt", "-f", "json", cwd=project)) == []


def expected_beijing_finding() -> list[tuple[int, int, str, str]]:
    return [(
        1,
        3,
        'glossary term 城市副中心 not rendered; approved: "BMC", "Beijing Municipal Administrative Center", '
        '"sub-center"',
        f'use "BMC" (beijing-gov:{pack_line("城市副中心")})',
    )]


def test_pack_enabled_by_config(project: Path):
    (project / "pyproject.toml").write_text('[tool.qa]\nglossaries = ["beijing-gov"]\n', encoding="utf-8")
    assert term002(run_qa("check", "report.txt", "-f", "json", cwd=project)) == expected_beijing_finding()
    # qa.toml: the same key at the top level
    (project / "pyproject.toml").unlink()
    (project / "qa.toml").write_text('glossaries = ["beijing-gov"]\n', encoding="utf-8")
    assert term002(run_qa("check", "report.txt", "-f", "json", cwd=project)) == expected_beijing_finding()


def test_pack_enabled_by_option(project: Path):
    result = run_qa("check", "report.txt", "--glossary", "beijing-gov", cwd=project)
    assert result.returncode == 0, result.stderr  # TERM002 is a warning
    assert "TERM002" in result.stdout and f"(beijing-gov:{pack_line('城市副中心')})" in result.stdout
    found = run_qa("check", "report.txt", "-f", "json", "--glossary", "beijing-gov", cwd=project)
    assert term002(found) == expected_beijing_finding()


def test_users_own_glossary_applies_by_default_and_is_cited_by_its_path(project: Path):
    (project / "pyproject.toml").write_text("[tool.qa]\n", encoding="utf-8")
    (project / "rules").mkdir()
    (project / "rules" / "glossary.tsv").write_text(
        "# our style guide\n高质量发展\tquality growth\t3.2\n", encoding="utf-8"
    )
    assert term002(run_qa("check", "report.txt", "-f", "json", cwd=project)) == [
        (1, 8, 'glossary term 高质量发展 not rendered; approved: "quality growth"',
         'use "quality growth" (rules/glossary.tsv:2)'),
    ]
    # a file named with --glossary is cited by its path from the working directory too
    (project / "terms").mkdir()
    (project / "terms" / "extra.tsv").write_text("加快\taccelerate\n", encoding="utf-8")
    result = run_qa("check", "report.txt", "-f", "json", "--glossary", "terms/extra.tsv", cwd=project)
    assert [suggestion for *_, suggestion in term002(result)] == [
        'use "accelerate" (terms/extra.tsv:1)', 'use "quality growth" (rules/glossary.tsv:2)'
    ]


def test_users_glossary_replaces_the_packs_entry(project: Path):
    (project / "pyproject.toml").write_text('[tool.qa]\nglossaries = ["beijing-gov"]\n', encoding="utf-8")
    (project / "rules").mkdir()
    (project / "rules" / "glossary.tsv").write_text("城市副中心\tTongzhou\n", encoding="utf-8")
    assert term002(run_qa("check", "report.txt", "-f", "json", cwd=project)) == []


def test_unknown_pack_is_one_line_naming_the_config_or_option(project: Path):
    (project / "pyproject.toml").write_text('[tool.qa]\nglossaries = ["beijing"]\n', encoding="utf-8")
    result = run_qa("check", "report.txt", cwd=project)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "qa: error: pyproject.toml: [tool.qa] glossaries: unknown glossary pack 'beijing' "
        "(known packs: beijing-gov; or a glossary file's path)\n"
    )
    (project / "pyproject.toml").unlink()
    result = run_qa("check", "report.txt", "--glossary", "beijng-gov", cwd=project)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "qa: error: --glossary: unknown glossary pack 'beijng-gov' "
        "(known packs: beijing-gov; or a glossary file's path)\n"
    )
    result = run_qa("check", "report.txt", "--glossary", "missing.tsv", cwd=project)
    assert (result.returncode, result.stderr) == (2, "qa: error: --glossary: missing.tsv: no such glossary file\n")


def test_glossaries_command_lists_packs_and_what_the_project_enables(project: Path):
    entries = sum(
        1 for line in PACK.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")
    )
    result = run_qa("glossaries", cwd=project)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["pack", "entries", "enabled", "description"]
    assert lines[1].split()[:3] == ["beijing-gov", str(entries), "no"]
    assert "Beijing government work reports" in lines[1]
    assert "This project has no glossary of its own (no config file found)." in lines
    assert 'glossaries = ["NAME"]' in result.stdout and "--glossary NAME" in result.stdout

    (project / "pyproject.toml").write_text('[tool.qa]\nglossaries = ["beijing-gov"]\n', encoding="utf-8")
    (project / "rules").mkdir()
    (project / "rules" / "glossary.tsv").write_text("高质量发展\tquality growth\n", encoding="utf-8")
    lines = run_qa("glossaries", cwd=project).stdout.splitlines()
    assert lines[1].split()[:3] == ["beijing-gov", str(entries), "yes"]
    assert "This project's own glossaries (pyproject.toml [tool.qa]):" in lines
    assert "  rules/glossary.tsv (1 entry)" in lines


def test_rules_command_says_how_to_enable_packs(project: Path):
    result = run_qa("rules", cwd=project)
    assert result.returncode == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert 'glossaries = ["beijing-gov"] under [tool.qa], or qa check --glossary beijing-gov' in flat
    assert "(see `qa glossaries`)" in flat
