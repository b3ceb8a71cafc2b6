record Point(int x, int y) { Point scale(int k) { return new Point(x * k, y * k); } }
System.out.println(pmap(p -> p.scale(2), List.of(new Point(1, 2), new Point(3, 4))));
System.out.println(pmap(i -> new Point(i, -i), rangeClosed(1, 2)).get(1) instanceof Point);
