import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import static java.lang.Math.max;
System.out.println(pmap(d -> LocalDate.of(2024, 1, 1).plus(d, ChronoUnit.DAYS).toString(), rangeClosed(0, 2)));
System.out.println(pmap(x -> max(x, 2), rangeClosed(1, 3)));
