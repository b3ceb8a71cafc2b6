Function<Integer, String> f = new Function<>() {
    public String apply(Integer x) { return "anon" + x; }
};
System.out.println(pmap(f, rangeClosed(1, 3)));
