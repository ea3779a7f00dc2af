"""``qa check`` on corpus files a chunk at a time, in bounded memory (issue 19, part 1).

A ``.tsv``, ``.tsv.gz``, ``.tsv.zst``, ``.jsonl[.gz|.zst]`` or ``.parquet`` file is read
``CHUNK_PAIRS`` pairs at a time (qa/readers/stream.py), and each chunk is checked as a Document of
its own by the engine, which keeps counting the findings' occurrences across chunks (their
fingerprints). A chunk's findings are sorted and written to a temporary spool file; nothing of a
chunk stays in memory once the next is read. What the report needs is then read back from the
spools: the output is the same, byte for byte, as when the file is read whole.

Document-level rules (``finish``) keep only what they need:

- ALN001, ALN002 (unpaired lines) and FN002-FN004 (footnotes against the notes, which these
  formats never have) look at one chunk at a time: their findings are the same.
- FN001 (a marker on one side only, once the other language has markers somewhere) spools the
  pairs that carry footnote markers to a temporary file, notes which languages show markers, and
  runs at the end on the spooled pairs, a batch at a time, with those languages.
- CON001 and CON002 (the same segment translated differently) write, per pair, a 64-bit hash of its
  normalised segment and of its translation's normalised form into a temporary SQLite database
  (``Store``), which groups them at the end to find the segments translated in more than one way;
  the file is then read again, twice: once to describe those segments' variants (lines and texts,
  into the database too), once to point at the pairs that use a less common one.
- The findings' occurrence counts (for their fingerprints) and the JSON report's pair numbers are
  kept by hash in a ``SpillingMap``: a dict of at most ``_IN_MEMORY`` entries that moves into the
  database when it fills. Memory is the same for a file of 200,000 pairs as for one of millions.
- TERM004 with a glossary keeps every pair until the end, and CON001/CON002 with ``scope = "run"``
  compare files with each other: such runs read their files whole, as do ``--fix``, ``--diff``,
  ``--since``, ``qa baseline``, the github and html formats, and a run that mixes in other formats.

Findings come out sorted as today: a chunk's per-pair findings are in line order, and the
findings of the end (FN001, CON001, CON002) are merged in by line. The per-file ignores, the
baseline (``qa.baseline.BaselineMatcher``) and folding (``qa.fold``: what explains a finding is on
its line) are applied to the sorted stream; the JSON report numbers the pairs' texts through a
spool file too, SARIF is written a result at a time (the most severe 25,000, as ever), and the table shows
the first ``TABLE_LIMIT`` findings and says how many it leaves out.
"""

from __future__ import annotations

import heapq
import pickle
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from itertools import groupby, islice
from pathlib import Path
from typing import TextIO

from qa.model import SEVERITIES, Document, Finding, Hit, Pair, severity_rank
from qa.readers.stream import PairStream, stream_suffix
from qa.report import Summary
from qa.report.json_report import PairNumbers, _pair_line

#: Pairs read and checked at a time.
CHUNK_PAIRS = 10_000
#: Findings the table shows of a corpus; the summary line still counts all of them.
TABLE_LIMIT = 10_000
#: Output formats written from the spools; the others read their files whole.
FORMATS = ("json", "sarif", "table")
#: Rules whose ``finish`` sees one chunk at a time with the same findings (these formats have no notes).
_CHUNK_FINISH = frozenset({"ALN001", "ALN002", "FN002", "FN003", "FN004"})
#: Input larger than this read whole says so on stderr (memory grows with it).
_LARGE_BYTES = 64 << 20
#: Entries of a SpillingMap kept in memory (about 100 bytes each), and SQLite's page cache (KB).
_IN_MEMORY = 100_000
_CACHE_KB = 8192


class Store:
    """A temporary SQLite database on disk, for the state of a file that grows with its size (counts per
    finding, pair numbers, consistency groups): SQLite keeps a few megabytes of its pages in memory and
    the rest in the file, and sorts and groups there too."""

    def __init__(self) -> None:
        self._db = None  # opened on first use: no CON rule and no map past _IN_MEMORY entries, no database
        self._folder: tempfile.TemporaryDirectory | None = None
        self._tables = 0

    @property
    def db(self):
        if self._db is None:
            import sqlite3

            self._folder = tempfile.TemporaryDirectory(prefix="qa-state-")
            self._db = sqlite3.connect(Path(self._folder.name) / "state.sqlite", isolation_level=None)
            pragmas = ("journal_mode = OFF", "synchronous = OFF", "temp_store = FILE", f"cache_size = -{_CACHE_KB}")
            for pragma in pragmas:
                self._db.execute(f"PRAGMA {pragma}")
            self._db.execute("BEGIN")  # one transaction: nothing here outlives the run
        return self._db

    def table(self, columns: str) -> str:
        """A new table's name, made with ``columns``."""
        self._tables += 1
        name = f"t{self._tables}"
        self.db.execute(f"CREATE TABLE {name} ({columns})")
        return name

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._folder.cleanup()
            self._db = self._folder = None


class SpillingMap:
    """A map of 64-bit hashes to integers: a dict of at most ``_IN_MEMORY`` entries, written to a
    ``Store`` table whenever it fills (the newest value of a key is in the dict, else in the table)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.recent: dict[int, int] = {}
        self._table = ""

    def get(self, key: int, default: int = -1) -> int:
        value = self.recent.get(key)
        if value is not None:
            return value
        if self._table:
            row = self.store.db.execute(f"SELECT value FROM {self._table} WHERE key = ?", (key,)).fetchone()
            if row is not None:
                return row[0]
        return default

    def __setitem__(self, key: int, value: int) -> None:
        recent = self.recent
        recent[key] = value
        if len(recent) >= _IN_MEMORY:
            if not self._table:
                self._table = self.store.table("key INTEGER PRIMARY KEY, value INTEGER")
            self.store.db.executemany(
                f"INSERT INTO {self._table} VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                recent.items(),
            )
            recent.clear()


class HashedCounter:
    """The engine's count of findings per identity (code, zh text, en text, key), kept by the identity's
    64-bit hash rather than its texts (a chunk's texts are not kept alive by the counts), in a
    ``SpillingMap``: a file of millions of distinct findings keeps their counts on disk."""

    def __init__(self, store: Store) -> None:
        self._counts = SpillingMap(store)

    def get(self, identity, default=None):
        count = self._counts.get(hash(identity))
        return default if count < 0 else count

    def __setitem__(self, identity, value) -> None:
        self._counts[hash(identity)] = value


class Spool:
    """Findings (or pairs) written to a temporary file in batches, read back in the same order."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="qa-spool-")
        self.count = 0

    def write(self, findings: Sequence[Finding]) -> None:
        if findings:
            pickle.dump(list(findings), self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self.count += len(findings)

    def batches(self) -> Iterator[list]:
        """The batches as written."""
        self._file.flush()
        self._file.seek(0)
        load = pickle.load
        while True:
            try:
                yield load(self._file)
            except EOFError:
                return

    def __iter__(self) -> Iterator[Finding]:
        for batch in self.batches():
            yield from batch

    def close(self) -> None:
        self._file.close()


class SpooledPairNumbers(PairNumbers):
    """``PairNumbers`` whose texts go to a temporary file as the JSON lines of ``pairs`` as soon as they
    are numbered; the numbers are kept by a 64-bit hash of each pair's texts, in a ``SpillingMap``."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._hashes = SpillingMap(store)
        self._count = 0
        self._file = tempfile.TemporaryFile("w+", encoding="utf-8", prefix="qa-pairs-")

    def of(self, finding: Finding) -> int:
        evidence = finding.evidence
        last = self._last
        if last is not None and last[0] is evidence.zh and last[1] is evidence.en:
            return last[2]
        key = hash((evidence.zh, evidence.en))
        number = self._hashes.get(key, -1)
        if number < 0:
            number = self._hashes[key] = self._count
            self._file.write(_pair_line(evidence.zh, evidence.en) + "\n")
            self._count += 1
        self._last = (evidence.zh, evidence.en, number)
        return number

    def write_lines(self, stream: TextIO, separator: str) -> int:
        self._file.flush()
        self._file.seek(0)
        for number, line in enumerate(self._file):
            stream.write(("\n    " if number == 0 else separator) + line[:-1])
        self._file.close()
        return self._count


def fallback_reason(
    engine, files: Sequence[Path], *, output_format: str, fix: bool, diff: bool, since: str | None, aligned, record
) -> str | None:
    """Why these files are read whole rather than a chunk at a time (None: they stream)."""
    if not files or any(stream_suffix(file) is None for file in files):
        return "the run mixes in other formats"
    if fix or diff:
        return "--fix and --diff rewrite the file"
    if since is not None:
        return "--since"
    if aligned is not None:
        return "--zh/--en"
    if record:
        return "qa baseline records every finding"
    if output_format not in FORMATS:
        return f"--format {output_format}"
    from qa.rules import Rule
    from qa.rules.con001 import ConsistencyRule

    for rule in engine.instances():
        code = rule.code
        builtin = type(rule).__module__.startswith("qa.rules.")
        if type(rule).finish_run is not Rule.finish_run and not (
            builtin and isinstance(rule, ConsistencyRule) and rule.scope == "document"
        ):
            return f"{code} compares the files of the run with each other"
        if type(rule).finish is Rule.finish:
            continue
        if builtin and (code in _CHUNK_FINISH or code == "FN001" or isinstance(rule, ConsistencyRule)):
            continue
        if builtin and code == "TERM004":
            if getattr(rule, "glossary", None):
                return "TERM004 with a glossary keeps every pair until the end of the file"
            continue
        return f"{code} checks whole documents"
    return None


def say_fallback(reason: str, files: Sequence[Path]) -> None:
    """A note when large input is read whole: memory then grows with it."""
    size = 0
    for file in files:
        try:
            size += file.stat().st_size
        except OSError:
            pass
    if size >= _LARGE_BYTES and any(stream_suffix(file) is not None for file in files):
        sys.stderr.write(f"qa: note: reading the files whole, not a chunk at a time ({reason})\n")


# -- worker processes -------------------------------------------------------------------------------

#: What a forked worker inherits: the pure rules, the observing rules and a cache of their results.
_worker_rules: tuple[list, list, dict] | None = None
#: Results a worker remembers by pair text (corpora repeat pairs), cleared when it reaches this size.
_WORKER_CACHE = 20_000


class Workers:
    """``qa.parallel``'s worker processes, started once for a whole file rather than once per chunk:
    each chunk's pairs are sent to them (they cannot inherit pairs read after the fork), and what
    they learn (the extractors' caches, the results of repeated pairs) serves every later chunk.
    ``pure_hits`` stands in for ``Engine._pure_hits`` while the file is checked."""

    def __init__(self, engine, workers: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from qa.parallel import _worker_started
        from qa.rules import Rule

        global _worker_rules
        pair_rules = [rule for rule in engine.instances() if type(rule).check is not Rule.check]
        self.rules = [rule for rule in pair_rules if rule.pure]
        self.observers = [rule for rule in pair_rules if not rule.pure and rule.observes]
        for rule in (*self.rules, *self.observers):
            rule.prepare()  # loaded once here, shared by the forked workers
        self.workers = workers
        _worker_rules = (self.rules, self.observers, {})
        context = multiprocessing.get_context("fork")
        # the workers fork at the first chunk sent to them (and after a worker's death): until close()
        self.pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_started)

    def pure_hits(self, pairs, pure_rules, observers, jobs):
        """``Engine._pure_hits`` from the workers: runs of the chunk's pairs with their hits."""
        from concurrent.futures.process import BrokenProcessPool

        from qa.parallel import WorkerError, _unpack, chunks

        assert list(pure_rules) == self.rules and list(observers) == self.observers
        runs = chunks(len(pairs), self.workers)
        try:
            results = self.pool.map(_check_pairs, [pairs[start:end] for start, end in runs])
            for run, (packed, observed) in zip(runs, results, strict=True):
                yield run, _unpack(packed, self.rules), observed
        except BrokenProcessPool:
            raise WorkerError(
                "a worker process checking pairs ended unexpectedly (out of memory?); try --jobs 1"
            ) from None

    def close(self, finished: bool) -> None:
        global _worker_rules
        _worker_rules = None
        if finished:
            self.pool.shutdown()
            return
        self.pool.shutdown(wait=False, cancel_futures=True)  # Ctrl-C or an error: nobody reads the rest
        for process in list((getattr(self.pool, "_processes", None) or {}).values()):
            process.terminate()


def _check_pairs(pairs: Sequence[Pair]) -> tuple[list, list]:
    """In a worker: ``qa.parallel._check_run`` on pairs sent to it."""
    from qa.parallel import pure_results

    assert _worker_rules is not None
    rules, observers, known = _worker_rules
    if len(known) > _WORKER_CACHE:
        known.clear()
    return pure_results(pairs, rules, observers, known)


# -- one file ---------------------------------------------------------------------------------------


class _Stub:
    """Stands in ``describe`` for a pair of a variant: its line, and for the first the text it shows."""

    __slots__ = ("lines", "source", "target", "text")

    def __init__(self, line: int, text: str, source: str, target: str) -> None:
        self.lines, self.text, self.source, self.target = (line,), text, source, target

    def side(self, side: str) -> _Stub:
        return self

    def shown(self) -> str:
        return self.text


class _Consistency:
    """CON001 or CON002 over a file read a chunk at a time, with the groups and variants of
    ``qa.rules.con001.variants_by`` as 64-bit hashes in a ``Store``: every pair's (group, variant) in the
    first reading (``observe``), grouped there to find the groups the rule reports (``settle``); the
    uses of those groups' variants in a second (``describe``), read back a group at a time to word
    their messages (``messages``); the pairs using a less common variant found in a third (``hits``)."""

    def __init__(self, rule, store: Store) -> None:
        from qa.rules.con001 import _source, _target

        self.rule = rule
        self.group, self.other = (_source, _target) if rule.grouped_by == "source" else (_target, _source)
        self.mask = rule.mask_numbers
        self.store = store
        self.places = store.table("grouped INTEGER, variant INTEGER")
        self.reported = ""  # the table of the groups the rule reports, once settled
        self.uses = self.texts = self.shown = self.messages_table = ""
        self._used = 0  # uses described so far: their order
        self._keys: dict[tuple[str, str], str] = {}

    def _key(self, text: str, side: str) -> str:
        keys = self._keys
        key = keys.get((side, text))
        if key is None:
            from qa.lang.consistency import segment_key

            if len(keys) > 50_000:  # a cache, not a record: corpora repeat their sources
                keys.clear()
            key = keys[side, text] = segment_key(text, side, mask_numbers=self.mask)
        return key

    def _place(self, pair: Pair) -> tuple[int, int] | None:
        """The hashes of the pair's group and of its variant (0: an empty translation), or None."""
        side = self.group(pair)
        key = self._key(pair.side(side).text, side)
        if not key:  # no words (a number, a placeholder): nothing to be consistent about
            return None
        other = self.other(pair)
        variant = self._key(pair.side(other).text, other)
        return hash(f"{pair.context}\x04{key}" if pair.context else key), (hash(variant) or 1) if variant else 0

    def observe(self, pairs: Iterable[Pair]) -> None:
        places = [place for place in map(self._place, pairs) if place is not None]
        self.store.db.executemany(f"INSERT INTO {self.places} VALUES (?, ?)", places)

    def settle(self) -> bool:
        """Keep the groups the rule reports (used in more than one way, and not a set of alternatives);
        whether there is any."""
        from qa.rules.con001 import _alternatives

        db = self.store.db
        db.create_function("alternatives", 2, _alternatives, deterministic=True)
        self.reported = self.store.table("grouped INTEGER PRIMARY KEY")
        db.execute(
            f"INSERT INTO {self.reported} SELECT grouped FROM {self.places} GROUP BY grouped "
            "HAVING COUNT(DISTINCT NULLIF(variant, 0)) > 1 "
            "AND NOT alternatives(COUNT(*), COUNT(DISTINCT NULLIF(variant, 0)))"
        )
        db.execute(f"DELETE FROM {self.places}")
        return db.execute(f"SELECT 1 FROM {self.reported} LIMIT 1").fetchone() is not None

    def _reported_in(self, pairs: Sequence[Pair], table: str, columns: str) -> list[tuple]:
        """The pairs of the chunk whose group ``table`` holds, with a variant: (index in ``pairs``,
        variant, ``columns`` of the table's row)."""
        db = self.store.db
        db.execute(f"DELETE FROM {self.places}")
        placed = {}
        rows = []
        for index, pair in enumerate(pairs):
            place = self._place(pair)
            if place is not None and place[1]:
                placed[index] = place
                rows.append(place)
        db.executemany(f"INSERT INTO {self.places} (rowid, grouped, variant) VALUES (?, ?, ?)",
                       [(index, *place) for index, place in placed.items()])
        return db.execute(
            f"SELECT p.rowid, p.variant, {columns} FROM {self.places} p JOIN {table} r ON r.grouped = p.grouped "
            "ORDER BY p.rowid"
        ).fetchall()

    def describe(self, pairs: Sequence[Pair]) -> None:
        """Second reading: each use of a reported group's variant, in order (its group, variant and line),
        the text the first use of each variant shows (elided as the message quotes it), and the group's
        text and direction from its first use."""
        from qa.model import elide

        store = self.store
        if not self.uses:
            self.uses = store.table("grouped INTEGER, variant INTEGER, line INTEGER")
            self.texts = store.table("grouped INTEGER PRIMARY KEY, text TEXT, source TEXT, target TEXT")
            self.shown = store.table("grouped INTEGER, variant INTEGER, text TEXT, PRIMARY KEY (grouped, variant)")
        db = store.db
        uses, texts, shown = [], [], []
        for index, variant, group in self._reported_in(pairs, self.reported, "r.grouped"):
            pair = pairs[index]
            other = pair.side(self.other(pair))
            uses.append((group, variant, other.lines[0]))
            texts.append((group, pair.side(self.group(pair)).shown().strip(), pair.source, pair.target))
            shown.append((group, variant, elide(other.shown().strip())))
        db.executemany(f"INSERT INTO {self.uses} VALUES (?, ?, ?)", uses)
        db.executemany(f"INSERT OR IGNORE INTO {self.texts} VALUES (?, ?, ?, ?)", texts)
        db.executemany(f"INSERT OR IGNORE INTO {self.shown} VALUES (?, ?, ?)", shown)

    def messages(self) -> None:
        """Each reported group's message and majority variant, as the rule words them, read a group at a
        time from the uses (in order: a group's variants in the order of their first use)."""
        from qa.rules.con001 import describe

        rule, db = self.rule, self.store.db
        self.messages_table = self.store.table("grouped INTEGER PRIMARY KEY, message TEXT, majority INTEGER")
        reader = db.cursor()
        reader.execute(f"SELECT grouped, variant, line FROM {self.uses} ORDER BY grouped, rowid")
        rows = []
        for group, uses in groupby(reader, key=lambda row: row[0]):
            variants: dict[int, list] = {}  # variant -> [count, its first five lines]
            for _, variant, line in uses:
                found = variants.get(variant)
                if found is None:
                    variants[variant] = [1, [line]]
                else:
                    found[0] += 1
                    if len(found[1]) < 5:
                        found[1].append(line)
            text, source, target = db.execute(
                f"SELECT text, source, target FROM {self.texts} WHERE grouped = ?", (group,)).fetchone()
            lists = []
            for variant, (count, lines) in variants.items():
                (shown,) = db.execute(
                    f"SELECT text FROM {self.shown} WHERE grouped = ? AND variant = ?", (group, variant)).fetchone()
                stubs = [_Stub(line, shown, source, target) for line in lines]
                lists.append([*stubs, *[stubs[-1]] * (count - len(lines))])
            message = rule.message(text, len(lists), describe(lists, self.other, None))
            majority = max(range(len(lists)), key=lambda index: (len(lists[index]), -index))
            rows.append((group, message, list(variants)[majority]))
            if len(rows) >= 1000:
                db.executemany(f"INSERT INTO {self.messages_table} VALUES (?, ?, ?)", rows)
                rows.clear()
        db.executemany(f"INSERT INTO {self.messages_table} VALUES (?, ?, ?)", rows)
        for table in (self.uses, self.texts, self.shown):
            db.execute(f"DELETE FROM {table}")

    def hits(self, pairs: Sequence[Pair]) -> Iterator[tuple[int, Hit]]:
        """Third reading: (index in ``pairs``, hit) of each pair using a less common variant than its
        group's majority (``ConsistencyRule._hits``)."""
        from qa.lang.consistency import segment_key

        rule, db = self.rule, self.store.db
        messages: dict[int, str] = {}  # read once a group: its findings share the one string
        for index, variant, group, majority in self._reported_in(pairs, self.messages_table, "r.grouped, r.majority"):
            if variant == majority:
                continue
            message = messages.get(group)
            if message is None:
                (message,) = db.execute(
                    f"SELECT message FROM {self.messages_table} WHERE grouped = ?", (group,)).fetchone()
                messages[group] = message
            pair = pairs[index]
            target = pair.side(pair.target).text
            keyed = pair.side(self.other(pair) if rule.grouped_by == "source" else pair.source)
            yield index, Hit(
                pair.target,
                len(target) - len(target.lstrip()),
                len(target.rstrip()),
                message,
                suggestion=rule.suggestion,
                key=segment_key(keyed.text, keyed.lang, mask_numbers=rule.mask_numbers),
                pair=pair,
            )


class FileCheck:
    """One corpus file checked a chunk at a time; ``findings()`` are its findings, sorted."""

    def __init__(self, engine, path: Path, *, jobs: int, chunk_pairs: int, advance=None, **read) -> None:
        self.engine, self.path, self.jobs, self.chunk_pairs, self.read = engine, path, jobs, chunk_pairs, read
        self.advance = advance  # told how many pairs were checked (a progress bar)
        self.name = ""
        self.spool = Spool()
        self.store = Store()  # what grows with the file: counts, consistency groups
        self.finished = Spool()  # the findings of the end that come in line order (CON001, CON002)
        self.late = Spool()  # the other findings of the end (FN001), in line order too
        self.pairs = 0

    def _stream(self) -> PairStream:
        return PairStream(self.path, chunk_pairs=self.chunk_pairs, **self.read)

    def run(self) -> None:
        """Read and check the file; raises InputError (NotBilingualError at the end) as the reader does."""
        from qa.lang.markers.notes import document_markers, has_notes_section
        from qa.parallel import AUTO_MIN_PAIRS, available_cores, can_fork
        from qa.rules import Rule
        from qa.rules.con001 import ConsistencyRule

        engine = self.engine
        instances = engine.instances()
        chunk_finish = [rule for rule in instances if type(rule).finish is not Rule.finish and rule.code not in (
            "FN001",) and not isinstance(rule, ConsistencyRule)]
        marker_rule = next((rule for rule in instances if rule.code == "FN001"), None)
        consistency = [_Consistency(rule, self.store) for rule in instances if isinstance(rule, ConsistencyRule)]
        seen = HashedCounter(self.store)
        marked = Spool()  # pairs with footnote markers, for FN001
        languages: set[str] = set()  # the languages whose markers show FN001 that they keep them
        stream = self._stream()
        self.name = stream.name
        # --jobs 0: every core for a file of AUTO_MIN_PAIRS pairs or more (on Linux), as for any file
        auto = self.jobs == 0 and sys.platform.startswith("linux") and can_fork()
        wanted = available_cores() if auto else self.jobs if self.jobs > 1 and can_fork() else 1
        workers: Workers | None = None
        finished = False
        try:
            for chunk in stream:
                document = Document(stream.name, tuple(chunk.pairs), (), tuple(chunk.unpaired), None, 0)
                if workers is None and wanted > 1 and (not auto or self.pairs + len(chunk.pairs) >= AUTO_MIN_PAIRS):
                    workers = Workers(engine, wanted)
                    engine._pure_hits = workers.pure_hits  # this file's chunks go to the same workers
                self.spool.write(engine.check(document, None, jobs=1, seen=seen, finishing=chunk_finish))
                self.pairs += len(chunk.pairs)
                if self.advance is not None:
                    self.advance(len(chunk.pairs))
                if marker_rule is not None:
                    placed = document_markers(document)
                    marked.write(list({id(item.pair): item.pair for item in placed if item.pair is not None}.values()))
                    languages |= marker_rule.languages_with_markers(placed, has_notes_section(document))
                for rule in consistency:
                    rule.observe(chunk.pairs)
            finished = True
        finally:
            if workers is not None:
                del engine._pure_hits
                workers.close(finished)
        if marker_rule is not None:
            # FN001 on the marked pairs, a batch at a time, judged with the languages of the whole file: batches
            # of pairs in file order give findings in file order
            marker_rule.file_languages = frozenset(languages)
            try:
                for batch in marked.batches():
                    document = Document(stream.name, tuple(batch))
                    self.late.write(sorted(engine.finish_findings(document, [marker_rule], seen), key=Finding.sort_key))
            finally:
                marker_rule.file_languages = None
                marked.close()
        reported = [rule for rule in consistency if rule.settle()]
        if reported:
            for chunk in self._stream():
                for rule in reported:
                    rule.describe(chunk.pairs)
            for rule in reported:
                rule.messages()
            for chunk in self._stream():
                document = Document(stream.name, tuple(chunk.pairs))
                by_pair: dict[int, list[Finding]] = {}
                for rule in reported:
                    for index, hit in rule.hits(chunk.pairs):
                        finding = engine.finding(rule.rule, hit, document, seen)
                        if finding is not None:
                            by_pair.setdefault(index, []).append(finding)
                batch: list[Finding] = []
                for index in sorted(by_pair):
                    batch.extend(sorted(by_pair[index], key=Finding.sort_key))
                self.finished.write(batch)

    def findings(self) -> Iterator[Finding]:
        return heapq.merge(self.spool, self.finished, self.late, key=Finding.sort_key)

    def close(self) -> None:
        self.spool.close()
        self.finished.close()
        self.late.close()
        self.store.close()


# -- the run ----------------------------------------------------------------------------------------


class _Tally:
    """The counts of the reported findings: the summary, the exit code."""

    def __init__(self) -> None:
        self.findings = 0
        self.severities = dict.fromkeys(SEVERITIES, 0)
        self.paths: set[str] = set()
        self.folded = 0

    def add(self, finding: Finding) -> None:
        self.findings += 1
        self.severities[finding.severity] = self.severities.get(finding.severity, 0) + 1
        self.paths.add(finding.location.path)
        self.folded += len(finding.related)

    def summary(self, files: Sequence[str], suppressed: int) -> Summary:
        return Summary(
            files=len(set(files) | self.paths),
            files_with_findings=len(self.paths),
            findings=self.findings,
            error=self.severities["error"],
            warning=self.severities["warning"],
            note=self.severities["note"],
            suppressed=suppressed,
            folded=self.folded,
        )


def _folded(findings: Iterable[Finding]) -> Iterator[Finding]:
    """``qa.fold.fold`` a line at a time: what explains a finding of these formats is on its line."""
    from qa.fold import fold

    for _, on_line in groupby(findings, key=lambda finding: (finding.location.path, finding.location.line)):
        yield from fold(list(on_line))


def run_streaming(
    engine,
    files: dict[Path, Path | None],
    *,
    config,
    output_format: str,
    open_stream,
    fail_on: str,
    baseline: Path | None,
    strict_baseline: bool,
    skip_non_bilingual: bool,
    jobs: int,
    show_all: bool,
    version: str,
    chunk_pairs: int = CHUNK_PAIRS,
    progress=None,
    **read,
) -> int:
    """``qa check`` on corpus files (``fallback_reason`` is None for them), a chunk at a time; the exit
    code. ``open_stream`` is a context manager giving the output stream, opened once the report is
    ready (an input error leaves no half-written report)."""
    from qa.baseline import BaselineMatcher, load
    from qa.gate import report_stale
    from qa.readers import InputError, NotBilingualError, display_path
    from qa.report import get_reporter

    checks: list[FileCheck] = []
    try:
        for file, folder in files.items():
            advance = None
            if progress is not None:  # the number of pairs is known only at the end: a count, no bar
                task = progress.add_task(f"checking {display_path(file)}", total=None)
                advance = partial(progress.advance, task)
            check = FileCheck(engine, file, jobs=jobs, chunk_pairs=chunk_pairs, advance=advance, **read)
            try:
                check.run()
            except NotBilingualError as error:
                check.close()
                if folder is None and not skip_non_bilingual:
                    raise
                sys.stderr.write(f"qa: skipped {error}\n")
                continue
            except BaseException:
                check.close()
                raise
            checks.append(check)
        if files and not checks and not skip_non_bilingual:
            folders = list(dict.fromkeys(display_path(folder) for folder in files.values() if folder))
            if len(folders) == 1:
                raise InputError("no file in this directory holds zh/en pairs (the notes above say why)", folders[0])
            raise InputError(f"no file in {', '.join(folders)} holds zh/en pairs (the notes above say why)")
        names = [check.name for check in checks]
        ordered = sorted(checks, key=lambda check: check.name)  # findings sort by path first
        found: Iterable[Finding] = (finding for check in ordered for finding in check.findings())
        if config.per_file_ignores:
            from qa.ignores import PerFileIgnores
            from qa.rules import all_rules

            ignores = PerFileIgnores.from_config(config, all_rules())
            found = (finding for batch in _batches(found) for finding in ignores.apply(batch))
        matcher = BaselineMatcher(load(baseline)) if baseline is not None else None
        baselined = 0
        if matcher is not None:
            def kept(findings: Iterable[Finding]) -> Iterator[Finding]:
                nonlocal baselined
                for batch in _batches(findings):
                    new, old = matcher.split(batch)
                    baselined += len(old)
                    yield from new

            found = kept(found)
        if not show_all:
            found = _folded(found)
        reported = Spool()
        tally = _Tally()
        try:
            for batch in _batches(found):
                for finding in batch:
                    tally.add(finding)
                reported.write(batch)
        finally:
            for check in checks:
                check.close()
        stale = matcher.stale(names, engine.rules) if matcher is not None else ()
        suppressed = baselined + sum(engine.suppressed.values())
        summary = tally.summary(names, suppressed)
        reporter = get_reporter(output_format, files=names, suppressed=suppressed, version=version)
        with open_stream() as out:
            if output_format == "json":
                store = Store()
                try:
                    reporter.emit_stream(reported, summary, engine.rules, out, numbers=SpooledPairNumbers(store))
                finally:
                    store.close()
            elif output_format == "sarif":
                reporter.emit_stream(lambda: iter(reported), tally.severities, engine.rules, out)
            else:
                shown = list(islice(reported, TABLE_LIMIT))
                reporter.emit(shown, engine.rules, out, summary=summary)
        reported.close()
    finally:
        for check in checks:
            check.close()
    if baseline is not None:
        report_stale(stale, baseline, strict_baseline)
    if engine.stale_ignores:
        from qa.cli import _report_stale_ignores

        _report_stale_ignores(engine.stale_ignores)
    if strict_baseline and stale:
        return 1
    if fail_on == "never":
        return 0
    threshold = severity_rank(fail_on)
    return 1 if any(count for severity, count in tally.severities.items() if severity_rank(severity) <= threshold) \
        else 0


def _batches(findings: Iterable[Finding], size: int = 2000) -> Iterator[list[Finding]]:
    iterator = iter(findings)
    while batch := list(islice(iterator, size)):
        yield batch
