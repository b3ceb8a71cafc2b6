import java.util.concurrent.atomic.*;
import java.text.SimpleDateFormat;
AtomicInteger counter = new AtomicInteger(40);
LongAdder adder = new LongAdder();
adder.add(7);
TimeZone tokyo = TimeZone.getTimeZone("Asia/Tokyo");
SimpleDateFormat day = null; // its feedback differs by JDK (JDK 25 gives SimpleDateFormat a toString)
{ day = new SimpleDateFormat("yyyy-MM-dd HH:mm"); day.setTimeZone(TimeZone.getTimeZone("UTC")); }
System.out.println(pmap(x -> counter.get() + x, rangeClosed(1, 2)));
System.out.println(pmap(x -> adder.sum() * x, rangeClosed(1, 2)));
System.out.println(pmap(x -> tokyo.getID() + " " + tokyo.getRawOffset() / 3_600_000 * x, rangeClosed(1, 2)));
System.out.println(pmap(x -> day.format(new Date(x * 86_400_000L)), rangeClosed(1, 2)));
System.out.println(pmap((AtomicLong a) -> a.incrementAndGet(), List.of(new AtomicLong(9), new AtomicLong(19))));
System.out.println(pmap(x -> TimeZone.getTimeZone("Asia/Tokyo"), List.of(1)).get(0).getID());
System.out.println(pmap(x -> new SimpleDateFormat("yyyy-MM"), List.of(1)).get(0).toPattern());
System.out.println(pmap(x -> { LongAdder a = new LongAdder(); a.add(x); return a; }, List.of(5)).get(0).sum());
System.out.println(pmap(x -> java.net.URI.create("http://example.org/" + x), List.of(1, 2)));
