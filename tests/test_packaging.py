"""The installed package, not the source tree: the wheel carries the rules/ data pack."""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with qa installed from a freshly built wheel.

    Dependencies come from the running environment (a .pth file), so the test
    needs no network; qa itself comes only from the wheel.
    """
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-w", str(work), "-q"],
        check=True,
        capture_output=True,
    )
    wheel = next(work.glob("*.whl"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    venv_site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    parent_sites = {sysconfig.get_paths()["purelib"], *site.getsitepackages()}
    # dependencies from the parent environment; its own qa (editable or installed) is shadowed by the
    # wheel installed below into this venv's site-packages, which comes first on sys.path
    Path(venv_site, "parent-deps.pth").write_text("\n".join(sorted(parent_sites)) + "\n")
    subprocess.run(
        [python, "-m", "pip", "install", "--no-deps", "--no-index", "--ignore-installed", "-q", str(wheel)], check=True
    )
    return venv


def run(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return subprocess.run([str(venv / "bin" / "qa"), *args], cwd=cwd, capture_output=True, text=True, env=env)


def test_wheel_ships_rules_pack(wheel_venv: Path, tmp_path: Path):
    python = wheel_venv / "bin" / "python"
    located = subprocess.run(
        [python, "-c", "import qa, qa.datapacks as d; print(qa.__file__); print(d.shipped_dir())"],
        cwd=tmp_path, check=True, capture_output=True, text=True,
    ).stdout.split()
    package_file, rules_dir = Path(located[0]), Path(located[1])
    assert str(package_file).startswith(str(wheel_venv)), "qa must come from the wheel, not the source tree"
    assert rules_dir == package_file.parent / "_rules"
    shipped = sorted(p.relative_to(rules_dir).as_posix() for p in rules_dir.rglob("*") if p.is_file())
    expected = sorted(p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*") if p.is_file())
    assert shipped == expected
    assert "glossaries/beijing-gov.tsv" in shipped  # the opt-in glossary packs ship too


def test_installed_qa_uses_shipped_data_rules(wheel_venv: Path, tmp_path: Path):
    (tmp_path / "report.txt").write_text(
        "深入学习宣传贯彻党的二十大精神\nstudy and implement the spirit of the Party's Twentieth Congress\n",
        encoding="utf-8",
    )
    result = run(wheel_venv, "check", "report.txt", "--format", "json", "--fail-on", "never", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    codes = [finding["code"] for finding in json.loads(result.stdout)["findings"]]
    assert "TERM006" in codes  # the pattern comes from rules/patterns.yaml inside the wheel
    assert run(wheel_venv, "--version", cwd=tmp_path).stdout.startswith("qa ")
