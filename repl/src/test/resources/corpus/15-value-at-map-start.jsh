int k = 1;
System.out.println(pmap(x -> x + k, rangeClosed(1, 3)));
k = 100;
System.out.println(pmap(x -> x + k, rangeClosed(1, 3)));
List<Integer> base = new ArrayList<>(List.of(1));
System.out.println(pmap(x -> base.size(), rangeClosed(1, 2)));
base.add(2);
System.out.println(pmap(x -> base.size(), rangeClosed(1, 2)));
