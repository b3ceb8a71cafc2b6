// The first thing to try: a function typed at the prompt, applied on the workers.
int squared(int x) { return x * x; }
/pmap squared 0..9
System.out.println(pmap(x -> squared(x) + 1, List.of(1, 2, 3)))
