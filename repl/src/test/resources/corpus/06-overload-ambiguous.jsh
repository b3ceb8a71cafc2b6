String show(Integer x) { return "Integer " + x; }
String show(Number x) { return "Number " + x; }
String show(Object x) { return "Object " + x; }
/pmap show List.of(new Object())
/pmap show 1..2
