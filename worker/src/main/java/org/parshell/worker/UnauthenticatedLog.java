package org.parshell.worker;

/**
 * The daemon's log of connections that have not authenticated: the first {@link #LINES_PER_INTERVAL}
 * events of each {@link #INTERVAL_MILLIS} interval one line each, as before; past that, one summary
 * line per interval, so a flood cannot fill the disk or bury the lines that matter.
 */
final class UnauthenticatedLog {
    static final int LINES_PER_INTERVAL = 20;
    static final long INTERVAL_MILLIS = 10_000;

    private long intervalStart = System.currentTimeMillis();
    private int lines;
    private int suppressed;
    private int closedForRoom;

    synchronized void info(String line) {
        roll();
        if (lines < LINES_PER_INTERVAL) {
            lines++;
            WorkerLog.info(line);
        } else {
            suppressed++;
        }
    }

    /** {@code address} was closed in the handshake because {@link HandshakeSlots#MAX} connections were in it. */
    synchronized void full(Object address) {
        closedForRoom++;
        info("closed " + address + " in the handshake: " + HandshakeSlots.MAX + " connections are in it");
    }

    /** Called now and then (and on every event): ends the interval and says what was left out. */
    synchronized void roll() {
        long now = System.currentTimeMillis();
        if (now - intervalStart < INTERVAL_MILLIS) {
            return;
        }
        if (suppressed > 0) {
            WorkerLog.info("flood of unauthenticated connections: " + suppressed + " more events in the last "
                    + (now - intervalStart) / 1000 + " s not logged one by one (" + closedForRoom
                    + " connections closed because " + HandshakeSlots.MAX + " were in the handshake)");
        }
        intervalStart = now;
        lines = 0;
        suppressed = 0;
        closedForRoom = 0;
    }
}
