"""`qa check .` in a real project: files found by walking a folder that hold no zh/en pairs (a
LICENSE.txt, a data .csv) are skipped with a note, and the translations are checked. A file
named explicitly that holds none is still an error, unless --skip-non-bilingual."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import DEFECTIVE, run_qa

SKIPPED_LICENSE = (
    "qa: skipped LICENSE.txt: no zh/en pairs found (expected Chinese lines followed by their English lines)\n"
)
SKIPPED_CSV = (
    "qa: skipped data/prices.csv: cannot tell the Chinese and English columns from the header (item, price); "
    "name them zh and en (or zh-CN, en-US, Chinese, English, source and target) or use --columns ZH,EN\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "report.txt").write_text(DEFECTIVE, encoding="utf-8")
    (tmp_path / "LICENSE.txt").write_text("MIT License\n\nPermission is hereby granted, free of charge…\n")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "prices.csv").write_text("item,price\napples,3\npears,4\n", encoding="utf-8")
    return tmp_path


def test_walking_a_folder_skips_files_without_pairs_and_checks_the_rest(project: Path):
    result = run_qa("check", ".", "-f", "json", cwd=project)
    assert result.returncode == 1
    assert result.stderr == SKIPPED_LICENSE + SKIPPED_CSV
    data = json.loads(result.stdout)
    assert [(f["code"], f["path"]) for f in data["findings"]] == [("TERM006", "report.txt"), ("ALN001", "report.txt")]
    assert data["summary"]["files"] == 1


def test_a_file_named_explicitly_without_pairs_is_still_an_error(project: Path):
    result = run_qa("check", "report.txt", "LICENSE.txt", cwd=project)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == SKIPPED_LICENSE.replace("qa: skipped", "qa: error:")
    result = run_qa("check", ".", "LICENSE.txt", cwd=project)  # named, and also found by walking: named wins
    assert result.returncode == 2 and result.stderr.endswith(SKIPPED_LICENSE.replace("qa: skipped", "qa: error:"))


def test_skip_non_bilingual_skips_a_named_file_too(project: Path):
    result = run_qa("check", "report.txt", "LICENSE.txt", "--skip-non-bilingual", "-f", "json", cwd=project)
    assert result.returncode == 1 and result.stderr == SKIPPED_LICENSE


def test_a_folder_with_no_translation_at_all_is_an_error(project: Path):
    result = run_qa("check", "data", cwd=project)
    assert result.returncode == 2
    assert result.stderr == (
        SKIPPED_CSV + "qa: error: data: no file in this directory holds zh/en pairs (the notes above say why)\n"
    )


def test_baseline_walks_folders_as_check_does(project: Path):
    result = run_qa("baseline", ".", "-o", "b.json", cwd=project)
    assert result.returncode == 0
    assert result.stderr == SKIPPED_LICENSE + SKIPPED_CSV + "qa: recorded 2 findings from 1 file in b.json\n"
    assert run_qa("check", ".", "--baseline", "b.json", "-f", "json", cwd=project).returncode == 0


def test_baseline_takes_the_file_choosing_options_of_check(project: Path):
    """--skip-non-bilingual, --zh/--en and --columns, as for `qa check`."""
    result = run_qa("baseline", "report.txt", "LICENSE.txt", "-o", "b.json", cwd=project)
    assert (result.returncode, result.stderr) == (2, SKIPPED_LICENSE.replace("qa: skipped", "qa: error:"))
    result = run_qa("baseline", "report.txt", "LICENSE.txt", "--skip-non-bilingual", "-o", "b.json", cwd=project)
    assert result.returncode == 0
    assert result.stderr == SKIPPED_LICENSE + "qa: recorded 2 findings from 1 file in b.json\n"
    (project / "pairs.csv").write_text("源,译\n新开工300个。,We will start 200 projects.\n", encoding="utf-8")
    result = run_qa("baseline", "pairs.csv", "--columns", "源,译", "-o", "c.json", cwd=project)
    assert (result.returncode, result.stderr) == (0, "qa: recorded 1 finding from 1 file in c.json\n")
    (project / "a.zh.txt").write_text("新开工300个。\n", encoding="utf-8")
    (project / "a.en.txt").write_text("We will start 200 projects.\n", encoding="utf-8")
    result = run_qa("baseline", "--zh", "a.zh.txt", "--en", "a.en.txt", "-o", "d.json", cwd=project)
    assert (result.returncode, result.stderr) == (0, "qa: recorded 1 finding from 1 file in d.json\n")


def test_terms_extract_walks_folders_as_check_does(project: Path):
    result = run_qa("terms", "extract", ".", "--min-count", "1", cwd=project)
    assert result.returncode == 0
    assert result.stderr == SKIPPED_LICENSE + SKIPPED_CSV
    assert result.stdout.startswith("# Candidate glossary")
