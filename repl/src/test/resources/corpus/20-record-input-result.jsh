record Point(int x, int y) { Point scale(int k) { return new Point(x * k, y * k); } }
System.out.println(pmap(p -> p.scale(2), List.of(new Point(1, 2), new Point(3, 4))));
List<Point> made = pmap(i -> new Point(i, -i), List.of(1, 2));
System.out.println(made.equals(List.of(new Point(1, -1), new Point(2, -2))));
