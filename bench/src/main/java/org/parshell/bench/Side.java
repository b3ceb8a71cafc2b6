package org.parshell.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One side of the benchmark, kept running for the whole benchmark so that its cases run warm: a process
 * (the parshell shell, or Python with its Pool) that reads one command a line on standard input and
 * answers with {@code SAMPLE case value} lines and then {@value #DONE}.
 */
final class Side implements AutoCloseable {
    static final String DONE = "BENCH-DONE";
    private static final String END = "\u0000end";

    private final String name;
    private final Process process;
    private final Writer in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> transcript = new ArrayList<>();

    private Side(String name, Process process) {
        this.name = name;
        this.process = process;
        this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::read, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    static Side start(String name, Path dir, List<String> command) throws IOException {
        return new Side(name, new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start());
    }

    /** Runs {@code command} (one line) and gives the samples it printed. */
    Samples run(String command, long timeoutSeconds) throws IOException, InterruptedException {
        in.write(command + "\n");
        in.flush();
        return awaitDone(command, timeoutSeconds);
    }

    /** Waits for the side to say it is done (with what it was given, or with starting up). */
    Samples awaitDone(String command, long timeoutSeconds) throws IOException, InterruptedException {
        Samples samples = new Samples();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END)) {
                throw new IOException(name + " did not finish `" + command + "`" + (line == null ? " within "
                        + timeoutSeconds + " s" : ": it ended") + "; its last output:\n" + tail());
            }
            String[] parts = line.trim().split(" ");
            if (parts.length == 3 && parts[0].equals("SAMPLE")) {
                samples.add(parts[1], Double.parseDouble(parts[2]));
            } else if (line.trim().equals(DONE)) {
                return samples;
            }
        }
    }

    /** Runs {@code command}, which must print exactly one sample for {@code sampleName}. */
    double sample(String command, String sampleName, long timeoutSeconds) throws IOException, InterruptedException {
        Samples samples = run(command, timeoutSeconds);
        if (samples.count(sampleName) != 1) {
            throw new IOException(name + " printed " + samples.count(sampleName) + " samples of " + sampleName + " for `"
                    + command + "`; its last output:\n" + tail());
        }
        return samples.median(sampleName).getAsDouble();
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                synchronized (transcript) {
                    transcript.add(line);
                }
                lines.add(line);
            }
        } catch (IOException e) {
            // the process is gone
        }
        lines.add(END);
    }

    private String tail() {
        synchronized (transcript) {
            return String.join("\n", transcript.subList(Math.max(0, transcript.size() - 30), transcript.size()));
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            in.close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
