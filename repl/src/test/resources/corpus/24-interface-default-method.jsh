interface Shape { double area(); default String describe() { return getClass().getSimpleName() + " " + area(); } }
record Square(double side) implements Shape { public double area() { return side * side; } }
record Rect(double w, double h) implements Shape { public double area() { return w * h; } }
System.out.println(pmap(Shape::describe, List.<Shape>of(new Square(2), new Rect(2, 3))));
