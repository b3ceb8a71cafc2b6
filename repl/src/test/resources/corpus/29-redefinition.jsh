int base(int x) { return x; }
int wrap(int x) { return base(x) * 10; }
/pmap wrap 1..3
int base(int x) { return x + 1; }
/pmap wrap 1..3
/pmap base 1..3
