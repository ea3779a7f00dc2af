"""README.md ("Use in CI", "Use with pre-commit") and docs/ci.md are copy-paste ready: its YAML parses, the
workflows have the steps GitHub needs, every `qa` command names real options and runs, and
the pre-commit snippets validate. Also the repository's own qa hook on seeds/."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
import typer.main
import yaml

from qa.cli import app
from qa.config import parse_config
from tests.ci.conftest import ROOT, SEED, replace_once, run_qa

DOCS = (ROOT / "README.md", ROOT / "docs" / "ci.md")
FENCE = re.compile(r"^ *```(\w+)\n(.*?)^ *```", re.MULTILINE | re.DOTALL)  # also fences inside list items


def blocks(language: str) -> list[str]:
    return [textwrap.dedent(body) for lang, body in FENCE.findall(gate_text()) if lang == language]


def gate_text() -> str:
    """docs/ci.md, and the README from "## Use in CI" up to the next section that is not about the gate."""
    readme = DOCS[0].read_text(encoding="utf-8")
    start = readme.index("## Use in CI")
    end = readme.index("## Development", start)
    return readme[start:end] + "\n" + DOCS[1].read_text(encoding="utf-8")


def yaml_blocks() -> list[dict]:
    return [yaml.safe_load(block) for block in blocks("yaml")]


def workflows() -> list[dict]:
    return [block for block in yaml_blocks() if "jobs" in block]


def steps(workflow: dict) -> list[dict]:
    (job,) = workflow["jobs"].values()
    return job["steps"]


def qa_commands() -> list[list[str]]:
    """Every `qa ...` command line in the workflows and shell blocks, as argv after `qa`."""
    lines = [line.split("#")[0] for block in blocks("sh") for line in block.splitlines()]
    lines += [step["run"] for workflow in workflows() for step in steps(workflow) if "run" in step]
    return [shlex.split(line)[1:] for line in lines if line.strip().startswith("qa ")]


def parse_qa(argv: list[str]):
    """Parse argv as the real CLI would, without running it: unknown options raise."""
    group = typer.main.get_command(app)
    name, *rest = argv
    command = group.get_command(group.context_class(group), name)  # type: ignore[attr-defined]
    assert command is not None, f"no command qa {name}"
    return command.make_context(name, rest)


def test_all_yaml_parses_and_both_workflows_are_there():
    assert len(workflows()) == 2
    for workflow in workflows():
        assert workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on:` as True
        uses = [step.get("uses", "") for step in steps(workflow)]
        assert uses[0] == "actions/checkout@v4" and "actions/setup-python@v5" in uses


def test_sarif_workflow_uploads_what_qa_writes():
    (workflow,) = [w for w in workflows() if any("upload-sarif" in s.get("uses", "") for s in steps(w))]
    assert workflow["permissions"]["security-events"] == "write"
    (check,) = [s for s in steps(workflow) if s.get("run", "").startswith("qa check")]
    (upload,) = [s for s in steps(workflow) if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    options = parse_qa(shlex.split(check["run"])[1:]).params
    assert options["output_format"] == "sarif"
    assert str(options["output"]) == upload["with"]["sarif_file"]
    assert upload["if"] == "always()"  # qa exits 1 on findings; the upload must still run


def test_annotations_workflow_uses_github_format_and_full_history():
    (workflow,) = [w for w in workflows() if any("--format github" in s.get("run", "") for s in steps(w))]
    assert steps(workflow)[0]["with"]["fetch-depth"] == 0
    (check,) = [s for s in steps(workflow) if s.get("run", "").startswith("qa check")]
    options = parse_qa(shlex.split(check["run"])[1:]).params
    assert options["since"] == "${{ github.event.pull_request.base.sha }}"


def test_every_qa_command_names_real_options():
    commands = qa_commands()
    assert len(commands) >= 4
    for argv in commands:
        parse_qa(argv)


def test_the_documented_commands_run(tmp_path: Path):
    """The SARIF workflow's commands on a real report: baseline first, then the gate passes."""
    (tmp_path / "translations").mkdir()
    report = tmp_path / "translations" / "report.txt"
    report.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    replace_once(report, "change Beijing's governance model", "change Beijing's 治理 model")
    for argv in qa_commands():
        if "--since" in argv:
            continue  # needs a pull request's base commit; tests/ci/test_since.py covers it
        result = run_qa(*argv, cwd=tmp_path)
        assert result.returncode == 0, (argv, result.stderr)
    sarif = json.loads((tmp_path / "qa.sarif").read_text(encoding="utf-8"))
    assert sarif["runs"][0]["results"] == []  # all findings are in the baseline


def test_pre_commit_snippets_validate(tmp_path: Path):
    hooks = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    configs = [block for block in blocks("yaml") if block.lstrip().startswith("repos:")]
    assert len(configs) == 3  # a clone with a rev, a local hook, a clone with args
    for number, text in enumerate(configs):
        path = tmp_path / f"config{number}.yaml"
        path.write_text(text, encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "pre_commit", "validate-config", str(path)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr
        for hook in yaml.safe_load(text)["repos"][0]["hooks"]:
            assert hook["id"] in hooks
            entry = shlex.split(hook.get("entry", hooks[hook["id"]]["entry"]))[1:]  # a local hook has its own
            parse_qa([*entry, *hook.get("args", []), "report.txt"])


def test_per_file_ignores_example_is_valid_config(tmp_path: Path):
    (toml,) = blocks("toml")
    table = tomllib.loads(toml)["tool"]["qa"]
    config = parse_config(table, tmp_path / "pyproject.toml")
    assert [pattern for pattern, _ in config.per_file_ignores] == ["legacy/*", "glossary.tsv", "**/drafts/**"]


# -- the repository's own hook: qa on seeds/ with the committed baseline ---------------


def repository_hook() -> dict:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = [hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]
    return hook


def test_repository_hook_dependencies_match_pyproject():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert sorted(repository_hook()["additional_dependencies"]) == sorted(pyproject["project"]["dependencies"])


def test_repository_hook_passes_on_the_seeds():
    """Fails when a rule change adds or removes findings on seeds/: review them, regenerate the
    baseline (`python -m qa baseline seeds/ -o .qa-baseline.json`) and update docs/seeds-findings.md."""
    entry = shlex.split(repository_hook()["entry"])
    assert entry[:3] == ["python", "-m", "qa"]
    result = subprocess.run([sys.executable, *entry[1:]], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_seeds_findings_page_lists_every_baseline_entry():
    page = (ROOT / "docs" / "seeds-findings.md").read_text(encoding="utf-8")
    baseline = json.loads((ROOT / ".qa-baseline.json").read_text(encoding="utf-8"))
    for entry in baseline["findings"]:
        assert entry["fingerprint"][:12] in page, f"{entry['code']} in {entry['path']} is not reviewed"


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_baseline_is_committed_in_sorted_stable_form(tmp_path: Path):
    """Regenerating the committed baseline from the seeds gives the same bytes."""
    result = run_qa("baseline", "seeds/", "-o", str(tmp_path / "b.json"), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    regenerated = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    committed = json.loads((ROOT / ".qa-baseline.json").read_text(encoding="utf-8"))
    assert [e["fingerprint"] for e in regenerated["findings"]] == [e["fingerprint"] for e in committed["findings"]]
