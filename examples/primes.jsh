// Counting primes below 2,000,000 in 40 slices, each on whichever worker is free.
boolean isPrime(int n) {
    if (n < 2) return false;
    for (int d = 2; (long) d * d <= n; d++) {
        if (n % d == 0) return false;
    }
    return true;
}
int countPrimes(int slice) {
    int count = 0;
    for (int n = slice * 50_000; n < (slice + 1) * 50_000; n++) {
        if (isPrime(n)) count++;
    }
    return count;
}
/pmap countPrimes 0..39
System.out.println("primes below 2000000: " + $3.stream().mapToInt(Integer::intValue).sum())
