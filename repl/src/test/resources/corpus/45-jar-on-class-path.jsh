/env --class-path repl/target/corpus-lib/greeter.jar
import corpus.lib.Greeter;
Greeter hello = new Greeter("Hello");
System.out.println(pmap(who -> hello.greet(who), List.of("Ada", "Alan")));
System.out.println(pmap(Greeter::shout, List.of("a", "bcd")));
System.out.println(pmap(g -> g.greet(1), List.of(new Greeter("Hi"))));
System.out.println(pmap(s -> new Greeter(s), List.of("Hey")));
