"""Checking a large document's pairs in several processes (``qa check --jobs``).

The pure rules (``Rule.pure``: the hits depend on the pair's text alone) run in forked worker
processes, each over a run of consecutive pairs, and so does the ``observe`` half of the
stateful rules that have one (TERM004 notes the renderings each pair uses). The engine does
everything else in the main process, in document order, as it does with one process: the
stateful rules' ``check`` (or ``check_observed``), building the findings, ``finish``. So the
findings, their order and their fingerprints are the same whatever the number of processes.

Workers are forked, so they start with the document and the rule instances the engine
already has (nothing is pickled on the way in); on the way back, hits travel as plain tuples.
Where the system cannot fork (Windows), the document is checked in one process.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence

from qa.model import Hit, Pair
from qa.rules.base import Rule

#: With ``--jobs`` left to choose (0), a document of fewer pairs is checked in one process:
#: starting the workers and sending the hits back costs more than it saves on small files.
AUTO_MIN_PAIRS = 20_000
#: Pairs a worker checks at a time: enough that a task's overhead is small, few enough that the
#: progress bar moves and the workers share the work evenly.
CHUNK_PAIRS = (250, 5_000)

#: What a forked worker inherits: the pairs, the pure rules, the observing rules, and a cache of
#: their results by pair text.
_state: tuple[Sequence[Pair], Sequence[Rule], Sequence[Rule], dict] | None = None


def can_fork() -> bool:
    import multiprocessing  # here: not on the start-up path of a small run

    return "fork" in multiprocessing.get_all_start_methods()


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # what this process may use (containers, taskset)
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def worker_count(jobs: int, pairs: int) -> int:
    """How many worker processes check a document of ``pairs`` pairs: 1 means no workers.

    ``jobs`` 0 chooses: on Linux, every available core for a document of at least AUTO_MIN_PAIRS
    pairs, else one process. A number asks for that many processes (at most one per pair)."""
    if jobs == 1 or pairs < 2:
        return 1
    if jobs <= 0 and (pairs < AUTO_MIN_PAIRS or not sys.platform.startswith("linux")):
        return 1  # macOS and others: forking a process with threads is not always safe; asked for only
    if not can_fork():  # last: it imports multiprocessing, which a small file's run need not pay for
        return 1
    return available_cores() if jobs <= 0 else min(jobs, pairs)


def chunks(pairs: int, workers: int) -> list[tuple[int, int]]:
    """Runs of consecutive pair indices, [start, end), about four per worker within CHUNK_PAIRS."""
    low, high = CHUNK_PAIRS
    size = max(1, min(high, max(low, pairs // (workers * 4))))
    return [(start, min(start + size, pairs)) for start in range(0, pairs, size)]


class WorkerError(Exception):
    """A worker process ended without finishing its pairs (killed, out of memory): one line, exit 2."""


def pure_hits(
    pairs: Sequence[Pair], rules: Sequence[Rule], observers: Sequence[Rule], workers: int
) -> Iterator[tuple[tuple[int, int], list[list[tuple[Rule, Hit]]], list[tuple]]]:
    """Each run of pairs (in order) with the pure rules' hits of each of its pairs and what the
    ``observers`` observe of each, from ``workers`` forked processes. The next runs are being
    checked while the caller works on one."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _state
    for rule in (*rules, *observers):
        rule.prepare()  # loaded once here, shared by the forked workers
    runs = chunks(len(pairs), workers)
    _state = (pairs, rules, observers, {})
    # a pool of processes that notices a worker's death (multiprocessing.Pool would wait forever)
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_worker_started)
    finished = False
    try:
        for run, (packed, observed) in zip(runs, pool.map(_check_run, runs), strict=True):
            yield run, _unpack(packed, rules), observed
        finished = True
    except BrokenProcessPool:
        raise WorkerError("a worker process checking pairs ended unexpectedly (out of memory?); try --jobs 1") from None
    finally:
        _state = None
        if finished:
            pool.shutdown()
        else:  # Ctrl-C or an error here: nobody will read the runs still being checked
            pool.shutdown(wait=False, cancel_futures=True)
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.terminate()


def _worker_started() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's: it stops the workers


def _check_run(run: tuple[int, int]) -> tuple[list, list]:
    """In a worker: the hits of the pure rules on pairs [start, end), packed as tuples, and what
    the observing rules observe of each pair.

    A pair whose text repeats an earlier pair's (in this worker) gets the same results, as in
    the engine; a repeated list is pickled once per run."""
    assert _state is not None
    pairs, rules, observers, known = _state
    return pure_results((pairs[index] for index in range(*run)), rules, observers, known)


def pure_results(pairs: Iterable[Pair], rules, observers, known: dict) -> tuple[list, list]:
    """The packed hits of the pure rules and the ``observe`` results of each pair, a pair whose
    text repeats an earlier one's (``known``, the worker's cache) taking the same results."""
    packed, observed = [], []
    for pair in pairs:
        zh, en = pair.zh, pair.en
        text = (zh.text, en.text, zh.tags, en.tags, pair.source, pair.syntaxes)
        results = known.get(text)
        if results is None:
            hits = [_pack(position, hit) for position, rule in enumerate(rules) for hit in rule.check(pair)]
            results = known[text] = (hits, tuple(rule.observe(pair) for rule in observers))
        packed.append(results[0])
        observed.append(results[1])
    return packed, observed


def _pack(position: int, hit: Hit) -> tuple:
    if hit.pair is None and hit.segment is None:  # a check() hit: offsets into its own pair
        fields = (hit.side, hit.start, hit.end, hit.message, hit.suggestion, hit.key, None, None)
        return (position, *fields, hit.other, hit.severity, hit.fix)
    return (position, hit)  # a third-party rule's hit naming a segment: sent whole


def _unpack(packed: list, rules: Sequence[Rule]) -> list[list[tuple[Rule, Hit]]]:
    rebuilt: dict[int, list[tuple[Rule, Hit]]] = {}  # a repeated pair's list arrives as one object
    result = []
    for hits in packed:
        if not hits:
            result.append(hits)
            continue
        same = rebuilt.get(id(hits))
        if same is None:
            same = rebuilt[id(hits)] = [
                (rules[item[0]], Hit(*item[1:]) if len(item) > 2 else item[1]) for item in hits
            ]
        result.append(same)
    return result
