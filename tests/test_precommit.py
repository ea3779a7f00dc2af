from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from qa.readers import SUFFIXES

ROOT = Path(__file__).resolve().parents[1]


def test_hook_manifest_is_valid():
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_hook_runs_qa_check_on_supported_suffixes():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    # the pattern catches any .txt/.csv/.po: files that are not translations are passed over
    assert (hook["id"], hook["entry"], hook["language"]) == ("qa", "qa check --skip-non-bilingual", "python")
    pattern = re.compile(hook["files"])
    assert all(pattern.search(f"report{suffix}") for suffix in SUFFIXES)
    assert not pattern.search("report.md")


def test_repository_config_is_valid():
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(ROOT / ".pre-commit-config.yaml")],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
