package org.parshell.repl.it;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** A small library jar, compiled for the corpus case that adds it with {@code /env --class-path}. */
final class CorpusJar {
    static final String SOURCE = """
            package corpus.lib;

            public final class Greeter {
                private final String greeting;
                public Greeter(String greeting) { this.greeting = greeting; }
                public String greet(Object who) { return greeting + ", " + who + "!"; }
                public static int shout(String s) { return s.toUpperCase().length() * 10; }
                @Override public String toString() { return "Greeter(" + greeting + ")"; }
            }
            """;

    private CorpusJar() {
    }

    /** Writes {@code dir/greeter.jar} (class {@code corpus.lib.Greeter}) and returns its path. */
    static Path build(Path dir) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/corpus/lib"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(src.resolve("Greeter.java"), SOURCE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), src.resolve("Greeter.java").toString());
        if (status != 0) {
            throw new IOException("javac failed on the corpus library: " + status);
        }
        Path jar = dir.resolve("greeter.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path c : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(c));
                out.closeEntry();
            }
        }
        return jar;
    }
}
