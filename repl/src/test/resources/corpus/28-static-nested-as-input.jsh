class Geometry {
    static record Vec(double x, double y) { double len() { return Math.sqrt(x * x + y * y); } }
    static double norm(Vec v) { return v.len(); }
}
System.out.println(pmap(Geometry::norm, List.of(new Geometry.Vec(3, 4), new Geometry.Vec(6, 8))));
