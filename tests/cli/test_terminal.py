"""Every output appears, whatever the terminal: a pseudo-terminal nobody gave a size (CI runners
wrap commands in `script`), and Ctrl-C, which ends in `qa: interrupted` and exit code 130."""

from __future__ import annotations

import os
import pty
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.test_cli import DEFECTIVE

SUMMARY = b"2 findings: 1 error, 1 warning in 1 file"


def quiet_env() -> dict[str, str]:
    """No width hints and no CI marker: what a runner's `script` session looks like to qa."""
    return {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES", "CI")}


def read_all(controller: int) -> bytes:
    """Everything a pty's other side writes, until it closes."""
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the other side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    return b"".join(chunks)


def test_report_is_printed_in_full_in_a_pty_with_no_size(tmp_path: Path):
    (tmp_path / "report.txt").write_text(DEFECTIVE, encoding="utf-8")
    controller, terminal = pty.openpty()  # a new pty has 0 rows and 0 columns until someone sets them
    assert os.get_terminal_size(terminal).columns == 0
    process = subprocess.Popen(
        [sys.executable, "-m", "qa", "check", "report.txt"],
        cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=terminal, stderr=terminal, env=quiet_env(),
    )
    os.close(terminal)
    shown = read_all(controller)
    assert process.wait(timeout=60) == 1
    assert b"report.txt" in shown and b"TERM006" in shown and b"ALN001" in shown
    assert SUMMARY in shown


@pytest.mark.skipif(shutil.which("script") is None, reason="util-linux script is not installed")
def test_report_is_printed_under_script_from_a_non_terminal(tmp_path: Path):
    """`script -qc "qa check report.txt" TYPESCRIPT` run with no terminal: the CI runner's case."""
    (tmp_path / "report.txt").write_text(DEFECTIVE, encoding="utf-8")
    typescript = tmp_path / "typescript.txt"
    command = f"{sys.executable} -m qa check report.txt"
    result = subprocess.run(
        ["script", "-qec", command, str(typescript)],
        cwd=tmp_path, stdin=subprocess.DEVNULL, capture_output=True, env=quiet_env(), timeout=120,
    )
    assert result.returncode == 1
    shown = typescript.read_bytes()
    assert b"TERM006" in shown and b"ALN001" in shown and SUMMARY in shown


def large_input(path: Path, pairs: int = 40_000) -> None:
    """Distinct pairs (no two alike, so nothing is checked only once): seconds of work."""
    lines = []
    for number in range(pairs):
        lines.append(f"第{number}项工程完成投资{number % 97}亿元，新建{number % 89}个项目。")
        lines.append(f"Project {number} saw {number % 97} billion yuan invested and {number % 83} new projects.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_prints_interrupted_and_exits_130(tmp_path: Path, jobs: str):
    large_input(tmp_path / "big.txt")
    process = subprocess.Popen(
        [sys.executable, "-m", "qa", "check", "big.txt", "-f", "json", "-j", jobs, "-o", "out.json"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    time.sleep(2.0)  # past start-up (imports): into reading and checking
    assert process.poll() is None, "qa finished before it could be interrupted: make the input larger"
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert (process.returncode, stdout, stderr) == (130, "", "qa: interrupted\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["big.txt"]  # no report, no temp file
