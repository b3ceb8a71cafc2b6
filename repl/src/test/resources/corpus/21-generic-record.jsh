record Pair<A, B>(A first, B second) { <C> Pair<A, C> withSecond(C c) { return new Pair<>(first, c); } }
System.out.println(pmap(p -> p.withSecond(p.second().length()), List.of(new Pair<>(1, "ab"), new Pair<>(2, "xyz"))));
