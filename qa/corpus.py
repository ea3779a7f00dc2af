"""``qa corpus check`` and ``qa corpus filter``: a corpus's pairs checked on Dask workers.

The client (this process) reads each input file a partition at a time (``qa.readers.stream.PairStream``,
``partition_pairs`` pairs), sends the partitions to the workers of a Dask cluster, and takes their
results back in input order, so its memory is bounded by the partitions in flight (``_IN_FLIGHT`` a
worker), whatever the corpus's size. The workers need no access to the input files: the pairs travel
with the task. The engine is pickled once to every worker (``Client.scatter(broadcast=True)``); a worker
keeps it, and the caches its rules fill, from partition to partition. A worker that dies mid-run is
survived: the scheduler gives its partitions to another worker (Dask's own retry), and the result is
the same.

A partition is checked as ``qa check`` checks a chunk of a streamed file (``qa/streaming.py``): every
pair rule, the ``finish`` of the rules that look at one partition at a time (ALN001/ALN002, FN002-FN004),
and FN001's footnote markers gathered from every partition and checked on the client at the end of the
file (``check`` only: ``filter`` decides pair by pair and leaves FN001 out). Fingerprints count the
occurrences of one finding across partitions, as in one run: each worker says how often each finding
identity occurred in its partition, the client adds the counts of the partitions before it, and only a
finding whose identity was already seen has its fingerprint made again. Rules that compare pairs across
the whole corpus are not run (``NOT_RUN``): CON001/CON002 (consistency) and TERM004 (a glossary term's
renderings). Per-file ignores apply; baselines and inline ``qa: ignore`` notes (which line formats do
not hold) do not.

``check`` writes the findings as Parquet (``findings.parquet/file=<input>/part-00000.parquet``, one part
a partition, hive-partitioned by input file), one row a finding with the JSON report's fields flattened
(``FIELDS``); ``filter`` writes the pairs with no finding at or above ``--fail-on`` to ``--keep`` and the
others, with their rule codes, to ``--reject``, in input order (TSV or JSON Lines, plain, gzip or zstd,
chosen by the file's name).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import time
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from qa.model import Document, Finding, Pair, fingerprint, severity_rank

#: Pairs in one partition (one task): large enough that a task's overhead (~1 ms) is lost in its
#: ~2 s of checking, small enough that the partitions in flight stay a few MB.
PARTITION_PAIRS = 20_000
#: Partitions sent ahead of the one the client waits for, per worker.
_IN_FLIGHT = 2
#: Rules that compare pairs across the whole corpus: not run in corpus mode.
NOT_RUN = {
    "CON001": "consistency of a segment's translations across the corpus",
    "CON002": "consistency of a translation's sources across the corpus",
    "TERM004": "consistency of a glossary term's rendering across the corpus",
}
#: ``qa corpus filter`` decides pair by pair: FN001 (markers checked over the whole file) is left out.
NOT_RUN_IN_FILTER = {"FN001": "footnote markers checked against the whole file's markers"}
#: The columns of the findings' Parquet files: the JSON report's fields, flattened.
FIELDS = (
    "code", "name", "severity", "message", "suggestion", "path", "line", "column", "end_line", "end_column",
    "fingerprint", "side", "start", "end", "text", "before", "after", "zh", "en", "other", "related",
)
OUTPUT_SUFFIXES = (".tsv", ".tsv.gz", ".tsv.zst", ".jsonl", ".jsonl.gz", ".jsonl.zst")


class CorpusError(Exception):
    """A corpus run that cannot go on (no cluster, a worker's error); the CLI prints it."""


# -- on the workers ---------------------------------------------------------------------------------


class _RecordingCounter(dict):
    """The engine's occurrence counter (``Engine._finding``: ``seen.get(identity)``, then
    ``seen[identity] = occurrence + 1``), remembering the last identity it counted."""

    last: tuple = ()

    def __setitem__(self, identity, value) -> None:
        dict.__setitem__(self, identity, value)
        self.last = (identity, value - 1)


def identity_digest(identity: tuple) -> bytes:
    """A finding identity (code, zh, en, key) as 8 bytes, the same in every process (``hash`` is not)."""
    return hashlib.blake2b("\x1f".join(identity).encode("utf-8", "surrogatepass"), digest_size=8).digest()


@dataclass
class PartitionResult:
    """What a worker sends back for one partition."""

    findings: list[Finding]
    #: For each finding: its identity's digest, its key, its occurrence in the partition.
    identities: list[tuple[bytes, str, int]]
    #: How often each identity occurred in the partition (suppressed findings included).
    counts: dict[bytes, int]
    #: The pairs with footnote markers (FN001 runs over them at the end of the file).
    marked: list[Pair] = field(default_factory=list)


def check_partition(engine, name: str, payload: bytes, want_marked: bool) -> PartitionResult:
    """Run on a worker: one partition's findings, sorted, with what the client needs to number them.
    ``payload`` is the partition's pairs and unpaired runs, pickled by the client: one bytes object is
    sent as it is, where a list of 20,000 pairs would be walked and pickled again by Dask."""
    import pickle

    from qa.engine import Engine
    from qa.lang.markers.notes import document_markers
    from qa.rules import Rule

    instances = engine.instances()
    finishing = [rule for rule in instances if type(rule).finish is not Rule.finish and rule.code != "FN001"]
    seen = _RecordingCounter()
    recorded: dict[int, tuple] = {}
    base = Engine._finding

    def recording(rule, hit, document, pair, counter):
        finding = base(engine, rule, hit, document, pair, counter)
        recorded[id(finding)] = counter.last
        return finding

    pairs, unpaired = pickle.loads(payload)
    engine._finding = recording
    try:
        document = Document(name, tuple(pairs), (), tuple(unpaired), None, 0)
        findings = engine.check(document, None, jobs=1, seen=seen, finishing=finishing)
    finally:
        del engine._finding
    identities = []
    for finding in findings:
        identity, occurrence = recorded[id(finding)]
        identities.append((identity_digest(identity), identity[3], occurrence))
    counts = {identity_digest(identity): count for identity, count in seen.items()}
    marked: list[Pair] = []
    if want_marked:
        placed = document_markers(document)
        marked = list({id(item.pair): item.pair for item in placed if item.pair is not None}.values())
    return PartitionResult(findings, identities, counts, marked)


# -- the cluster ------------------------------------------------------------------------------------


def _quiet_dask() -> None:
    """Dask's own log lines (a worker's start, a lost worker) stay out of the user's terminal."""
    import logging

    for name in ("distributed", "distributed.worker", "distributed.scheduler", "distributed.nanny",
                 "distributed.core", "distributed.comm", "distributed.http", "tornado"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def connect(scheduler: str | None, workers: int | None):
    """A Dask client: on ``scheduler`` if given, else on a local cluster of ``workers`` processes (one
    per core by default), one thread each; the cluster (or None) to close after."""
    try:
        import dask  # noqa: F401
        from distributed import Client, LocalCluster
    except ImportError as error:  # pragma: no cover - dask is a dependency
        raise CorpusError(f"qa corpus needs Dask ({error}); install qa with its dependencies") from None
    _quiet_dask()
    if scheduler is not None:
        try:
            return Client(scheduler, timeout="20s"), None
        except (OSError, TimeoutError) as error:
            raise CorpusError(f"could not reach the Dask scheduler at {scheduler} ({error})") from None
    from qa.parallel import available_cores

    count = workers or available_cores()
    cluster = LocalCluster(
        n_workers=count, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=50,
        memory_limit=0,
    )
    return Client(cluster), cluster


# -- on the client ----------------------------------------------------------------------------------


@dataclass
class Tally:
    pairs: int = 0
    findings: int = 0
    kept: int = 0
    rejected: int = 0
    by_rule: Counter = field(default_factory=Counter)
    by_severity: Counter = field(default_factory=Counter)
    seconds: float = 0.0


class _Numbering:
    """Occurrence counts across a file's partitions, so fingerprints are those of one run."""

    def __init__(self) -> None:
        self.counts: dict[bytes, int] = {}

    def apply(self, result: PartitionResult) -> list[Finding]:
        counts = self.counts
        findings = result.findings
        for finding, (digest, key, occurrence) in zip(findings, result.identities, strict=True):
            before = counts.get(digest, 0)
            if before:
                evidence = finding.evidence
                finding.__dict__["fingerprint"] = fingerprint(
                    finding.code, evidence.zh, evidence.en, key, before + occurrence
                )
        for digest, count in result.counts.items():
            counts[digest] = counts.get(digest, 0) + count
        return findings


def _record(finding: Finding, rules) -> dict[str, Any]:
    """A finding as a Parquet row: the JSON report's record (``json_report``), flattened."""
    from qa.report.json_report import _where_and_what, context, other_span, related_record

    evidence = finding.evidence
    before, after = context(finding)
    other = other_span(finding)
    record = _where_and_what(finding, rules)
    record.update(
        side=evidence.side, start=evidence.start, end=evidence.end, text=evidence.text, before=before, after=after,
        zh=evidence.zh, en=evidence.en,
        other=json.dumps(other, ensure_ascii=False) if other is not None else None,
        related=json.dumps([related_record(item, rules) for item in finding.related], ensure_ascii=False)
        if finding.related else None,
    )
    return record


def _schema():
    import pyarrow as pa

    text, number = pa.string(), pa.int64()
    numbers = {"line", "column", "end_line", "end_column", "start", "end"}
    return pa.schema([(name, number if name in numbers else text) for name in FIELDS])


class ParquetFindings:
    """``findings.parquet/file=<input>/part-NNNNN.parquet``: one part per partition with findings."""

    def __init__(self, folder: Path, rules) -> None:
        self.folder, self.rules = folder, rules
        self.parts: Counter[str] = Counter()
        self.schema = _schema()

    def start(self) -> None:
        import shutil

        if self.folder.exists():
            if not self.folder.is_dir() or (any(self.folder.iterdir()) and not (self.folder / "_qa").exists()):
                raise CorpusError(
                    f"{self.folder} exists and is not a findings folder qa wrote; choose another --output"
                )
            shutil.rmtree(self.folder)
        self.folder.mkdir(parents=True)
        (self.folder / "_qa").write_text("written by qa corpus check\n", encoding="utf-8")

    def write(self, name: str, findings: Sequence[Finding]) -> None:
        if not findings:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        folder = self.folder / f"file={quote(name, safe='')}"
        folder.mkdir(exist_ok=True)
        table = pa.Table.from_pylist([_record(finding, self.rules) for finding in findings], schema=self.schema)
        pq.write_table(table, folder / f"part-{self.parts[name]:05d}.parquet")
        self.parts[name] += 1


def _open_output(path: Path):
    name = path.name.lower()
    if name.endswith(".gz"):
        return gzip.open(path, "wt", encoding="utf-8", newline="", compresslevel=6)
    if name.endswith(".zst"):
        import zstandard

        raw = open(path, "wb")
        return io.TextIOWrapper(zstandard.ZstdCompressor().stream_writer(raw), encoding="utf-8", newline="")
    return open(path, "w", encoding="utf-8", newline="")


def check_output_path(path: Path, option: str) -> None:
    if not path.name.lower().endswith(OUTPUT_SUFFIXES):
        raise CorpusError(f"{option}: {path.name} is not a corpus file name ({', '.join(OUTPUT_SUFFIXES)})")
    if path.is_dir():
        raise CorpusError(f"{option}: {path} is a directory")
    if path.exists() and not path.is_file():
        raise CorpusError(f"{option}: {path} is not a regular file")


class PairWriter:
    """Pairs written as ``zh<TAB>en[<TAB>codes]`` or JSON Lines ``{"zh", "en"[, "codes"]}``."""

    def __init__(self, path: Path, codes: bool) -> None:
        self.path, self.codes = path, codes
        self.json = ".jsonl" in path.name.lower()
        self.stream = _open_output(path)

    def write(self, pair: Pair, codes: Sequence[str]) -> None:
        zh, en = pair.zh.text, pair.en.text
        if self.json:
            record: dict[str, Any] = {"zh": zh, "en": en}
            if self.codes:
                record["codes"] = list(codes)
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            zh, en = (text.replace("\t", " ").replace("\r", " ").replace("\n", " ") for text in (zh, en))
            self.stream.write(f"{zh}\t{en}\t{','.join(codes)}\n" if self.codes else f"{zh}\t{en}\n")

    def close(self) -> None:
        self.stream.close()


class _Sink:
    """Where a file's partition results go, in input order: numbered, per-file ignores applied, sorted
    into kept and rejected pairs (filter), folded, counted and written as Parquet (check)."""

    def __init__(self, name: str, *, tally: Tally, ignores, parquet, keep, reject, threshold: int,
                 show_all: bool, progress, task) -> None:
        self.name, self.tally, self.ignores, self.parquet = name, tally, ignores, parquet
        self.keep, self.reject, self.threshold, self.show_all = keep, reject, threshold, show_all
        self.progress, self.task = progress, task
        self.filtering = keep is not None or reject is not None
        self.numbering = _Numbering()
        self.marked: list[Pair] = []

    def settle(self, future, partition: Sequence[Pair]) -> None:
        try:
            result = future.result()
        except Exception as error:  # a worker's error: name the partition, not a traceback
            first = partition[0].zh.lines[0] if partition else 0
            raise CorpusError(
                f"{self.name}: the partition from line {first} failed on a worker: {type(error).__name__}: {error}"
            ) from None
        findings = self.numbering.apply(result)
        self.marked.extend(result.marked)
        if self.ignores is not None:
            findings = self.ignores.apply(findings)
        if self.filtering:
            self._split(findings, partition)
        self.count(findings, len(partition))

    def _split(self, findings: Sequence[Finding], partition: Sequence[Pair]) -> None:
        flagged: dict[int, list[str]] = {}
        for finding in findings:
            if severity_rank(finding.severity) <= self.threshold:
                codes = flagged.setdefault(finding.evidence.pair, [])
                if finding.code not in codes:
                    codes.append(finding.code)
        tally = self.tally
        for pair in partition:
            codes = flagged.get(pair.index)
            if codes is None:
                tally.kept += 1
                if self.keep is not None:
                    self.keep.write(pair, ())
            else:
                tally.rejected += 1
                if self.reject is not None:
                    self.reject.write(pair, sorted(codes))

    def count(self, findings: list[Finding], pairs: int) -> None:
        if not self.show_all:
            from qa.fold import fold

            findings = fold(findings)
        tally = self.tally
        tally.pairs += pairs
        tally.findings += len(findings)
        for finding in findings:
            tally.by_rule[finding.code] += 1
            tally.by_severity[finding.severity] += 1
        if self.parquet is not None:
            self.parquet.write(self.name, findings)
        if self.progress is not None and pairs:
            self.progress.advance(self.task, pairs)

    def finish(self, engine) -> None:
        """FN001 over the file's marked pairs, at its end."""
        if not self.marked:
            return
        document = Document(self.name, tuple(self.marked))
        marker_rule = next(rule for rule in engine.instances() if rule.code == "FN001")
        late = sorted(engine.finish_findings(document, [marker_rule], Counter()), key=Finding.sort_key)
        if self.ignores is not None:
            late = self.ignores.apply(late)
        self.count(late, 0)


def run_corpus(
    engine,
    files: Sequence[Path],
    *,
    config,
    output: Path | None = None,
    keep: Path | None = None,
    reject: Path | None = None,
    fail_on: str = "warning",
    scheduler: str | None = None,
    workers: int | None = None,
    partition_pairs: int = PARTITION_PAIRS,
    show_all: bool = False,
    progress=None,
    read: dict | None = None,
    client=None,
) -> Tally:
    """Check (``output``) or filter (``keep``/``reject``) the corpus files on a Dask cluster: ``client``'s,
    else ``scheduler``'s, else a local cluster of ``workers`` processes started for the run."""
    import pickle

    from qa.readers.stream import PairStream

    filtering = keep is not None or reject is not None
    threshold = severity_rank(fail_on) if fail_on != "never" else -1
    ignores = None
    if config.per_file_ignores:
        from qa.ignores import PerFileIgnores
        from qa.rules import all_rules

        ignores = PerFileIgnores.from_config(config, all_rules())
    parquet = ParquetFindings(output, engine.rules) if output is not None else None
    tally = Tally()
    own_client = client is None
    cluster = None
    if own_client:
        client, cluster = connect(scheduler, workers)
    writers: list[PairWriter] = []
    started = time.perf_counter()
    try:
        if parquet is not None:
            parquet.start()
        keep_writer = PairWriter(keep, codes=False) if keep is not None else None
        reject_writer = PairWriter(reject, codes=True) if reject is not None else None
        writers = [writer for writer in (keep_writer, reject_writer) if writer is not None]
        shared = client.scatter(engine, broadcast=True)
        want_marked = not filtering and "FN001" in engine.rules
        ahead = _IN_FLIGHT * max(1, len(client.scheduler_info().get("workers", {})))
        task = progress.add_task("checking pairs", total=None) if progress is not None else None
        for path in files:
            stream = PairStream(path, chunk_pairs=partition_pairs, **(read or {}))
            sink = _Sink(stream.name, tally=tally, ignores=ignores, parquet=parquet, keep=keep_writer,
                         reject=reject_writer, threshold=threshold, show_all=show_all, progress=progress, task=task)
            pending: deque = deque()
            for chunk in stream:
                if not chunk.pairs and not chunk.unpaired:
                    continue
                payload = pickle.dumps((chunk.pairs, chunk.unpaired), protocol=pickle.HIGHEST_PROTOCOL)
                future = client.submit(check_partition, shared, stream.name, payload, want_marked, pure=False)
                pending.append((future, chunk.pairs))
                while len(pending) > ahead:
                    sink.settle(*pending.popleft())
            while pending:
                sink.settle(*pending.popleft())
            sink.finish(engine)
    finally:
        for writer in writers:
            writer.close()
        if own_client:
            client.close()
            if cluster is not None:
                cluster.close()
    tally.seconds = time.perf_counter() - started
    return tally


def summary_lines(tally: Tally, *, filtering: bool, files: int) -> list[str]:
    from qa.report import plural

    seconds = tally.seconds or 1e-9
    lines = [
        f"qa corpus: {tally.pairs:,} pairs from {plural(files, 'file')} in {seconds:.1f} s "
        f"({tally.pairs / seconds:,.0f} pairs/s)",
        f"findings: {tally.findings:,} ("
        + ", ".join(f"{tally.by_severity.get(level, 0):,} {level}" for level in ("error", "warning", "note"))
        + ")",
    ]
    if tally.by_rule:
        lines.append("by rule: " + ", ".join(f"{code} {count:,}" for code, count in sorted(tally.by_rule.items())))
    if filtering:
        lines.append(f"kept {tally.kept:,} pairs, rejected {tally.rejected:,}")
    return lines


def not_run(engine_rules, *, filtering: bool) -> dict[str, str]:
    """The rules corpus mode leaves out, of those that would run, with why."""
    left = {**NOT_RUN, **(NOT_RUN_IN_FILTER if filtering else {})}
    return {code: why for code, why in left.items() if code in engine_rules}


__all__ = [
    "FIELDS", "NOT_RUN", "NOT_RUN_IN_FILTER", "PARTITION_PAIRS", "CorpusError", "Tally", "check_partition",
    "connect", "run_corpus", "summary_lines",
]
