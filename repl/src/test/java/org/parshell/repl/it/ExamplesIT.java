package org.parshell.repl.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every script in examples/ runs on two workers, exits 0 and prints what it promises. */
class ExamplesIT {

    private static ParshellProcess.Result run(String example) throws Exception {
        return run(Map.of(), example);
    }

    private static ParshellProcess.Result run(Map<String, String> env, String example) throws Exception {
        try (ParshellProcess p = ParshellProcess.start(env, "parshell", "--workers", "2", "examples/" + example)) {
            ParshellProcess.Result r = p.await(180);
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(!r.output().contains("|  Exception") && !r.output().contains("|  Error"), r.output());
            return r;
        }
    }

    private static void assertContains(ParshellProcess.Result r, String... expected) {
        for (String e : expected) {
            assertTrue(r.output().contains(e), "expected '" + e + "' in:\n" + r.output());
        }
    }

    @Test
    void everyExampleIsCoveredHere() throws Exception {
        try (Stream<Path> files = Files.list(ParshellProcess.ROOT.resolve("examples"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jsh")).sorted().toList();
            assertEquals(List.of("mandelbrot.jsh", "pi.jsh", "pipeline.jsh", "primes.jsh", "squared.jsh", "wordfreq.jsh"), names,
                    "a new example needs its test in ExamplesIT");
        }
    }

    @Test
    void squared() throws Exception {
        assertContains(run("squared.jsh"), "$2 ==> [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]", "[2, 5, 10]");
    }

    @Test
    void monteCarloPi() throws Exception {
        assertContains(run("pi.jsh"), "pi is about 3.1413 (off by 0.0003) from 16 million darts");
    }

    @Test
    void countingPrimes() throws Exception {
        assertContains(run("primes.jsh"), "primes below 2000000: 148933");
    }

    @Test
    void wordFrequencies() throws Exception {
        assertContains(run("wordfreq.jsh"), "words: 208, distinct: 100", "the 21\nof 17\nwas 12\nit 11\na 9\n");
    }

    @Test
    void recordsThroughAPipeline() throws Exception {
        assertContains(run("pipeline.jsh"),
                "first invoice: Invoice[orderId=1, customer=grace, net=4.5, tax=0.9, gross=5.4]",
                "ada owes 125.70", "grace owes 102.30", "linus owes 143.70", "total 371.70 over 30 invoices");
    }

    @Test
    void mandelbrotRenderedToAPng(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("mandelbrot.png");
        assertContains(run(Map.of("MANDELBROT_DIR", dir.toString()), "mandelbrot.jsh"),
                "wrote " + png + ": 640x480, 60655 points inside the set");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
        long black = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                black += (image.getRGB(x, y) & 0xFFFFFF) == 0 ? 1 : 0;
            }
        }
        assertEquals(60655, black, "the PNG holds the set the workers computed");
    }
}
