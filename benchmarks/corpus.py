"""``qa corpus check`` at scale (issue 19, part 4): pairs per second with 1 and 2 local workers, peak
memory of the client and of each worker, and an estimate for 50 million pairs on 32 workers.

Builds a TSV of ``--pairs`` pairs in a temporary folder by repeating the WMT MT corpus (never
committed: /work/shared/corpora/wmt-zhen-mt.tsv.gz, or ``--corpus``), then, for each worker count,
starts a local Dask cluster of that many processes (one thread each) and runs ``qa.corpus.run_corpus``
in this process, writing the findings as Parquet. Reported per run: wall time, pairs/s, the client's
CPU time (reading, pickling the partitions, numbering and writing the findings: the part that does not
spread over workers), the client's peak RSS (``ru_maxrss`` of this process, read before the run and
after) and each worker's peak RSS (``VmHWM`` of its process, asked with ``Client.run``).

The estimate for ``--estimate-pairs`` on ``--estimate-workers`` workers takes the measured cost of a
partition on one worker (its CPU seconds over its pairs) and the client's cost per pair: the run takes
the longer of the workers' share and the client's feed, as partitions are read by the client.

    python benchmarks/corpus.py                          # 2,045,180 pairs (10 copies), 1 and 2 workers
    python benchmarks/corpus.py --pairs 200000 --workers 2
"""

from __future__ import annotations

import argparse
import gzip
import resource
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path("/work/shared/corpora/wmt-zhen-mt.tsv.gz")


def build(corpus: Path, pairs: int, folder: Path) -> Path:
    with gzip.open(corpus, "rt", encoding="utf-8") as source:
        lines = [line for line in source if line.strip()]
    path = folder / f"mt-{pairs}.tsv"
    with path.open("w", encoding="utf-8") as out:
        written = 0
        while written < pairs:
            for line in lines[: pairs - written]:
                out.write(line)
            written += min(len(lines), pairs - written)
    return path


def _worker_peak() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def run(path: Path, workers: int, partition: int, out: Path) -> dict:
    from distributed import Client, LocalCluster

    from qa.config import discover_config
    from qa.corpus import NOT_RUN, _quiet_dask, run_corpus
    from qa.engine import Engine

    _quiet_dask()
    config = discover_config(None)
    engine = Engine.from_config(config, [], list(NOT_RUN))
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                           silence_logs=50, memory_limit=0)
    client = Client(cluster)
    try:
        before = resource.getrusage(resource.RUSAGE_SELF)
        started = time.perf_counter()
        tally = run_corpus(engine, [path], config=config, output=out, partition_pairs=partition, client=client)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_SELF)
        peaks = client.run(_worker_peak)
    finally:
        client.close()
        cluster.close()
    return {
        "workers": workers,
        "pairs": tally.pairs,
        "findings": tally.findings,
        "wall": wall,
        "rate": tally.pairs / wall,
        "client_cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "client_peak": after.ru_maxrss * 1024,
        "worker_peaks": sorted(peaks.values()),
        "partitions": -(-tally.pairs // partition),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--pairs", type=int, default=2_045_180)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-pairs", type=int, default=20_000)
    parser.add_argument("--estimate-pairs", type=int, default=50_000_000)
    parser.add_argument("--estimate-workers", type=int, default=32)
    parser.add_argument("--price", type=float, default=0.04, help="dollars per worker (one core) hour")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (--corpus)", file=sys.stderr)
        return 2
    results = []
    with tempfile.TemporaryDirectory() as folder:
        path = build(args.corpus, args.pairs, Path(folder))
        print(f"{args.pairs:,} pairs in {path.stat().st_size / 2**20:,.0f} MB; partitions of {args.partition_pairs:,}")
        for workers in args.workers:
            result = run(path, workers, args.partition_pairs, Path(folder) / f"findings-{workers}.parquet")
            results.append(result)
            peaks = ", ".join(f"{peak / 2**20:,.0f}" for peak in result["worker_peaks"])
            print(f"{workers} worker(s): {result['wall']:,.1f} s, {result['rate']:,.0f} pairs/s, "
                  f"{result['findings']:,} findings; client CPU {result['client_cpu']:,.1f} s, "
                  f"client peak {result['client_peak'] / 2**20:,.0f} MB, worker peaks {peaks} MB")
    by_workers = {result["workers"]: result for result in results}
    if 1 in by_workers and 2 in by_workers:
        print(f"2 workers / 1 worker: {by_workers[2]['rate'] / by_workers[1]['rate']:.2f}x (target 1.8x)")
    one = by_workers.get(1, results[0])
    per_pair_worker = one["wall"] * one["workers"] / one["pairs"]  # a worker's seconds per pair, busy
    per_pair_client = one["client_cpu"] / one["pairs"]
    n, w = args.estimate_pairs, args.estimate_workers
    workers_time = n * per_pair_worker / w
    client_time = n * per_pair_client
    hours = max(workers_time, client_time) / 3600
    print(f"a partition of {args.partition_pairs:,} pairs: {per_pair_worker * args.partition_pairs:,.1f} s on one "
          f"worker; the client: {per_pair_client * 1e6:,.1f} us a pair")
    print(f"estimate, {n:,} pairs on {w} workers: workers {workers_time / 60:,.0f} min, client feed "
          f"{client_time / 60:,.0f} min -> {hours * 60:,.0f} min, about ${hours * w * args.price:,.2f} at "
          f"${args.price}/worker-hour")
    return 0


if __name__ == "__main__":
    sys.exit(main())
