"""qa runs where nothing outside its output may be written: no home, no cache folder.

CI containers run as a user with no home (`docker run --user`, HOME=/) or with a
read-only one. Root can write anywhere, so the test makes every such folder a path
*under a regular file*, which no user can create: pint's and jieba's caches, and the
temporary folder, must then be skipped, not fail the run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Hectares turned into square meters needs pint (two different units meet); 三成 needs
# jieba's segmentation (三成 is 30%, 变成 is a word).
TEXT = (
    "该项目占地100公顷。\nThe project covers 100 square meters.\n\n"
    "农民收入增长三成。\nFarmers' income rose by 30%.\n"
)


def _run_without_home(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, so nothing can be made below it\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("XDG_", "PINT"))}
    env.update(
        HOME=str(blocker / "home"),
        XDG_CACHE_HOME=str(blocker / "cache"),
        XDG_CONFIG_HOME=str(blocker / "config"),
        XDG_DATA_HOME=str(blocker / "data"),
    )
    return subprocess.run(
        [sys.executable, "-m", "qa", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_with_no_writable_home_or_cache(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(TEXT, encoding="utf-8")
    result = _run_without_home(tmp_path, "check", "report.txt", "--format", "json")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["line"], f["evidence"]["text"]) for f in findings] == [
        ("UNIT001", 2, "100 square meters")
    ]
    # nothing was created beside the input
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker", "report.txt"]


def test_terms_extract_with_no_writable_home(tmp_path: Path) -> None:
    # terms extract segments every Chinese segment with jieba
    (tmp_path / "report.txt").write_text(TEXT, encoding="utf-8")
    result = _run_without_home(tmp_path, "terms", "extract", "report.txt")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_no_home_and_no_account(monkeypatch, tmp_path: Path) -> None:
    """`docker run --user 12345` with no HOME: the user has no passwd entry, so "~" means nothing.

    pint's registry and the Traditional-character table are then built with no cache,
    and nothing is made in the working folder (a relative "~/.cache").
    """
    import pwd

    from qa.lang import units
    from qa.lang.terms import fold

    def no_account(uid: int):
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", no_account)
    monkeypatch.chdir(tmp_path)
    registry = units._registry.__wrapped__()
    assert registry.Quantity("1 hectare").to("m ** 2").magnitude == 10_000
    assert fold._fold_cache_path() is None
    assert list(tmp_path.iterdir()) == []
