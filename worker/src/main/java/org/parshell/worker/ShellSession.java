package org.parshell.worker;

import io.netty.channel.Channel;
import org.parshell.protocol.codec.FrameSize;
import org.parshell.protocol.message.CancelJob;
import org.parshell.protocol.message.ChunkDone;
import org.parshell.protocol.message.ChunkFailed;
import org.parshell.protocol.message.DefineBundle;
import org.parshell.protocol.message.DefineJar;
import org.parshell.protocol.message.UseJars;
import org.parshell.protocol.message.EndJob;
import org.parshell.protocol.message.RemoteFailure;
import org.parshell.protocol.message.RunChunk;
import org.parshell.protocol.message.RunJob;
import org.parshell.protocol.message.RunKnownJob;
import org.parshell.protocol.message.StartJob;
import org.parshell.protocol.message.UnknownFunction;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * What one authenticated shell has on this worker: its current generation of classes and its
 * running jobs. Chunks run on the worker's shared task pool; results go back on the channel.
 */
final class ShellSession {
    private final Channel channel;
    private final ExecutorService tasks;
    private final String name;
    private volatile GenerationClasses generation;
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final JarCache jars = new JarCache();

    private final StuckTasks stuck;

    private record Job(CompletableFuture<PreparedJob> prepared, Map<Integer, ChunkTask> running) {
    }

    ShellSession(Channel channel, ExecutorService tasks, StuckTasks stuck) {
        this.channel = channel;
        this.tasks = tasks;
        this.stuck = stuck;
        this.name = "shell@" + channel.remoteAddress();
    }

    void defineJar(DefineJar jar) {
        try {
            jars.put(jar.hash(), jar.name(), jar.bytes());
        } catch (java.io.IOException e) {
            WorkerLog.info("cannot keep jar " + jar.name() + " for " + name + ": " + e.getMessage());
        }
    }

    void useJars(UseJars use) {
        generation(use.generation()).loader().useJars(use.hashes().stream().map(jars::get).toList());
    }

    void define(DefineBundle bundle) {
        generation(bundle.generation()).loader().add(bundle.classes());
    }

    void start(StartJob start) {
        GenerationClasses g = generation(start.generation());
        String hash = FunctionCache.hashOf(start.function());
        PreparedJob known = g.functions().get(hash);
        if (known != null) {
            started(start.jobId(), known);
            return;
        }
        CompletableFuture<PreparedJob> prepared = new CompletableFuture<>();
        jobs.put(start.jobId(), new Job(prepared, new ConcurrentHashMap<>()));
        tasks.execute(() -> {
            try {
                PreparedJob job = PreparedJob.prepare(g, start.function());
                g.functions().keepIfReusable(hash, job);
                prepared.complete(job);
            } catch (Throwable t) {
                prepared.completeExceptionally(t);
            }
        });
    }

    /** A whole job in one message: started, its one chunk run, and forgotten once its result is sent. */
    void runJob(RunJob whole) {
        start(whole.start());
        run(whole.chunk(), true);
    }

    /** A whole job for a function named by its hash: run as {@link #runJob} if this generation holds it, else asked for. */
    void runKnownJob(RunKnownJob whole) {
        PreparedJob known = generation(whole.generation()).functions().get(whole.functionHash());
        if (known == null) {
            channel.writeAndFlush(new UnknownFunction(whole.jobId()));
            return;
        }
        started(whole.jobId(), known);
        run(whole.chunk(), true);
    }

    private void started(long jobId, PreparedJob known) {
        jobs.put(jobId, new Job(CompletableFuture.completedFuture(known), new ConcurrentHashMap<>()));
    }

    void run(RunChunk chunk) {
        run(chunk, false);
    }

    private void run(RunChunk chunk, boolean lastOfJob) {
        Job job = jobs.get(chunk.jobId());
        if (job == null) {
            fail(chunk, new IllegalStateException("job " + chunk.jobId() + " was not started on this worker"));
            return;
        }
        ChunkTask[] self = new ChunkTask[1];
        ChunkTask task = new ChunkTask(() -> {
            try {
                respond(chunk, apply(job.prepared().join(), chunk, self[0]));
            } catch (Throwable t) {
                fail(chunk, t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t);
            } finally {
                finished(job, chunk, lastOfJob);
            }
        });
        self[0] = task;
        job.running().put(chunk.chunk(), task);
        tasks.execute(task);
    }

    private void respond(RunChunk chunk, byte[] results) {
        if (!FrameSize.fits(results.length)) {
            throw new IllegalStateException(FrameSize.tooBig("the results of chunk " + chunk.chunk(), results.length));
        }
        channel.writeAndFlush(new ChunkDone(chunk.jobId(), chunk.chunk(), results));
    }

    private void finished(Job job, RunChunk chunk, boolean lastOfJob) {
        job.running().remove(chunk.chunk());
        if (lastOfJob) {
            jobs.remove(chunk.jobId(), job);
        }
    }

    void end(EndJob end) {
        jobs.remove(end.jobId());
    }

    void cancel(CancelJob cancel) {
        Job job = jobs.remove(cancel.jobId());
        if (job != null) {
            job.running().values().forEach(stuck::cancel);
        }
    }

    void close() {
        jobs.values().forEach(job -> job.running().values().forEach(stuck::cancel));
        jobs.clear();
    }

    String name() {
        return name;
    }

    private static byte[] apply(PreparedJob job, RunChunk chunk, ChunkTask task) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(job.generation().loader());
        try {
            Object inputs = job.generation().items().decodeArray(chunk.inputs());
            Object results;
            task.inUserCode(true);
            try {
                results = job.loop().apply(job.function(), inputs);
            } finally {
                task.inUserCode(false);
            }
            return job.generation().items().encodeArray(results);
        } catch (InterruptedException e) {
            throw new java.util.concurrent.CancellationException(e.getMessage());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void fail(RunChunk chunk, Throwable t) {
        channel.writeAndFlush(new ChunkFailed(chunk.jobId(), chunk.chunk(), RemoteFailure.of(t)));
    }

    /**
     * The shell's first generation, made now if no message has asked for one yet (a shell whose first message
     * names a later generation replaces it then, as any new generation does).
     */
    synchronized GenerationClasses firstGeneration() {
        if (generation == null) {
            generation = GenerationClasses.create(1, name);
        }
        return generation;
    }

    private GenerationClasses generation(int number) {
        GenerationClasses g = generation;
        if (g == null || g.number() != number) {
            synchronized (this) {
                g = generation;
                if (g == null || g.number() != number) {
                    g = GenerationClasses.create(number, name);
                    generation = g;
                }
            }
        }
        return g;
    }
}
