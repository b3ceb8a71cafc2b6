package org.parshell.repl.capture;

import java.util.List;

/**
 * What a value would take with it to a worker: how many snippet classes (by name those declared at
 * the prompt; the rest are the wrappers JShell makes for top-level methods) and which variables.
 */
public record ShippingReport(int classCount, List<String> declaredTypes, List<String> variables) {

    @Override
    public String toString() {
        return classCount + (classCount == 1 ? " class" : " classes")
                + (declaredTypes.isEmpty() ? "" : " (" + String.join(", ", declaredTypes) + ")")
                + (variables.isEmpty() ? ", no variables" : ", variables " + String.join(", ", variables));
    }
}
