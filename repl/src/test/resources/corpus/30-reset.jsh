int f(int x) { return x * 2; }
/pmap f 1..3
/reset
int f(int x) { return x * 3; }
/pmap f 1..3
