"""The README's pre-commit section says what the shipped hook does: the suffixes it checks, and a
`repo: local` hook that repeats .pre-commit-hooks.yaml. (tests/ci/test_precommit_hook.py runs the
section's snippets in a real pre-commit.)"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from qa.readers import SUFFIXES
from tests.ci.conftest import ROOT


def readme_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Use with pre-commit")
    return readme[start : readme.index("\n## ", start + 1)]


def readme_configs() -> list[str]:
    """The `.pre-commit-config.yaml` snippets of the README's pre-commit section, in order."""
    fences = re.findall(r"^```yaml\n(.*?)^```", readme_section(), re.MULTILINE | re.DOTALL)
    return [text for text in fences if text.startswith("repos:")]


def filled_in(snippet: str, repository: Path, revision: str) -> str:
    assert "/path/to/qa" in snippet, snippet
    text = snippet.replace("/path/to/qa", repository.as_posix())
    if "rev:" in text:
        assert "rev: COMMIT" in text, snippet
        text = text.replace("rev: COMMIT", f"rev: {revision}")
    return text


def manifest_hook() -> dict:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return hook


def hook_suffixes(hook: dict) -> list[str]:
    """The suffixes a hook's `files` pattern (of the form \\.(txt|tsv|…)$) selects."""
    match = re.fullmatch(r"\\\.\(([\w|]+)\)\$", hook["files"])
    assert match, f"files pattern {hook['files']!r} is not of the form \\.(a|b|…)$; update this test"
    assert "types_or" not in hook and "types" not in hook and "exclude_types" not in hook
    return [f".{suffix}" for suffix in match.group(1).split("|")]


def test_readme_lists_the_suffixes_the_hook_checks():
    sentence = re.search(r"The hook checks staged files ending in (.*?);", readme_section(), re.DOTALL)
    assert sentence, "the README no longer says which files the hook checks"
    listed = re.findall(r"`(\.\w+)`", sentence.group(1))
    assert listed == hook_suffixes(manifest_hook())
    assert sorted(listed) == sorted(SUFFIXES)  # every format qa reads, and no other


def test_readme_local_hook_repeats_the_manifest():
    """A `repo: local` hook reads nothing from .pre-commit-hooks.yaml: what it repeats must stay equal."""
    (local,) = [config for config in readme_configs() if "repo: local" in config]
    (hook,) = yaml.safe_load(local)["repos"][0]["hooks"]
    shipped = manifest_hook()
    for key in ("id", "name", "entry", "language", "files", "verbose"):
        assert hook[key] == shipped[key], key
    assert hook["additional_dependencies"] == ["/path/to/qa"]




def test_shipped_hook_is_verbose():
    """pre-commit shows a passing hook's output only with verbose: the note of a skipped file needs it."""
    assert manifest_hook()["verbose"] is True
    assert "`verbose: true`" in readme_section()
