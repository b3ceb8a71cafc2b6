int check(int x) {
    if (x == 3) {
        throw new IllegalArgumentException("three is not allowed");
    }
    return x;
}
int outer(int x) { return check(x) + 1; }
/pmap outer 1..4
