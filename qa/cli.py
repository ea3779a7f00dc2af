"""The command line: ``qa check``, ``qa rules``, ``qa rule CODE``.

Errors a user can cause (bad input, bad config, bad options) end in one line on
stderr naming the file and the problem, and exit code 2; never a traceback.
"""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TextIO

import typer

from qa import __version__
from qa.config import FAIL_ON, FORMATS, ConfigError, discover_config
from qa.model import Finding, severity_rank
from qa.readers import SUFFIXES, InputError
from qa.rules import RegistryError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

app = typer.Typer(
    name="qa",
    help=(
        "Translation quality-assurance linter for Chinese/English bilingual text.\n\n"
        "Checks every zh/en pair of a file for wrong numbers, dropped footnote markers, "
        "untranslated Chinese, punctuation and spacing slips, and structure problems."
    ),
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class UsageError(Exception):
    """A bad option value: one line, exit code 2."""


def fail(message: str) -> typer.Exit:
    sys.stderr.write(f"qa: error: {message}\n")
    return typer.Exit(EXIT_ERROR)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"qa {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", "-V", help="Show the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """Translation quality-assurance linter for Chinese/English bilingual text."""


def _split(values: list[str] | None) -> list[str]:
    """--select NUM,TXT002 --select FN: commas and repeats both work."""
    return [item.strip() for value in values or [] for item in value.split(",") if item.strip()]


@contextmanager
def _output_stream(output: Path | None):
    """stdout, or a file written atomically (a temp file renamed into place)."""
    if output is None:
        yield sys.stdout
        return
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"--output: directory {folder} does not exist")
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=folder, prefix=f".{output.name}.", suffix=".tmp", delete=False, newline="\n"
    )
    try:
        with handle:
            yield handle
        os.replace(handle.name, output)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _progress(total_files: int):
    """A progress bar on stderr for long runs at a terminal; None otherwise."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


def run_check(
    paths: list[Path],
    *,
    output_format: str | None,
    output: Path | None,
    select: list[str],
    ignore: list[str],
    fail_on: str | None,
    config_path: Path | None,
    encoding: str | None,
    stream: TextIO | None = None,
) -> int:
    from qa.engine import Engine
    from qa.readers import expand_paths, read_path
    from qa.report import get_reporter

    config = discover_config(config_path)
    output_format = output_format or config.format
    fail_on = fail_on or config.fail_on
    if output_format not in FORMATS:
        raise UsageError(f"--format: expected one of {', '.join(FORMATS)}, got {output_format!r}")
    if fail_on not in FAIL_ON:
        raise UsageError(f"--fail-on: expected one of {', '.join(FAIL_ON)}, got {fail_on!r}")
    engine = Engine.from_config(config, select, ignore)
    files = list(dict.fromkeys(expand_paths(paths)))
    documents = []
    findings: list[Finding] = []
    progress = _progress(len(files))
    if progress is not None:
        with progress:
            task = progress.add_task("reading", total=len(files))
            for file in files:
                documents.append(read_path(file, encoding=encoding or config.encoding))
                progress.advance(task)
            pairs_task = progress.add_task("checking pairs", total=sum(len(d.pairs) for d in documents))
            for document in documents:
                findings.extend(engine.check(document, lambda n: progress.advance(pairs_task, n)))
    else:
        for file in files:
            documents.append(read_path(file, encoding=encoding or config.encoding))
        for document in documents:
            findings.extend(engine.check(document))
    findings.sort(key=Finding.sort_key)
    reporter = get_reporter(output_format, files=[d.path for d in documents], version=__version__)
    with _output_stream(output) if stream is None else _nullcontext(stream) as out:
        reporter.emit(findings, engine.rules, out)
    if fail_on == "never":
        return EXIT_OK
    threshold = severity_rank(fail_on)
    return EXIT_FINDINGS if any(severity_rank(f.severity) <= threshold for f in findings) else EXIT_OK


@contextmanager
def _nullcontext(value):
    yield value


@app.command()
def check(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help=f"Files or directories to check. Directories are searched for {', '.join(SUFFIXES)} files.",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="Output format: table, json, sarif or github. [default: table]"),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file instead of stdout.")
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(help="Only these rules: codes, code prefixes or names, comma-separated or repeated."),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(help="Skip these rules: codes, code prefixes or names.")
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding at or above this severity exists: error, warning, note or never. "
            "[default: error]",
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(help="Config file (qa.toml or pyproject.toml). Default: found from the current directory up."),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(help="Force the input encoding (e.g. gb18030, big5). Default: detected per file."),
    ] = None,
) -> None:
    """Check zh/en pairs in files and report findings.

    Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it;
    2 usage, config or input error.
    """
    try:
        code = run_check(
            paths,
            output_format=output_format,
            output=output,
            select=_split(select),
            ignore=_split(ignore),
            fail_on=fail_on,
            config_path=config,
            encoding=encoding,
        )
    except (InputError, ConfigError, RegistryError, UsageError) as error:
        raise fail(str(error)) from None
    except OSError as error:
        raise fail(f"{error.filename or ''}: {error.strerror or error}".lstrip(": ")) from None
    raise typer.Exit(code)


@app.command("rules")
def list_rules() -> None:
    """List every rule: code, name, default severity and summary."""
    import shutil

    from qa.rules import all_rules

    try:
        registry = all_rules()
    except RegistryError as error:
        raise fail(str(error)) from None
    width = shutil.get_terminal_size((120, 24)).columns
    name_width = max(len(rule.name) for rule in registry.values())
    if width < 60 + name_width:  # narrow terminal: one rule per block instead of a table
        for code, rule in registry.items():
            typer.echo(f"{code} {rule.name} ({rule.severity})\n    {rule.summary()}")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("code", "name", "severity"):
        table.add_column(column, no_wrap=True)
    table.add_column("summary", overflow="fold")
    for code, rule in registry.items():
        table.add_row(code, rule.name, rule.severity, rule.summary())
    Console(width=width).print(table)


@app.command("rule")
def show_rule(code: Annotated[str, typer.Argument(help="A rule code (NUM001) or name (number-missing).")]) -> None:
    """Print a rule's documentation."""
    from qa.engine import rule_matches
    from qa.rules import all_rules

    try:
        registry = all_rules()
    except RegistryError as error:
        raise fail(str(error)) from None
    matches = [rule for rule in registry.values() if rule.code == code.upper() or rule_matches(rule, code)]
    exact = [rule for rule in matches if rule.code == code.upper() or code.lower() in (rule.name, *rule.aliases)]
    if len(exact) != 1:
        raise fail(f"unknown rule {code!r} (see `qa rules`)")
    rule = exact[0]
    typer.echo(f"{rule.code} {rule.name} ({rule.severity})\n")
    typer.echo(rule.doc())


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("qa: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_ERROR)
