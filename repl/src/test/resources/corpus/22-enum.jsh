enum Color { RED, GREEN, BLUE; Color next() { return values()[(ordinal() + 1) % 3]; } }
System.out.println(pmap(c -> c.next(), List.of(Color.RED, Color.GREEN, Color.BLUE)));
var back = pmap(i -> Color.values()[i], rangeClosed(0, 2));
System.out.println(back + " " + (back.get(0) == Color.RED));
