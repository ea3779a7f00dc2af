"""Writing output never destroys anything: not a device, a FIFO or /dev/stdout, not an input
file, not a file's mode; and a path qa cannot write is one line naming that path.

Every writer goes through qa/output.py: `qa check -o`, `qa baseline -o`, `qa terms extract -o`.
No test here points -o at /dev/null or any other shared device: devices are stood in for by a
FIFO made in the test's folder, and /dev/stdout is tried with the test's own pty or file.
"""

from __future__ import annotations

import json
import os
import pty
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.cli.test_cli import DEFECTIVE, run_qa
from tests.cli.test_terminal import read_all

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_cfa7fe55d91506c5.txt"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "report.txt").write_text(DEFECTIVE, encoding="utf-8")
    return tmp_path


def run_with_umask(umask: int, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "qa", *args], cwd=cwd, capture_output=True, text=True, preexec_fn=lambda: os.umask(umask)
    )


def left_over(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


# -- what is not a regular file is written as it is --------------------------------------


def test_fifo_is_written_through_not_replaced(project: Path):
    fifo = project / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run_qa("check", "report.txt", "-f", "json", "-o", "report.fifo", cwd=project)
    reader.join(timeout=30)
    assert result.returncode == 1, result.stderr
    assert (result.stdout, result.stderr) == ("", "")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still a FIFO, not a regular file renamed over it
    codes = [finding["code"] for finding in json.loads(received[0])["findings"]]
    assert codes == ["TERM006", "ALN001"]
    assert left_over(project) == []


def test_dev_stdout_redirected_to_a_file_is_appended_to_not_replaced(project: Path):
    """`qa check … -o /dev/stdout >> log`: the log keeps what it had, gets the report, stays the same file."""
    log = project / "log.txt"
    log.write_text("earlier lines\n", encoding="utf-8")
    inode = log.stat().st_ino
    with log.open("a", encoding="utf-8") as handle:
        result = subprocess.run(
            [sys.executable, "-m", "qa", "check", "report.txt", "-f", "github", "-o", "/dev/stdout"],
            cwd=project, stdout=handle, stderr=subprocess.PIPE, text=True,
        )
    assert result.returncode == 1 and result.stderr == ""
    assert os.path.islink("/dev/stdout")
    assert log.stat().st_ino == inode
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "earlier lines"
    assert lines[1].startswith("::warning file=report.txt,line=1,col=9,") and "TERM006" in lines[1]
    assert lines[-1] == "2 findings: 1 error, 1 warning in 1 file"


def test_dev_stdout_at_a_terminal_is_written_to_the_terminal(project: Path):
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "qa", "check", "report.txt", "-f", "github", "-o", "/dev/stdout"],
        cwd=project, stdin=subprocess.DEVNULL, stdout=terminal, stderr=subprocess.PIPE,
    )
    os.close(terminal)
    shown = read_all(controller)
    _, errors = process.communicate(timeout=60)
    assert process.returncode == 1 and errors == b""
    assert os.path.islink("/dev/stdout")
    assert b"2 findings: 1 error, 1 warning in 1 file" in shown


# -- an input is never overwritten --------------------------------------------------------


REFUSED = (
    "qa: error: --output {output}: is one of the input files{also}; qa never modifies its inputs, "
    "so write the output elsewhere\n"
)


@pytest.mark.parametrize(
    ("args", "output", "also"),
    [
        (("check", "report.txt", "-o", "report.txt"), "report.txt", ""),
        (("check", "report.txt", "-o", "./report.txt"), "report.txt", ""),
        (("check", ".", "-f", "json", "-o", "report.txt"), "report.txt", ""),  # found by walking the folder
        (("check", "report.txt", "-o", "link.txt"), "link.txt", " (the same file as report.txt)"),  # a symlink to it
        (("check", "report.txt", "-o", "hard.txt"), "hard.txt", " (the same file as report.txt)"),  # a hard link
        (("check", "report.txt", "--baseline", "b.json", "-o", "b.json"), "b.json", ""),
        (("check", "--zh", "a.zh.txt", "--en", "a.en.txt", "-o", "a.en.txt"), "a.en.txt", ""),
        (("baseline", "report.txt", "-o", "report.txt"), "report.txt", ""),
        (("baseline", ".", "-o", "report.txt"), "report.txt", ""),
        (("terms", "extract", "report.txt", "-o", "report.txt"), "report.txt", ""),
    ],
)
def test_output_that_is_an_input_is_refused_before_reading(project: Path, args, output: str, also: str):
    (project / "link.txt").symlink_to("report.txt")
    os.link(project / "report.txt", project / "hard.txt")
    (project / "a.zh.txt").write_text("新开工300个。\n", encoding="utf-8")
    (project / "a.en.txt").write_text("We will start 300 projects.\n", encoding="utf-8")
    (project / "b.json").write_text('{"version": 1, "findings": []}\n', encoding="utf-8")
    before = {path.name: path.read_bytes() for path in project.iterdir()}
    result = run_qa(*args, cwd=project)
    assert (result.returncode, result.stderr, result.stdout) == (2, REFUSED.format(output=output, also=also), "")
    assert {path.name: path.read_bytes() for path in project.iterdir()} == before
    assert os.path.islink(project / "link.txt")


def test_refusal_comes_before_any_input_is_read(project: Path):
    """An unreadable input after the refused one: the refusal is what the user hears."""
    (project / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8 not text")
    result = run_qa("check", "report.txt", "broken.txt", "-o", "report.txt", cwd=project)
    assert result.returncode == 2
    assert result.stderr == REFUSED.format(output="report.txt", also="")


# -- modes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (("check", "report.txt", "-f", "json", "-o", "out.json"), "out.json"),
        (("baseline", "report.txt", "-o", "out.json"), "out.json"),
        (("terms", "extract", "report.txt", "--min-count", "1", "-o", "out.tsv"), "out.tsv"),
    ],
)
def test_a_new_file_gets_the_umask_mode_and_an_existing_one_keeps_its_mode(project: Path, args, name: str):
    (project / "report.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_with_umask(0o022, *args, cwd=project)
    assert result.returncode in (0, 1), result.stderr
    assert stat.S_IMODE((project / name).stat().st_mode) == 0o644
    (project / name).unlink()
    assert run_with_umask(0o027, *args, cwd=project).returncode in (0, 1)
    assert stat.S_IMODE((project / name).stat().st_mode) == 0o640
    (project / name).chmod(0o664)
    assert run_with_umask(0o077, *args, cwd=project).returncode in (0, 1)
    assert stat.S_IMODE((project / name).stat().st_mode) == 0o664
    assert left_over(project) == []


def test_a_symlinked_output_writes_its_target_and_keeps_the_link(project: Path):
    (project / "reports").mkdir()
    (project / "reports" / "qa.json").write_text("old\n", encoding="utf-8")
    (project / "latest.json").symlink_to("reports/qa.json")
    result = run_qa("check", "report.txt", "-f", "json", "-o", "latest.json", cwd=project)
    assert result.returncode == 1, result.stderr
    assert os.path.islink(project / "latest.json")
    assert json.loads((project / "reports" / "qa.json").read_text(encoding="utf-8"))["summary"]["findings"] == 2


def test_a_hard_linked_output_is_rewritten_in_place(project: Path):
    (project / "out.json").write_text("old\n", encoding="utf-8")
    os.link(project / "out.json", project / "copy.json")
    assert run_qa("check", "report.txt", "-f", "json", "-o", "out.json", cwd=project).returncode == 1
    assert (project / "out.json").stat().st_ino == (project / "copy.json").stat().st_ino
    assert (project / "copy.json").read_text(encoding="utf-8").startswith("{")


# -- errors name the user's path ---------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "report.txt", "-o", "somedir"), "qa: error: --output somedir: is a directory\n"),
        (("baseline", "report.txt", "-o", "somedir"), "qa: error: --output somedir: is a directory\n"),
        (("terms", "extract", "report.txt", "-o", "somedir"), "qa: error: --output somedir: is a directory\n"),
        (
            ("check", "report.txt", "-o", "no/such/out.json"),
            "qa: error: --output no/such/out.json: directory no/such does not exist\n",
        ),
        (
            ("baseline", "report.txt", "-o", "no/such/b.json"),
            "qa: error: --output no/such/b.json: directory no/such does not exist\n",
        ),
    ],
)
def test_unwritable_output_is_one_line_naming_the_path(project: Path, args, message: str):
    (project / "somedir").mkdir()
    result = run_qa(*args, cwd=project)
    assert (result.returncode, result.stderr) == (2, message)
    assert left_over(project) == [] and left_over(project / "somedir") == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_permission_denied_names_the_path(project: Path):
    locked = project / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    result = run_qa("check", "report.txt", "-o", "locked/out.txt", cwd=project)
    assert (result.returncode, result.stderr) == (2, "qa: error: --output locked/out.txt: permission denied\n")
