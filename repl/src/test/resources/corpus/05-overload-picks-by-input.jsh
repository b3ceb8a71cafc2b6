String describe(int x) { return "int " + x; }
String describe(String s) { return "string " + s; }
String describe(int a, int b) { return "two"; }
/pmap describe List.of("a", "b")
/pmap describe 1..2
