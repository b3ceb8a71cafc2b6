package org.parshell.repl.session;

import jdk.jshell.JShell;
import org.parshell.repl.capture.CapturingEngine;
import org.parshell.repl.capture.ClassStore;
import org.parshell.repl.capture.FunctionCapture;

/** The parts of one shell generation a session is saved from or restored into. */
public record SessionTarget(JShell jshell, ClassStore store, ClassLoader snippets, FunctionCapture capture,
                            CapturingEngine engine) {
}
