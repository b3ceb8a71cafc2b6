package org.parshell.repl.it;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** submit, pmapAsync and imap, from snippets, through scripts/parshell with two real local workers. */
class AsyncApiIT {

    @Test
    void submitPmapAsyncAndImapGiveTheirResultsInOrder() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                int squared(int x) { return x * x; }
                System.out.println("SUBMIT " + submit(x -> squared(x), 7).join());
                System.out.println("ASYNC " + pmapAsync(x -> squared(x), List.of(1, 2, 3)).join());
                System.out.println("IMAP " + imap(x -> squared(x), rangeClosed(1, 6)).map(String::valueOf).collect(Collectors.joining(",")));
                List<CompletableFuture<Integer>> fs = new ArrayList<>();
                for (int i = 0; i < 3000; i++) fs.add(submit(x -> squared(x), i));
                boolean inOrder = true;
                for (int i = 0; i < 3000; i++) inOrder &= fs.get(i).join() == i * i;
                System.out.println("MANY " + inOrder);
                """, "--workers", "2");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("SUBMIT 49"), r.output());
        assertTrue(r.output().contains("ASYNC [1, 4, 9]"), r.output());
        assertTrue(r.output().contains("IMAP 1,4,9,16,25,36"), r.output());
        assertTrue(r.output().contains("MANY true"), r.output());
    }

    @Test
    void aSubmittedTaskFailsOnlyByItsOwnInput() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                int inverse(int x) { return 60 / x; }
                List<CompletableFuture<Integer>> fs = new ArrayList<>();
                for (int i = -2; i <= 2; i++) fs.add(submit(x -> inverse(x), i));
                String outcomes = fs.stream().map(f -> f.handle((v, e) -> e == null ? String.valueOf(v)
                        : ((org.parshell.repl.api.RemoteTaskException) e).remoteType()).join()).collect(Collectors.joining(","));
                System.out.println("OUTCOMES " + outcomes);
                """, "--workers", "2");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("OUTCOMES -30,-60,java.lang.ArithmeticException,60,30"), r.output());
    }

    /**
     * An input whose own writeObject throws an Error fails its task; before, the Error ended the submit
     * dispatcher's drain with its flag still set, and that task and every later submit waited forever.
     */
    @Test
    void anErrorWhileATasksInputIsEncodedFailsThatTaskAndLaterSubmitsStillRun() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                int squared(int x) { return x * x; }
                class Refuses implements java.io.Serializable { private void writeObject(java.io.ObjectOutputStream o) { throw new AssertionError("refused"); } }
                String first(Future<?> f) { try { return "RESULT " + f.get(60, TimeUnit.SECONDS); } catch (ExecutionException e) { return "FAILED " + e.getCause(); } catch (Exception e) { return "STALLED " + e; } }
                System.out.println("FIRST " + first(submit(x -> 0, new Refuses())));
                List<CompletableFuture<Integer>> fs = new ArrayList<>();
                for (int i = 0; i < 500; i++) fs.add(submit(x -> squared(x), i));
                boolean later(List<CompletableFuture<Integer>> fs) { try { for (int i = 0; i < fs.size(); i++) if (fs.get(i).get(60, TimeUnit.SECONDS) != i * i) return false; return true; } catch (Exception e) { return false; } }
                System.out.println("LATER " + later(fs));
                """, "--workers", "2");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("FIRST FAILED org.parshell.protocol.payload.PayloadException: cannot encode Object[1]: java.lang.AssertionError: refused"),
                r.output());
        assertTrue(r.output().contains("LATER true"), r.output());
    }

    @Test
    void imapStopsWithTheFunctionsFailure() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                int inverse(int x) { return 60 / x; }
                Function<Integer, Integer> inv = x -> inverse(x);
                try { imap(inv, List.of(1, 2, 0, 3)).forEach(v -> System.out.println("GOT " + v)); }
                catch (org.parshell.repl.api.RemoteTaskException e) { System.out.println("FAILED " + e.remoteType()); }
                """, "--workers", "2");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("FAILED java.lang.ArithmeticException"), r.output());
    }

    @Test
    void pmapAsyncFailsWithTheFunctionsFailure() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                int inverse(int x) { return 60 / x; }
                Throwable t = pmapAsync(x -> inverse(x), List.of(1, 0)).handle((v, e) -> e).join();
                System.out.println("CAUSE " + t.getCause().getClass().getSimpleName() + " " + ((org.parshell.repl.api.RemoteTaskException) t.getCause()).remoteType());
                """, "--workers", "2");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("CAUSE RemoteTaskException java.lang.ArithmeticException"), r.output());
    }

    @Test
    void largeMapsKeepInputOrderAcrossAdaptiveChunksAndMixedResultTypes() throws Exception {
        ParshellProcess.Result r = ParshellProcess.runShell("""
                List<Long> longs = pmap(x -> (long) x * 3, rangeClosed(0, 199_999));
                boolean ok = longs.size() == 200_000;
                for (int i = 0; i < longs.size(); i++) ok &= longs.get(i) == 3L * i;
                System.out.println("LONGS " + ok);
                List<Object> mixed = pmap(x -> x % 1000 == 0 ? (Object) ("s" + x) : (Object) x, rangeClosed(0, 99_999));
                boolean mixedOk = mixed.size() == 100_000;
                for (int i = 0; i < mixed.size(); i++) mixedOk &= mixed.get(i).equals(i % 1000 == 0 ? "s" + i : (Object) i);
                System.out.println("MIXED " + mixedOk);
                System.out.println("DOUBLES " + pmap(x -> x / 2.0, List.of(1, 2, 3)));
                """, "--workers", "2");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("LONGS true"), r.output());
        assertTrue(r.output().contains("MIXED true"), r.output());
        assertTrue(r.output().contains("DOUBLES [0.5, 1.0, 1.5]"), r.output());
    }
}
