int[] weights = {3, 5, 7};
String[] names = {"a", "b", "c"};
System.out.println(pmap(i -> names[i] + weights[i], rangeClosed(0, 2)));
