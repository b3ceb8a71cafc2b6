package org.parshell.worker;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkerLogTest {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @Test
    void localTimeIsWhatJavaTimeFormatsInTheDefaultZone() {
        TimeZone before = TimeZone.getDefault();
        try {
            for (String zone : List.of("UTC", "Asia/Kolkata", "America/St_Johns", "Europe/Berlin", "Pacific/Chatham")) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                for (long millis : List.of(0L, 5L, 45L, 999L, 1_700_000_000_007L, 1_719_999_999_999L, -1L, 1_711_846_800_000L)) {
                    String expected = CLOCK.format(Instant.ofEpochMilli(millis).atZone(ZoneId.of(zone)));
                    assertEquals(expected, WorkerLog.localTime(millis), zone + " at " + millis);
                }
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }
}
