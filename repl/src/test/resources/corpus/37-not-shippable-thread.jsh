Thread t = new Thread(() -> {}, "helper");
int usesThread(int x) { return t.getName().length() + x; }
/pmap usesThread 1..3
System.out.println("still here");
