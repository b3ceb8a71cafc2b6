# The reference side of scripts/bench: the same work on Python's multiprocessing, Pool(2). BenchMain
# types one command a line ("CASE WARM RUNS", or "CASE WARM RUNS REPEATS"); each measured run prints "SAMPLE case value", then
# BENCH-DONE says the command is over.
import sys
import time
from dataclasses import dataclass
from multiprocessing import Pool


@dataclass
class Item:
    id: int
    name: str
    price: float


@dataclass
class Priced:
    id: int
    total: float


def squared(x):
    return x * x


def price(item):
    return Priced(item.id, item.price * 1.2)


def count_primes(bounds):
    lo, hi = bounds
    c = 0
    for n in range(max(lo, 2), hi):
        if n < 4:
            c += 1
            continue
        if n % 2 == 0:
            continue
        d = 3
        prime = True
        while d * d <= n:
            if n % d == 0:
                prime = False
                break
            d += 2
        if prime:
            c += 1
    return c


def sample(name, value):
    print("SAMPLE %s %r" % (name, value), flush=True)


def bench_map(pool, warm, runs, repeats=1):
    """Each run (warm or measured) is `repeats` maps in a row; a sample is their items over their time."""
    for r in range(warm + runs):
        t = time.perf_counter()
        for _ in range(repeats):
            out = pool.map(squared, range(1_000_000))
        s = time.perf_counter() - t
        assert out[1000] == 1_000_000
        if r >= warm:
            sample("map1m", repeats * 1e6 / s)


ITEMS = [Item(i, "item%d" % i, i * 0.5) for i in range(200_000)]


def bench_records(pool, warm, runs, repeats=1):
    """Each run (warm or measured) is `repeats` maps in a row; a sample is their items over their time."""
    for r in range(warm + runs):
        t = time.perf_counter()
        for _ in range(repeats):
            out = pool.map(price, ITEMS)
        s = time.perf_counter() - t
        assert out[7] == Priced(7, 3.5 * 1.2)
        if r >= warm:
            sample("records", repeats * len(ITEMS) / s)


def bench_submit(pool, warm, runs):
    for r in range(warm + runs):
        t = time.perf_counter()
        futures = [pool.apply_async(squared, (i,)) for i in range(10_000)]
        for f in futures:
            f.get()
        s = time.perf_counter() - t
        if r >= warm:
            sample("submit10k", 10_000 / s)


def bench_roundtrip(pool, warm, runs):
    """Each warm run is 1000 one-item maps; each measured run the median of 100."""
    for i in range(warm * 1000):
        pool.map(squared, [i])
    for r in range(runs):
        times = []
        for i in range(100):
            t = time.perf_counter()
            pool.map(squared, [i])
            times.append((time.perf_counter() - t) * 1e6)
        times.sort()
        sample("roundtrip", (times[49] + times[50]) / 2)


def bench_primes(pool, warm, runs, below, chunks):
    size = below // chunks
    bounds = [(c * size, (c + 1) * size) for c in range(chunks)]
    for r in range(warm + runs):
        t = time.perf_counter()
        seq = sum(count_primes(b) for b in bounds)
        sequential = time.perf_counter() - t
        t = time.perf_counter()
        par = sum(pool.map(count_primes, bounds))
        parallel = time.perf_counter() - t
        assert seq == par
        if r >= warm:
            sample("primes", sequential / parallel)


def main(primes_below, prime_chunks):
    cases = {
        "map1m": bench_map,
        "records": bench_records,
        "submit10k": bench_submit,
        "roundtrip": bench_roundtrip,
        "primes": lambda pool, warm, runs: bench_primes(pool, warm, runs, primes_below, prime_chunks),
    }
    with Pool(2) as pool:
        print("BENCH-DONE", flush=True)
        for line in sys.stdin:
            case, *numbers = line.split()
            cases[case](pool, *(int(n) for n in numbers))
            print("BENCH-DONE", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
