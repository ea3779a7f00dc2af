"""Helpers for the CI-gate tests: run `qa` as a user would, and build throwaway git repositories."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_cfa7fe55d91506c5.txt"

# A git identity and no user/system config, so the tests behave the same on every machine.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "qa tests",
    "GIT_AUTHOR_EMAIL": "qa@example.invalid",
    "GIT_COMMITTER_NAME": "qa tests",
    "GIT_COMMITTER_EMAIL": "qa@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: builds a pre-commit environment from PyPI (deselect with -m 'not slow')")


def run_qa(*args: str, cwd: Path, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **GIT_ENV, "PYTHONPATH": str(ROOT), **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "qa", *args], cwd=cwd, capture_output=True, text=True, env=env)


def json_findings(result: subprocess.CompletedProcess) -> list[dict]:
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)["findings"]


def git(*args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, env={**os.environ, **GIT_ENV}, check=check
    )


def init_repo(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    git("init", "-q", "-b", "main", cwd=folder)
    return folder


def commit_all(folder: Path, message: str = "commit") -> str:
    git("add", "-A", cwd=folder)
    git("commit", "-q", "--no-verify", "-m", message, cwd=folder)
    return git("rev-parse", "HEAD", cwd=folder).stdout.strip()


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
