"""The command line: ``qa check``, ``qa rules``, ``qa rule CODE``, ``qa baseline``, ``qa terms extract``.

Errors a user can cause (bad input, bad config, bad options, a mistyped command) end in
one line on stderr, ``qa: error: …`` naming the file or option and the problem, and exit
code 2; never a traceback, never Click's usage block. Ctrl-C ends in ``qa: interrupted``
and exit code 130.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Annotated, TextIO

import typer

from qa import __version__
from qa.baseline import DEFAULT_BASELINE, BaselineError
from qa.changes import ChangesError
from qa.config import FAIL_ON, FORMATS, SOURCES, ConfigError, discover_config
from qa.model import Finding, severity_rank
from qa.output import OutputError, check_output, open_output, refuse_inputs
from qa.parallel import WorkerError
from qa.readers import ALL_SUFFIXES, SUFFIXES, InputError, display_path
from qa.rules import RegistryError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3

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
    suggest_commands=False,  # Click already says "Did you mean 'check'?"; Typer would say it again
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


def _split(values: list[str] | None, option: str) -> list[str]:
    """--select NUM,TXT002 --select FN: commas and repeats both work. An empty value
    (``--select ""``, an unset shell variable) is an error, not "every rule" or "none"."""
    items = [item.strip() for value in values or [] for item in value.split(",") if item.strip()]
    if values and not items:
        raise UsageError(f"{option}: expected rule codes, code prefixes or names, got {values[0]!r}")
    return items


def _aligned(paths: list[Path] | None, zh: Path | None, en: Path | None) -> tuple[Path, Path] | None:
    """--zh FILE --en FILE: both or neither; without them, files to check are needed."""
    if (zh is None) != (en is None):
        raise UsageError("--zh and --en go together: --zh a.zh.txt --en a.en.txt")
    if zh is None and not paths:
        raise UsageError("no files to check: give files or directories, or --zh FILE --en FILE")
    return (zh, en) if zh is not None and en is not None else None


def _columns(value: str | None) -> tuple[str, str] | None:
    """--columns 中文,English: the CSV header names of the Chinese and the English columns."""
    if value is None:
        return None
    names = [name.strip() for name in value.split(",")]
    if len(names) != 2 or not all(names):
        raise UsageError(f"--columns: expected two column names, Chinese first: ZH,EN; got {value!r}")
    return names[0], names[1]


@contextmanager
def _output_stream(output: Path | None):
    """stdout, or the file ``-o`` names, written without destroying anything (qa/output.py)."""
    if output is None:
        yield sys.stdout
        return
    with open_output(output) as handle:
        yield handle


def _files_to_read(paths: list[Path]) -> dict[Path, Path | None]:
    """Each file to read, and the folder it was found in by walking (None for a file named
    explicitly, which wins when a file is both)."""
    from qa.readers import expand_paths

    files: dict[Path, Path | None] = {}
    for path in paths:
        folder = path if path.is_dir() else None
        for file in expand_paths([path]):
            files[file] = folder if files.get(file, folder) is not None else None
    return files


def _read_documents(
    files: dict[Path, Path | None], *, skip_non_bilingual: bool, progress=None, task=None, **options
) -> list:
    """The files' documents. A file that holds no zh/en pairs is skipped with a note when it was
    found by walking a folder (a LICENSE.txt, a data .csv) or with --skip-non-bilingual;
    named explicitly, it is an error."""
    from qa.readers import NotBilingualError, read_path

    documents = []
    for file, folder in files.items():
        try:
            document = read_path(file, **options)
            documents.append(document)
            if document.skipped:
                counts = ", ".join(f"{count} {reason}" for reason, count in document.skipped)
                sys.stderr.write(f"qa: {document.path}: skipped {counts} units\n")
        except NotBilingualError as error:
            if folder is None and not skip_non_bilingual:
                raise
            sys.stderr.write(f"qa: skipped {error}\n")  # not a translation: a file the folder or pattern caught
        if progress:
            progress.advance(task)
    return documents


def _refuse_overwriting_inputs(output: Path | None, inputs: Iterable[Path | None]) -> None:
    """-o naming one of the files read (a translation, its pair, the baseline, the config) is refused
    before anything is read: the README promises inputs are never modified."""
    if output is not None:
        check_output(output)
        refuse_inputs(output, inputs)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading and checking build millions of small objects (segments, quantities, cached
    results) that live until the process ends; Python's cyclic collector would walk them
    again and again (a third of the reading time on a 200,000-pair file) and find nothing
    to free, since they hold no cycles. It runs again once the work is done, over what is
    made after: what was made during the work is frozen first, else the first collection
    would walk all of it at once."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def _progress():
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


def _with_glossaries(config, values: list[str]):
    """The config with the ``--glossary`` packs and files added after its own."""
    from dataclasses import replace

    from qa.datapacks import resolve_glossaries

    added = resolve_glossaries(tuple(values), "--glossary", Path.cwd())
    return replace(config, glossaries=tuple(dict.fromkeys((*config.glossaries, *added))))


GLOSSARY_HELP = (
    "Enable a glossary for TERM002-TERM004: a shipped pack by name (see `qa glossaries`) or a glossary "
    "file's path; repeatable."
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
    baseline: Path | None = None,
    strict_baseline: bool = False,
    since: str | None = None,
    record_baseline: Path | None = None,
    aligned: tuple[Path, Path] | None = None,
    columns: tuple[str, str] | None = None,
    skip_non_bilingual: bool = False,
    jobs: int | None = None,
    glossaries: list[str] | None = None,
    show_all: bool = False,
    source: str | None = None,
    fix: bool = False,
    diff: bool = False,
    chunk_pairs: int | None = None,
) -> int:
    arguments = dict(locals())  # --fix checks again, with the same arguments, what it fixed
    from qa.engine import Engine
    from qa.gate import apply_gate, report_stale
    from qa.report import get_reporter, plural

    config = discover_config(config_path)
    if glossaries:
        config = _with_glossaries(config, glossaries)
    output_format = output_format or config.format
    fail_on = fail_on or config.fail_on
    jobs = config.jobs if jobs is None else jobs
    source = source or config.source
    if source is not None and source not in SOURCES:
        raise UsageError(f"--source: expected zh or en, got {source!r}")
    if jobs < 0:
        raise UsageError(f"--jobs: expected a number of processes (0 chooses), got {jobs}")
    if output_format not in FORMATS:
        raise UsageError(f"--format: expected one of {', '.join(FORMATS)}, got {output_format!r}")
    if fail_on not in FAIL_ON:
        raise UsageError(f"--fail-on: expected one of {', '.join(FAIL_ON)}, got {fail_on!r}")
    engine = Engine.from_config(config, select, ignore)
    if not engine.rules:
        chosen = " ".join(
            [*(f"--select {item}" for item in select), *(f"--ignore {item}" for item in ignore)]
        ) or "the config's select and ignore"
        raise UsageError(f"no rules left to check: {chosen} select nothing (see `qa rules`)")
    walked = _files_to_read(paths)
    files = list(walked)
    if strict_baseline and baseline is None:
        raise UsageError("--strict-baseline needs --baseline FILE")
    _refuse_overwriting_inputs(output, [*files, *(aligned or ()), baseline, config.path])
    if record_baseline is not None:
        check_output(record_baseline)
        refuse_inputs(record_baseline, [*files, *(aligned or ()), config.path])
    changes = None
    if since is not None:  # only files with changed lines are read at all
        from qa.changes import changed_lines

        changes = changed_lines(since, [*paths, *(aligned or ())])
        files = [file for file in files if changes.touches(file)]
        if aligned is not None and not any(changes.touches(file) for file in aligned):
            aligned = None  # neither file of the pair changed: nothing of it to check
    from qa.readers.stream import is_streamable

    if any(is_streamable(file) for file in files):  # corpus files (qa/streaming.py): a chunk at a time
        from qa.streaming import CHUNK_PAIRS, fallback_reason, run_streaming, say_fallback

        reason = fallback_reason(engine, files, output_format=output_format, fix=fix, diff=diff, since=since,
                                 aligned=aligned, record=record_baseline is not None)
        if reason is None:
            progress = _progress()
            with progress or nullcontext(), _collector_paused():
                return run_streaming(
                    engine, {file: walked[file] for file in files}, config=config, output_format=output_format,
                    open_stream=lambda: _output_stream(output) if stream is None else nullcontext(stream),
                    fail_on=fail_on, baseline=baseline, strict_baseline=strict_baseline,
                    skip_non_bilingual=skip_non_bilingual, jobs=jobs, show_all=show_all, version=__version__,
                    chunk_pairs=chunk_pairs or CHUNK_PAIRS, encoding=encoding or config.encoding, columns=columns,
                    source=source, progress=progress,
                )
        say_fallback(reason, files)
    findings: list[Finding] = []
    progress = _progress()
    with progress or nullcontext(), _collector_paused():
        reading = progress.add_task("reading", total=len(files)) if progress else None
        documents = _read_documents(
            {file: walked[file] for file in files},
            skip_non_bilingual=skip_non_bilingual,
            progress=progress,
            task=reading,
            encoding=encoding or config.encoding,
            columns=columns,
            source=source,
        )
        if files and not documents and aligned is None and since is None and not skip_non_bilingual:
            folders = list(dict.fromkeys(display_path(folder) for folder in walked.values() if folder))
            if len(folders) == 1:
                raise InputError("no file in this directory holds zh/en pairs (the notes above say why)", folders[0])
            raise InputError(f"no file in {', '.join(folders)} holds zh/en pairs (the notes above say why)")
        if aligned is not None:  # --zh FILE --en FILE: one document from two line-aligned files
            from qa.readers import with_source
            from qa.readers.aligned import read_aligned

            documents.append(with_source(read_aligned(*aligned, encoding=encoding or config.encoding), source))
        checking = progress.add_task("checking pairs", total=sum(len(d.pairs) for d in documents)) if progress else None
        for document in documents:
            advance = (lambda count: progress.advance(checking, count)) if progress else None
            findings.extend(engine.check(document, advance, jobs=jobs))
        across = engine.check_run(documents)  # consistency across the files of the run, when asked
    if len(documents) > 1 or across:  # each document's findings come sorted
        findings.extend(across)
        findings.sort(key=Finding.sort_key)
    if record_baseline is not None:  # `qa baseline`: record instead of report
        from qa.baseline import save

        recorded = save(apply_gate(findings, documents, config=config, rules=engine.rules).findings, record_baseline)
        counts = f"{plural(len(recorded), 'finding')} from {plural(len(documents), 'file')}"
        sys.stderr.write(f"qa: recorded {counts} in {record_baseline}\n")
        return EXIT_OK
    gate = apply_gate(findings, documents, config=config, rules=engine.rules, baseline_file=baseline, changes=changes)
    findings = gate.findings
    if not show_all:  # one mistake, one finding: what a pair-level finding explains goes inside it
        from qa.fold import fold

        findings = fold(findings)
    if fix or diff:
        fixed = _apply_fixes(findings, files, aligned, encoding or config.encoding, diff=diff, stream=stream)
        if diff:
            return EXIT_FINDINGS if fixed else EXIT_OK
        if fixed:
            return run_check(**{**arguments, "fix": False})  # report what is left, where it now is
    reporter = get_reporter(
        output_format,
        files=[d.path for d in documents],
        suppressed=gate.suppressed + sum(engine.suppressed.values()),  # baseline + inline comments
        version=__version__,
    )
    with _output_stream(output) if stream is None else nullcontext(stream) as out:
        reporter.emit(findings, engine.rules, out)
    if baseline is not None:
        report_stale(gate.stale, baseline, strict_baseline)
    if engine.stale_ignores:
        _report_stale_ignores(engine.stale_ignores)
    if strict_baseline and gate.stale:
        return EXIT_FINDINGS
    if fail_on == "never":
        return EXIT_OK
    threshold = severity_rank(fail_on)
    return EXIT_FINDINGS if any(severity_rank(f.severity) <= threshold for f in findings) else EXIT_OK


def _apply_fixes(findings, files, aligned, encoding, *, diff: bool, stream) -> int:
    """Apply (or with ``diff`` print) the safe fixes of the reported findings; the number fixed."""
    from qa.fix import plan_fixes, unified_diff, write_fixes
    from qa.report import plural

    paths = {display_path(file): file for file in [*files, *(aligned or ())]}
    plans = plan_fixes(findings, paths, encoding)
    count = sum(len(plan.fixed) for plan in plans)
    if diff:
        out = stream or sys.stdout
        for plan in plans:
            out.write(unified_diff(plan, display_path(plan.path)))
        if plans:
            sys.stderr.write(f"qa: {plural(count, 'finding')} in {plural(len(plans), 'file')} can be fixed (--fix)\n")
        else:
            sys.stderr.write("qa: nothing to fix\n")
        return count
    for plan in plans:
        write_fixes(plan)
    sys.stderr.write(f"qa: fixed {plural(count, 'finding')} in {plural(len(plans), 'file')}\n" if plans else "")
    return count


def _report_stale_ignores(stale: list[tuple[str, int, str]]) -> None:
    """Inline ``qa: ignore`` notes that silence nothing: like stale baseline entries, they should go."""
    notes = "1 `qa: ignore` note silences" if len(stale) == 1 else f"{len(stale)} `qa: ignore` notes silence"
    sys.stderr.write(f"qa: warning: {notes} nothing (the finding was fixed, or the note names another rule):\n")
    for path, line, selector in stale:
        sys.stderr.write(f"  {path}:{line}: qa: ignore {selector}\n")


@app.command()
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help=f"Files or directories to check. Directories are searched for {', '.join(ALL_SUFFIXES)} files.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option("--format", "-f", help="Output format: table, json, sarif, github or html. [default: table]"),
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
    zh: Annotated[
        Path | None,
        typer.Option("--zh", help="Chinese file of a line-aligned pair (with --en): line N translates to line N."),
    ] = None,
    en: Annotated[Path | None, typer.Option("--en", help="English file of a line-aligned pair (with --zh).")] = None,
    columns: Annotated[
        str | None,
        typer.Option(
            help="The columns holding the Chinese and the English, by name: a CSV header's (--columns 中文,English), "
            "a JSON Lines file's fields or a Parquet file's columns (default zh,en)."
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            metavar="zh|en",
            help="The language the pairs of line formats (.txt, .tsv, .csv, --zh/--en; .tsv.gz, .jsonl, .parquet…) "
            "were translated from; "
            "rules judge the other. Default: the first line or column (or `source` in the config). PO, XLIFF "
            "and TMX files say their own direction.",
            show_default=False,
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(help="Report only findings not recorded in this baseline file (made by `qa baseline`)."),
    ] = None,
    strict_baseline: Annotated[
        bool, typer.Option("--strict-baseline", help="Also exit 1 when baseline entries no longer occur.")
    ] = False,
    since: Annotated[
        str | None,
        typer.Option(metavar="REV", help="Only check pairs whose lines changed since the git revision REV."),
    ] = None,
    skip_non_bilingual: Annotated[
        bool,
        typer.Option(
            "--skip-non-bilingual",
            help="Pass over files that hold no Chinese/English pairs (empty, other languages, other data) "
            "with a note on stderr, instead of failing: for hooks whose file pattern catches other files.",
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            help="Processes that check a file's pairs: 1 for one, 0 to choose (on Linux, every core for a file "
            "of 20,000 pairs or more). The findings are the same. [default: 0, or `jobs` in the config]",
            show_default=False,
        ),
    ] = None,
    glossary: Annotated[
        list[str] | None, typer.Option("--glossary", metavar="PACK|PATH", help=GLOSSARY_HELP)
    ] = None,
    show_all: Annotated[
        bool,
        typer.Option(
            "--show-all",
            help="Also report as findings of their own the findings that another explains (an untranslated "
            "segment's stray Chinese, punctuation, numbers), which are otherwise folded into it.",
        ),
    ] = False,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Apply the fixes that cannot change meaning (full-width punctuation in English, a missing "
            "space after a full stop, stray whitespace, ASCII punctuation in a Chinese translation) in the "
            "files themselves, then report what is left.",
        ),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option("--diff", help="Print the changes --fix would make as a unified diff, and change nothing."),
    ] = False,
) -> None:
    """Check zh/en pairs in files and report findings.

    Corpus files (.tsv, .tsv.gz, .tsv.zst, .jsonl, .jsonl.gz, .jsonl.zst, .parquet) are read, checked
    and reported 10,000 pairs at a time, in bounded memory, with the same report: ALN and FN002-FN004
    look at a chunk at a time, FN001 keeps the pairs with footnote markers, CON001/CON002 a hash per
    segment and read the file again. --fix, --diff, --since, --format github/html, TERM004 with a
    glossary and scope = "run" read the files whole.

    Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it;
    2 usage, config or input error; 3 a bug in qa (QA_DEBUG=1 shows it); 130 interrupted.
    """
    try:
        code = run_check(
            paths or [],
            output_format=output_format,
            output=output,
            select=_split(select, "--select"),
            ignore=_split(ignore, "--ignore"),
            fail_on=fail_on,
            config_path=config,
            encoding=encoding,
            baseline=baseline,
            strict_baseline=strict_baseline,
            since=since,
            aligned=_aligned(paths, zh, en),
            columns=_columns(columns),
            skip_non_bilingual=skip_non_bilingual,
            jobs=jobs,
            glossaries=glossary,
            show_all=show_all,
            source=source,
            fix=fix,
            diff=diff,
        )
    except (
        InputError, ConfigError, RegistryError, UsageError, BaselineError, ChangesError, WorkerError, OutputError
    ) as error:
        raise fail(str(error)) from None
    except OSError as error:
        raise fail(f"{error.filename or ''}: {error.strerror or error}".lstrip(": ")) from None
    raise typer.Exit(code)


@app.command("baseline")
def record_baseline(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or directories to record findings of.", show_default=False),
    ] = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The baseline file to write (atomically; never an input file).")
    ] = Path(DEFAULT_BASELINE),
    select: Annotated[list[str] | None, typer.Option(help="Only these rules, as for `qa check`.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip these rules, as for `qa check`.")] = None,
    config: Annotated[Path | None, typer.Option(help="Config file, as for `qa check`.")] = None,
    encoding: Annotated[str | None, typer.Option(help="Force the input encoding, as for `qa check`.")] = None,
    zh: Annotated[
        Path | None, typer.Option("--zh", help="Chinese file of a line-aligned pair, as for `qa check`.")
    ] = None,
    en: Annotated[Path | None, typer.Option("--en", help="English file of a line-aligned pair (with --zh).")] = None,
    columns: Annotated[
        str | None, typer.Option(help="CSV columns holding the Chinese and the English, as for `qa check`.")
    ] = None,
    source: Annotated[
        str | None,
        typer.Option("--source", metavar="zh|en", help="The source language of line formats, as for `qa check`."),
    ] = None,
    skip_non_bilingual: Annotated[
        bool,
        typer.Option(
            "--skip-non-bilingual",
            help="Pass over files that hold no Chinese/English pairs with a note on stderr, as for `qa check`.",
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", help="Processes that check a file's pairs, as for `qa check`.", show_default=False
        ),
    ] = None,
    glossary: Annotated[
        list[str] | None, typer.Option("--glossary", metavar="PACK|PATH", help="A glossary, as for `qa check`.")
    ] = None,
) -> None:
    """Record the current findings in a baseline file, for `qa check --baseline FILE`.

    The file is sorted JSON without line numbers, so regenerating it on unchanged input
    changes nothing. Regenerate it after fixing findings to drop their entries.
    """
    try:
        code = run_check(
            paths or [],
            output_format="json",
            output=None,
            select=_split(select, "--select"),
            ignore=_split(ignore, "--ignore"),
            fail_on="never",
            config_path=config,
            encoding=encoding,
            record_baseline=output,
            aligned=_aligned(paths, zh, en),
            columns=_columns(columns),
            skip_non_bilingual=skip_non_bilingual,
            jobs=jobs,
            glossaries=glossary,
            source=source,
        )
    except (InputError, ConfigError, RegistryError, UsageError, BaselineError, OutputError, WorkerError) as error:
        raise fail(str(error)) from None
    except OSError as error:
        raise fail(f"{error.filename or ''}: {error.strerror or error}".lstrip(": ")) from None
    raise typer.Exit(code)


def _use_project_checks() -> None:
    """`qa rules` and `qa rule CODE` show the project's own checks (kind: check) with the built-in rules."""
    from qa.datapacks import data_dirs
    from qa.rules import use_checks

    config = discover_config(None)
    use_checks(data_dirs(config.rule_paths, config.path))


def _severity_shown(rule) -> str:
    """A rule's default severity, and "off" for one that runs only when selected."""
    return rule.severity if rule.default_enabled else f"{rule.severity}, off"


@app.command("rules")
def list_rules() -> None:
    """List every rule: code, name, default severity and summary."""
    import shutil

    from qa.rules import all_rules

    try:
        _use_project_checks()
        registry = all_rules()
    except (RegistryError, ConfigError) as error:
        raise fail(str(error)) from None
    width = shutil.get_terminal_size((120, 24)).columns
    name_width = max(len(rule.name) for rule in registry.values())
    if width < 60 + name_width:  # narrow terminal: one rule per block instead of a table
        for code, rule in registry.items():
            typer.echo(f"{code} {rule.name} ({_severity_shown(rule)})\n    {rule.summary()}")
        typer.echo(f"\n{GLOSSARIES_HINT}")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("code", "name", "severity"):
        table.add_column(column, no_wrap=True)
    table.add_column("summary", overflow="fold")
    for code, rule in registry.items():
        table.add_row(code, rule.name, _severity_shown(rule), rule.summary())
    console = Console(width=width)
    console.print(table)
    console.print(f"\n{GLOSSARIES_HINT}", markup=False, highlight=False)


GLOSSARIES_HINT = (
    "Glossaries (TERM002-TERM004): your rules/ folder and configured files apply; shipped packs only when "
    'enabled: glossaries = ["beijing-gov"] under [tool.qa], or qa check --glossary beijing-gov (see `qa glossaries`).'
)


@app.command("glossaries")
def list_glossaries(
    config: Annotated[
        Path | None, typer.Option(help="Config file, as for `qa check`. Default: found from the current directory up.")
    ] = None,
) -> None:
    """List the glossary packs shipped with qa and the glossaries this project enables."""
    from qa.datapacks import data_dirs, glossary_packs, pack_description, shown
    from qa.lang.terms import GlossaryError, glossary_files, load_glossary
    from qa.rules.base import RuleContext

    try:
        project = discover_config(config)
        context = RuleContext(data_dirs=data_dirs(project.rule_paths, project.path), glossaries=project.glossaries)
        enabled = {path.resolve() for path in project.glossaries}
        packs = glossary_packs()
        rows = [
            (name, str(len(load_glossary([path]))), "yes" if path.resolve() in enabled else "no",
             pack_description(path))
            for name, path in packs.items()
        ]
        own = [
            (shown(path), len(load_glossary([path])))
            for path in glossary_files(context)
            if path.resolve() not in {pack.resolve() for pack in packs.values()}
        ]
    except (ConfigError, GlossaryError) as error:
        raise fail(str(error)) from None
    widths = [max(len(header), *(len(row[column]) for row in rows)) for column, header in enumerate(
        ("pack", "entries", "enabled"))] if rows else [4, 7, 7]
    typer.echo(f"{'pack':<{widths[0]}}  {'entries':>{widths[1]}}  {'enabled':<{widths[2]}}  description")
    for name, entries, on, description in rows:
        typer.echo(f"{name:<{widths[0]}}  {entries:>{widths[1]}}  {on:<{widths[2]}}  {description}")
    where = project.label if project.path is not None else "no config file found"
    if own:
        typer.echo(f"\nThis project's own glossaries ({where}):")
        for path, entries in own:
            typer.echo(f"  {path} ({entries} {'entry' if entries == 1 else 'entries'})")
    else:
        typer.echo(f"\nThis project has no glossary of its own ({where}).")
    typer.echo(
        '\nEnable a pack with glossaries = ["NAME"] under [tool.qa] (or in qa.toml), '
        "or for one run with qa check --glossary NAME."
    )


@app.command("rule")
def show_rule(code: Annotated[str, typer.Argument(help="A rule code (NUM001) or name (number-missing).")]) -> None:
    """Print a rule's documentation."""
    from qa.engine import rule_matches
    from qa.rules import all_rules

    try:
        _use_project_checks()
        registry = all_rules()
    except (RegistryError, ConfigError) as error:
        raise fail(str(error)) from None
    matches = [rule for rule in registry.values() if rule.code == code.upper() or rule_matches(rule, code)]
    exact = [rule for rule in matches if rule.code == code.upper() or code.lower() in (rule.name, *rule.aliases)]
    if len(exact) != 1:
        raise fail(f"unknown rule {code!r} (see `qa rules`)")
    rule = exact[0]
    typer.echo(f"{rule.code} {rule.name} ({rule.severity})\n")
    typer.echo(rule.doc())


terms_app = typer.Typer(
    help="Glossary tools: extract a candidate glossary from existing translations.",
    no_args_is_help=True,
    suggest_commands=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(terms_app, name="terms")

#: From this many pairs on, `qa terms extract` shows a progress bar (at a terminal).
_LONG_EXTRACT = 5000


def run_terms_extract(paths: list[Path], *, output: Path | None, top: int, min_count: int, encoding: str | None) -> int:
    from qa.lang.terms.extract import extract_terms, format_glossary_tsv

    if top < 1:
        raise UsageError(f"--top: expected a positive number, got {top}")
    if min_count < 1:
        raise UsageError(f"--min-count: expected a positive number, got {min_count}")
    files = _files_to_read(paths)
    _refuse_overwriting_inputs(output, files)
    documents = _read_documents(files, skip_non_bilingual=False, encoding=encoding)
    pairs = [
        (pair.zh.text, pair.en.text, f"{pair.zh.path or document.path}:{pair.zh.line}")
        for document in documents
        for pair in document.pairs
    ]
    if not pairs:
        raise UsageError("no zh/en pairs in the input")
    progress = _progress() if len(pairs) >= _LONG_EXTRACT else None
    with progress or nullcontext():
        task = progress.add_task("extracting terms", total=2 * len(pairs)) if progress else None
        advance = (lambda count: progress.advance(task, count)) if progress else None
        candidates = extract_terms(pairs, top=top, min_count=min_count, progress=advance)
    with _output_stream(output) as out:
        out.write(format_glossary_tsv(candidates))
    if output is not None:
        sys.stderr.write(f"qa: wrote {len(candidates)} candidate terms to {output}\n")
    return EXIT_OK


@terms_app.command("extract")
def terms_extract(
    paths: Annotated[
        list[Path],
        typer.Argument(help=f"Files or directories of translations ({', '.join(SUFFIXES)}).", show_default=False),
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the glossary to this file instead of stdout.")
    ] = None,
    top: Annotated[int, typer.Option(help="How many candidate terms to write.")] = 100,
    min_count: Annotated[
        int, typer.Option("--min-count", help="Ignore terms found in fewer distinct Chinese segments.")
    ] = 2,
    encoding: Annotated[
        str | None,
        typer.Option(help="Force the input encoding (e.g. gb18030, big5). Default: detected per file."),
    ] = None,
) -> None:
    """Write a candidate glossary (zh, most specific co-occurring English, evidence) from translations.

    The output is in the glossary TSV format TERM002-TERM004 read: check it, then save it
    as rules/glossary-<team>.tsv beside your config file.
    """
    try:
        code = run_terms_extract(paths, output=output, top=top, min_count=min_count, encoding=encoding)
    except (InputError, UsageError, OutputError) as error:
        raise fail(str(error)) from None
    except OSError as error:
        raise fail(f"{error.filename or ''}: {error.strerror or error}".lstrip(": ")) from None
    raise typer.Exit(code)


corpus_app = typer.Typer(
    help="Corpora of millions of pairs, checked or filtered on a Dask cluster (a local one by default).",
    no_args_is_help=True,
    suggest_commands=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(corpus_app, name="corpus")

_CORPUS_NOTE = (
    "Inputs: .tsv, .tsv.gz, .tsv.zst, .jsonl(.gz/.zst) with zh/en fields, .parquet (--columns). With no "
    "--scheduler a local Dask cluster of one process per core is started; `--scheduler tcp://HOST:8786` "
    "(or `scheduler` under [tool.qa]) runs on a cluster you started (`dask scheduler`, `dask worker "
    "tcp://HOST:8786` on machines with qa installed). Every pair rule runs, and FN001 (check only); not run, "
    "since they compare pairs across the whole corpus: CON001, CON002, TERM004 (use `qa check` for them)."
)


def run_corpus_command(
    paths: list[Path], *, output: Path | None, keep: Path | None, reject: Path | None, select: list[str],
    ignore: list[str], fail_on: str | None, config_path: Path | None, scheduler: str | None, workers: int | None,
    partition_pairs: int, columns: tuple[str, str] | None, source: str | None, encoding: str | None,
    show_all: bool,
) -> int:
    from qa.corpus import check_output_path, not_run, run_corpus, summary_lines
    from qa.engine import Engine
    from qa.readers.stream import STREAM_SUFFIXES, is_streamable

    config = discover_config(config_path)
    filtering = keep is not None or reject is not None
    fail_on = fail_on or ("warning" if filtering else config.fail_on)
    if fail_on not in FAIL_ON:
        raise UsageError(f"--fail-on: expected one of {', '.join(FAIL_ON)}, got {fail_on!r}")
    source = source or config.source
    if source is not None and source not in SOURCES:
        raise UsageError(f"--source: expected zh or en, got {source!r}")
    if partition_pairs < 1:
        raise UsageError(f"--partition-pairs: expected a positive number, got {partition_pairs}")
    if workers is not None and workers < 1:
        raise UsageError(f"--workers: expected a positive number, got {workers}")
    full = Engine.from_config(config, select, ignore)
    left = not_run(full.rules, filtering=filtering)
    engine = Engine.from_config(config, select, [*ignore, *left]) if left else full
    if not engine.rules:
        raise UsageError(f"no rules left to check in corpus mode: {', '.join(left) or 'none selected'} "
                         "compare pairs across the corpus (use `qa check`)")
    files = list(_files_to_read(paths))
    bad = [file for file in files if not is_streamable(file)]
    if bad:
        raise InputError(f"not a corpus file (qa corpus reads {', '.join(STREAM_SUFFIXES)}; use `qa check` for "
                         "other formats)", display_path(bad[0]))
    if not files:
        raise UsageError("no corpus files in the input")
    for path, option in ((keep, "--keep"), (reject, "--reject")):
        if path is not None:
            check_output_path(path, option)
    if output is not None and any(output.resolve() == file.resolve() for file in files):
        raise UsageError(f"--output {output}: is one of the inputs")
    _refuse_overwriting_inputs(keep, files)
    _refuse_overwriting_inputs(reject, files)
    if left:
        sys.stderr.write(f"qa corpus: not run in corpus mode: {', '.join(left)} (they compare pairs across the "
                         "whole corpus; `qa check` runs them)\n")
    progress = _progress()
    with progress or nullcontext():
        tally = run_corpus(
            engine, files, config=config, output=output, keep=keep, reject=reject, fail_on=fail_on,
            scheduler=scheduler or config.scheduler, workers=workers, partition_pairs=partition_pairs,
            show_all=show_all, progress=progress,
            read={"columns": columns, "source": source, "encoding": encoding or config.encoding},
        )
    for line in summary_lines(tally, filtering=filtering, files=len(files)):
        sys.stderr.write(line + "\n")
    if output is not None:
        sys.stderr.write(f"qa corpus: wrote {tally.findings:,} findings to {output}\n")
    if filtering or fail_on == "never":
        return EXIT_OK
    threshold = severity_rank(fail_on)
    return EXIT_FINDINGS if any(count for level, count in tally.by_severity.items()
                                if severity_rank(level) <= threshold) else EXIT_OK


_CorpusPaths = Annotated[
    list[Path], typer.Argument(help="Corpus files or directories of them.", show_default=False)
]
_Select = Annotated[list[str] | None, typer.Option(help="Only these rules: codes, code prefixes or names.")]
_Ignore = Annotated[list[str] | None, typer.Option(help="Skip these rules: codes, code prefixes or names.")]
_Config = Annotated[Path | None, typer.Option(help="Config file (qa.toml or pyproject.toml).")]
_Scheduler = Annotated[
    str | None,
    typer.Option(help="A running Dask scheduler (tcp://HOST:8786). Default: `scheduler` under [tool.qa], "
                 "else a local cluster started for the run."),
]
_Workers = Annotated[
    int | None, typer.Option(help="Worker processes of the local cluster. [default: one per core]", min=1)
]
_Partition = Annotated[int, typer.Option("--partition-pairs", help="Pairs in one task.")]
_Columns = Annotated[
    str | None, typer.Option(help="The zh and en fields of JSON Lines, or columns of Parquet (default zh,en).")
]
_Source = Annotated[
    str | None, typer.Option("--source", metavar="zh|en", help="The language the pairs were translated from.")
]
_Encoding = Annotated[str | None, typer.Option(help="Force the input encoding of text files.")]


def _corpus(*, select: list[str] | None, ignore: list[str] | None, columns: str | None, config: Path | None,
            **arguments) -> None:
    """Run ``qa corpus check|filter`` with the options as the command line gave them."""
    from qa.corpus import CorpusError

    try:
        code = run_corpus_command(select=_split(select, "--select"), ignore=_split(ignore, "--ignore"),
                                  columns=_columns(columns), config_path=config, **arguments)
    except (InputError, UsageError, OutputError, ConfigError, RegistryError, CorpusError) as error:
        raise fail(str(error)) from None
    except OSError as error:
        raise fail(f"{error.filename or ''}: {error.strerror or error}".lstrip(": ")) from None
    raise typer.Exit(code)


@corpus_app.command("check", epilog=_CORPUS_NOTE)
def corpus_check(
    paths: _CorpusPaths,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The findings, as a Parquet folder (file=<input>/part-N.parquet).")
    ],
    select: _Select = None,
    ignore: _Ignore = None,
    fail_on: Annotated[
        str | None, typer.Option("--fail-on", help="Exit 1 on a finding at or above this severity. [default: error]")
    ] = None,
    config: _Config = None,
    scheduler: _Scheduler = None,
    workers: _Workers = None,
    partition_pairs: _Partition = 20_000,
    columns: _Columns = None,
    source: _Source = None,
    encoding: _Encoding = None,
    show_all: Annotated[bool, typer.Option("--show-all", help="Do not fold findings into the one explaining them.")]
    = False,
) -> None:
    """Check a corpus on Dask workers; write the findings as Parquet and print a summary."""
    _corpus(paths=paths, output=output, keep=None, reject=None, select=select, ignore=ignore, fail_on=fail_on,
            config=config, scheduler=scheduler, workers=workers, partition_pairs=partition_pairs, columns=columns,
            source=source, encoding=encoding, show_all=show_all)


@corpus_app.command("filter", epilog=_CORPUS_NOTE)
def corpus_filter(
    paths: _CorpusPaths,
    keep: Annotated[
        Path | None, typer.Option(help="Write the pairs with no finding at or above --fail-on here (.tsv[.gz|.zst], "
                                  ".jsonl[.gz|.zst]).")
    ] = None,
    reject: Annotated[
        Path | None, typer.Option(help="Write the other pairs here, with their rule codes as a third column or field.")
    ] = None,
    select: _Select = None,
    ignore: _Ignore = None,
    fail_on: Annotated[
        str | None, typer.Option("--fail-on", help="Reject a pair with a finding at or above this severity: error, "
                                 "warning or note. [default: warning]")
    ] = None,
    config: _Config = None,
    scheduler: _Scheduler = None,
    workers: _Workers = None,
    partition_pairs: _Partition = 20_000,
    columns: _Columns = None,
    source: _Source = None,
    encoding: _Encoding = None,
) -> None:
    """Split a corpus into clean and rejected pairs, in input order, on Dask workers."""
    if keep is None and reject is None:
        raise fail("qa corpus filter needs --keep FILE, --reject FILE or both")
    _corpus(paths=paths, output=None, keep=keep, reject=reject, select=select, ignore=ignore, fail_on=fail_on,
            config=config, scheduler=scheduler, workers=workers, partition_pairs=partition_pairs, columns=columns,
            source=source, encoding=encoding, show_all=True)


def _usage_message(error) -> str:
    """Click's usage error as qa's one line: lower-case, and where to read more."""
    message = error.format_message().strip()
    message = message[:1].lower() + message[1:]
    message = message.removesuffix(".")
    if error.ctx is None:  # Click's parser does not always say which command it was parsing
        return message
    return f"{message} (see `{error.ctx.command_path} --help`)"


def main(args: list[str] | None = None) -> None:
    """The console script. Click's own error handling is bypassed (``standalone_mode`` would print
    a three-line usage block for a bad option, and Typer turns Ctrl-C into a silent exit 130):
    the command runs in a Click context here, and every way out is one of qa's."""
    import click

    command = typer.main.get_command(app)
    try:
        try:
            with command.make_context("qa", list(sys.argv[1:] if args is None else args)) as context:
                command.invoke(context)
        except click.exceptions.NoArgsIsHelpError as error:  # `qa`, `qa terms`: the help, as asked for
            error.show()
            sys.exit(EXIT_ERROR)
        except click.UsageError as error:
            sys.stderr.write(f"qa: error: {_usage_message(error)}\n")
            sys.exit(EXIT_ERROR)
        except click.ClickException as error:
            sys.stderr.write(f"qa: error: {error.format_message()}\n")
            sys.exit(EXIT_ERROR)
        except click.exceptions.Exit as error:
            sys.exit(error.exit_code)
        except click.Abort:
            raise KeyboardInterrupt from None
    except KeyboardInterrupt:
        sys.stderr.write("qa: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_ERROR)
    except Exception as error:  # a bug in qa, not in the input: one line, and the traceback on request
        if os.environ.get("QA_DEBUG"):
            raise
        name = type(error).__qualname__
        sys.stderr.write(
            f"qa: internal error: {name}: {error}\n"
            "qa: this is a bug in qa; QA_DEBUG=1 shows the traceback to report with the input\n"
        )
        sys.exit(EXIT_INTERNAL)
    sys.exit(EXIT_OK)
