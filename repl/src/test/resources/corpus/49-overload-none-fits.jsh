String pick(Integer x) { return "int"; }
String pick(String s) { return "str"; }
/pmap pick List.of(1, "a")
System.out.println(pmap(x -> x instanceof Integer i ? pick(i) : pick((String) x), List.of(1, "a")));
