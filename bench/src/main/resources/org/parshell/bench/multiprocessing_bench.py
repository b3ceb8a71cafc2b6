# The reference side of scripts/bench: the same work on Python's multiprocessing, Pool(2).
# Prints one "SAMPLE case value" line per measured run, like the parshell side.
import sys
import time
from multiprocessing import Pool


def squared(x):
    return x * x


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


def main(warm, runs, primes_below, prime_chunks):
    with Pool(2) as pool:
        for r in range(warm + runs):
            t = time.perf_counter()
            out = pool.map(squared, range(1_000_000))
            s = time.perf_counter() - t
            assert out[1000] == 1_000_000
            if r >= warm:
                sample("map1m", 1e6 / s)
        for r in range(warm + runs):
            t = time.perf_counter()
            futures = [pool.apply_async(squared, (i,)) for i in range(10_000)]
            for f in futures:
                f.get()
            s = time.perf_counter() - t
            if r >= warm:
                sample("submit10k", 10_000 / s)
        for r in range(500 + 100 * runs):
            t = time.perf_counter()
            pool.map(squared, [r])
            s = time.perf_counter() - t
            if r >= 500:
                sample("roundtrip", s * 1e6)
        size = primes_below // prime_chunks
        chunks = [(c * size, (c + 1) * size) for c in range(prime_chunks)]
        for r in range(1 + runs):
            t = time.perf_counter()
            seq = sum(count_primes(c) for c in chunks)
            sequential = time.perf_counter() - t
            t = time.perf_counter()
            par = sum(pool.map(count_primes, chunks))
            parallel = time.perf_counter() - t
            assert seq == par
            if r >= 1:
                sample("primes", sequential / parallel)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
