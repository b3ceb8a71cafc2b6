class MyFailure extends RuntimeException { MyFailure(String m, Throwable c) { super(m, c); } }
Integer parse(String s) {
    try { return Integer.parseInt(s); }
    catch (NumberFormatException e) { throw new MyFailure("bad input " + s, e); }
}
/pmap parse List.of("1", "x")
