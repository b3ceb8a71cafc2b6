package org.parshell.repl.remote;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostFileTest {
    @TempDir
    Path dir;

    @Test
    void sshLinesDaemonsCommentsAndMpiSlots() throws Exception {
        List<HostFile.Entry> entries = read("""
                # written by hand
                ssh://alice@node-1 slots=4   # four threads there
                node-2:7000
                ssh://node-3 slots=2 max_slots=8

                """);
        assertEquals(List.of(new HostFile.Entry("ssh://alice@node-1", 4), new HostFile.Entry("node-2:7000", 0),
                new HostFile.Entry("ssh://node-3", 2)), entries);
    }

    @Test
    void daemonLinesTakeSlotsAsOpenMpiWritesThem() throws Exception {
        assertEquals(List.of(new HostFile.Entry("node-1", 3), new HostFile.Entry("node-2:7000", 1),
                        new HostFile.Entry("dns://workers:7171", 2), new HostFile.Entry("node-3", 0)),
                read("node-1 slots=3 max_slots=4\nnode-2:7000 slots=1\ndns://workers:7171 slots=2\nnode-3 max_slots=5\n"));
    }

    @Test
    void aSlurmHostnamesListIsOneDaemonALine() throws Exception {
        assertEquals(List.of(new HostFile.Entry("node-1", 0), new HostFile.Entry("node-2", 0)), read("node-1\nnode-2\n"));
    }

    @Test
    void aPbsNodeFileOfDaemonsCountsASlotALine() throws Exception {
        assertEquals(List.of(new HostFile.Entry("n1", 2), new HostFile.Entry("n2", 0)), read("n1\nn1\nn2\n"));
    }

    @Test
    void aPbsNodeFileListsAHostOnceACore() throws Exception {
        assertEquals(List.of(new HostFile.Entry("ssh://n1", 3), new HostFile.Entry("ssh://n2", 0)),
                read("ssh://n1\nssh://n1\nssh://n1\nssh://n2\n"));
    }

    @Test
    void aBadLineIsNamedByItsNumber() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read("ssh://n1\nn2:notaport\n"));
        assertTrue(e.getMessage().contains("hosts:2: "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> read("ssh://n1 slots=0\n"));
        assertTrue(e.getMessage().contains("hosts:1: 'slots=0'"), e.getMessage());
    }

    private List<HostFile.Entry> read(String text) throws Exception {
        Path file = dir.resolve("hosts");
        Files.writeString(file, text);
        return HostFile.read(file);
    }
}
