int inc(int x) { return x + 1; }
int twiceInc(int x) { return inc(inc(x)); }
/pmap twiceInc 1..5
