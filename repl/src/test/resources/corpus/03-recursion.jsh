long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
/pmap fib 0..15
