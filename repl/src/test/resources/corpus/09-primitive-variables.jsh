int k = 10;
double scale = 0.5;
String prefix = "n";
System.out.println(pmap(x -> prefix + (x * k * scale), rangeClosed(1, 3)));
