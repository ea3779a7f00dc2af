"""The command line as a user meets it: exit codes, options, config, rule docs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from qa.rules import all_rules

ROOT = Path(__file__).resolve().parents[2]

# seeds/001 lines 37-40 with the English of the last paragraph deleted (ALN001, an error)
# and a non-standard rendering of 党的二十大 (TERM006, a warning)
DEFECTIVE = (
    "深入学习宣传贯彻党的二十大精神\n"
    "study, publicize and implement the spirit of the Party's Twentieth Congress\n"
    "各位代表!\n"
    "Fellow Deputies,\n"
    "奋楫扬帆启新航,凝心聚力谱华章。\n"
)
WARNING_ONLY = DEFECTIVE.rsplit("各位代表", 1)[0]


def run_qa(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "report.txt").write_text(DEFECTIVE, encoding="utf-8")
    (tmp_path / "warn.txt").write_text(WARNING_ONLY, encoding="utf-8")
    return tmp_path


def findings_of(result: subprocess.CompletedProcess) -> list[tuple[str, str, int, int]]:
    data = json.loads(result.stdout)
    return [(f["code"], f["path"], f["line"], f["column"]) for f in data["findings"]]


def test_findings_at_error_exit_1(project: Path):
    result = run_qa("check", "report.txt", "--format", "json", cwd=project)
    assert result.returncode == 1, result.stderr
    assert findings_of(result) == [("TERM006", "report.txt", 1, 9), ("ALN001", "report.txt", 5, 1)]


@pytest.mark.parametrize(
    ("fail_on", "file", "code"),
    [
        ("error", "warn.txt", 0),
        ("warning", "warn.txt", 1),
        ("note", "warn.txt", 1),
        ("never", "report.txt", 0),
        ("error", "report.txt", 1),
    ],
)
def test_fail_on(project: Path, fail_on: str, file: str, code: int):
    assert run_qa("check", file, "--fail-on", fail_on, "--format", "json", cwd=project).returncode == code


def test_clean_seeds_exit_0_with_alignment_rules():
    result = run_qa("check", "seeds", "--select", "ALN", "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout)["summary"]["files"] == 3


def test_select_and_ignore_by_code_prefix_and_name(project: Path):
    result = run_qa("check", "report.txt", "--select", "ALN", "--format", "json", cwd=project)
    assert [f[0] for f in findings_of(result)] == ["ALN001"]
    result = run_qa("check", "report.txt", "--ignore", "chinese-without-english", "--format", "json", cwd=project)
    assert [f[0] for f in findings_of(result)] == ["TERM006"]
    result = run_qa("check", "report.txt", "--select", "TERM006,ALN001", "--ignore", "ALN", "-f", "json", cwd=project)
    assert [f[0] for f in findings_of(result)] == ["TERM006"]


def test_unknown_rule_and_bad_options_exit_2(project: Path):
    result = run_qa("check", "report.txt", "--select", "NUM999", cwd=project)
    assert result.returncode == 2
    assert result.stderr == "qa: error: --select/--ignore: unknown rule 'NUM999' (see `qa rules`)\n"
    result = run_qa("check", "report.txt", "--format", "xml", cwd=project)
    assert result.returncode == 2 and "--format: expected one of table, json, sarif, github" in result.stderr
    result = run_qa("check", "report.txt", "--fail-on", "fatal", cwd=project)
    assert result.returncode == 2 and "--fail-on" in result.stderr
    result = run_qa("check", cwd=project)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    result = run_qa("check", "report.txt", "--output", "no/such/dir/out.json", cwd=project)
    assert result.returncode == 2 and "does not exist" in result.stderr


def test_output_file(project: Path):
    result = run_qa("check", "report.txt", "--format", "sarif", "--output", "qa.sarif", cwd=project)
    assert result.returncode == 1 and result.stdout == ""
    sarif = json.loads((project / "qa.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["TERM006", "ALN001"]
    assert [p.name for p in project.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_config_select_severity_and_discovery(project: Path):
    (project / "qa.toml").write_text('select = ["TERM"]\n[severity]\nrequired-rendering = "error"\n')
    sub = project / "sub"
    sub.mkdir()
    result = run_qa("check", "../warn.txt", "--format", "json", cwd=sub)  # found from the working directory up
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert [(f["code"], f["severity"]) for f in data["findings"]] == [("TERM006", "error")]


def test_pyproject_config_and_explicit_config(project: Path):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.qa]\nfail-on = "never"\n')
    assert run_qa("check", "report.txt", "--format", "json", cwd=project).returncode == 0
    (project / "strict.toml").write_text('fail-on = "warning"\n')
    assert run_qa("check", "warn.txt", "-f", "json", "--config", "strict.toml", cwd=project).returncode == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('selct = ["NUM"]\n', "qa.toml: unknown key 'selct'"),
        ('select = ["NUM999"]\n', "qa.toml: unknown rule 'NUM999'"),
        ('ignore = "ALN001"\nfail-on = "sometimes"\n', "qa.toml: fail-on: expected one of error, warning, note, never"),
        ("[severity]\nALN001 = 'fatal'\n", "qa.toml: severity.ALN001: expected one of error, warning, note"),
        ("[severity]\nNOPE = 'note'\n", "qa.toml severity: unknown rule 'NOPE'"),
        ("select = [\n", "qa.toml: not valid TOML"),
        ('rule-paths = ["missing"]\n', "qa.toml: rule-paths"),
    ],
)
def test_config_errors_name_file_and_key(project: Path, content: str, message: str):
    (project / "qa.toml").write_text(content)
    result = run_qa("check", "report.txt", cwd=project)
    assert result.returncode == 2
    assert message in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1


def test_pyproject_unknown_key_names_table(project: Path):
    (project / "pyproject.toml").write_text("[tool.qa]\nformats = 'json'\n")
    result = run_qa("check", "report.txt", cwd=project)
    assert result.returncode == 2
    assert "pyproject.toml: [tool.qa] unknown key 'formats'" in result.stderr


def test_rules_lists_every_rule():
    result = run_qa("rules")
    assert result.returncode == 0
    for code, rule in all_rules().items():
        assert code in result.stdout and rule.name in result.stdout


def test_rule_prints_documentation():
    result = run_qa("rule", "ALN001")
    assert result.returncode == 0
    assert result.stdout.startswith("ALN001 chinese-without-english (error)\n")
    assert "**Fails:**" in result.stdout and "**Passes:**" in result.stdout
    assert run_qa("rule", "required-rendering").stdout.startswith("TERM006 required-rendering (warning)")
    result = run_qa("rule", "XYZ123")
    assert (result.returncode, result.stderr) == (2, "qa: error: unknown rule 'XYZ123' (see `qa rules`)\n")


def test_version_and_help():
    from qa import __version__

    assert run_qa("--version").stdout == f"qa {__version__}\n"
    help_text = run_qa("check", "--help").stdout
    for option in ("--format", "--output", "--select", "--ignore", "--fail-on", "--config", "--encoding"):
        assert option in help_text


def test_every_rule_documents_fails_and_passes():
    for code, rule in all_rules().items():
        doc = rule.doc()
        assert "**Fails:**" in doc and "**Passes:**" in doc, code
        assert rule.summary() and rule.summary()[0].isupper(), code


def test_rule_options(project: Path):
    (project / "mixed.txt").write_text(
        "深入推进“一网通办”改革\nWe will advance the 一网通办 reform.\n", encoding="utf-8"
    )
    result = run_qa("check", "mixed.txt", "--select", "TERM001", "-f", "json", cwd=project)
    assert [f[0] for f in findings_of(result)] == ["TERM001"]
    (project / "qa.toml").write_text('[rule-options.untranslated-chinese]\nallowed = ["一网通办"]\n', encoding="utf-8")
    result = run_qa("check", "mixed.txt", "--select", "TERM001", "-f", "json", cwd=project)
    assert (result.returncode, findings_of(result)) == (0, [])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[rule-options.NOPE]\nx = 1\n", "qa.toml rule-options: unknown rule 'NOPE'"),
        ("[rule-options.TERM005]\nshare = 1\n", "unknown option 'share' (options of TERM005: min-share)"),
        ("[rule-options.TERM005]\nmin-share = 'half'\n", "qa.toml rule-options.TERM005: could not convert"),
    ],
)
def test_rule_option_errors(project: Path, content: str, message: str):
    (project / "qa.toml").write_text(content, encoding="utf-8")
    result = run_qa("check", "report.txt", cwd=project)
    assert result.returncode == 2 and message in result.stderr, result.stderr


def test_progress_bar_at_a_terminal_only(monkeypatch: pytest.MonkeyPatch, seed_000: Path):
    """Long runs at a terminal show a progress bar on stderr; pipes and CI never do."""
    from qa import cli
    from qa.config import Config
    from qa.engine import Engine
    from qa.readers import read_path

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert cli._progress() is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert cli._progress() is not None
    monkeypatch.setenv("CI", "true")
    assert cli._progress() is None
    counted: list[int] = []
    document = read_path(seed_000)
    Engine.from_config(Config(), select=["ALN"]).check(document, counted.append)
    assert sum(counted) == len(document.pairs) == 31


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("glossary-team.tsv", "城市副中心\n", "glossary-team.tsv:1: expected zh<TAB>renderings"),
        ("patterns-team.yaml", "kind: pattern\npatterns:\n  - id: x\n    zh: 首都(\n    en: capital\n", "bad regular"),
        ("patterns-broken.yaml", "kind: pattern\npatterns: [\n", "not valid YAML"),
    ],
)
def test_bad_data_rule_file_is_one_line_exit_2(project: Path, name: str, content: str, message: str):
    """A team's own rules/ folder beside its config extends the shipped packs; its mistakes name the file."""
    (project / "qa.toml").write_text("", encoding="utf-8")
    (project / "rules").mkdir()
    (project / "rules" / name).write_text(content, encoding="utf-8")
    result = run_qa("check", "report.txt", cwd=project)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and result.stderr.count("\n") == 1, result.stderr


def test_skip_non_bilingual_passes_over_other_files_and_still_checks_translations(project: Path):
    """A pre-commit hook sees every staged .txt/.csv/.po: notes, data tables, French catalogues."""
    (project / "notes.txt").write_text("Meeting notes\nBring the slides.\n", encoding="utf-8")
    (project / "people.csv").write_text("name,age\nLi,30\n", encoding="utf-8")
    french = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "Hello"\nmsgstr "Bonjour"\n'
    (project / "fr.po").write_text(french, encoding="utf-8")
    (project / "empty.txt").write_text("\n", encoding="utf-8")
    others = ("notes.txt", "people.csv", "fr.po", "empty.txt")
    for other in others:  # named by a user, each is an input error
        plain = run_qa("check", other, cwd=project)
        assert plain.returncode == 2 and f"qa: error: {other}: " in plain.stderr
    result = run_qa("check", "--skip-non-bilingual", *others, "report.txt", "--format", "json", cwd=project)
    assert result.returncode == 1, result.stderr
    assert findings_of(result) == [("TERM006", "report.txt", 1, 9), ("ALN001", "report.txt", 5, 1)]
    skipped = [line.split(":")[1].removeprefix(" skipped ") for line in result.stderr.splitlines() if "skipped" in line]
    assert skipped == list(others)
    alone = run_qa("check", "--skip-non-bilingual", *others, cwd=project)
    assert alone.returncode == 0, alone.stderr
    # what cannot be read at all is still an error
    broken = run_qa("check", "--skip-non-bilingual", "missing.txt", cwd=project)
    assert broken.returncode == 2 and "missing.txt" in broken.stderr


def test_do_not_translate_list_in_the_projects_rules_folder(tmp_path: Path):
    """A `kind: verbatim` data file beside the config: each term in the source must stay as written."""
    (tmp_path / "qa.toml").write_text("", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "do-not-translate.yaml").write_text(
        "kind: verbatim\nterms:\n  - Excel\n  - term: Beijing Daxing\n    note: the airport's name\n", encoding="utf-8"
    )
    (tmp_path / "report.txt").write_text(
        "打开Excel文件。\nOpen the spreadsheet.\n抵达Beijing Daxing机场。\nArrived at Beijing Daxing airport.\n",
        encoding="utf-8",
    )
    result = run_qa("check", "report.txt", "--format", "json", "--select", "TERM007", cwd=tmp_path)
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["line"], f["column"], f["message"]) for f in findings] == [
        ("TERM007", 1, 3, "protected term Excel is not in the english as written")
    ]
    assert findings[0]["suggestion"] == "keep Excel unchanged in the translation (do-not-translate.yaml)"


def test_bad_verbatim_file_is_one_line_exit_2(tmp_path: Path):
    (tmp_path / "qa.toml").write_text("", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "dnt.yaml").write_text("kind: verbatim\nterms: Excel\n", encoding="utf-8")
    (tmp_path / "report.txt").write_text("打开Excel文件。\nOpen Excel.\n", encoding="utf-8")
    result = run_qa("check", "report.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "qa: error: rules/dnt.yaml: `terms` must be a list of strings"


def test_length_mismatch_thresholds_are_rule_options(tmp_path: Path):
    # un-dev-zhen.tsv.gz: an English cut short (2 words for 29 characters, 0.07 a character)
    pair = "2015年1月30日乌克兰常驻联合国代表经安全理事会主席的信的附件\tPermanent Representative\n"
    (tmp_path / "un.tsv").write_text(pair, encoding="utf-8")
    found = run_qa("check", "un.tsv", "--select", "ALN003", "--format", "json", cwd=tmp_path)
    assert [f["code"] for f in json.loads(found.stdout)["findings"]] == ["ALN003"]
    (tmp_path / "qa.toml").write_text("[rule-options.ALN003]\nmin-ratio = 0.05\n", encoding="utf-8")
    quiet = run_qa("check", "un.tsv", "--select", "ALN003", "--format", "json", cwd=tmp_path)
    assert json.loads(quiet.stdout)["findings"] == []
    (tmp_path / "qa.toml").write_text('[rule-options.ALN003]\nmin-ratio = "low"\n', encoding="utf-8")
    bad = run_qa("check", "un.tsv", cwd=tmp_path)
    assert bad.returncode == 2
    expected = "qa: error: qa.toml rule-options.ALN003: min-ratio: expected a positive number, got 'low'"
    assert bad.stderr.strip() == expected
