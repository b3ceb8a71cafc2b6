package org.parshell.repl.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A tool a test cannot run without (tmux, openssl, jshell, ip netns, sshd). On a developer's machine
 * its absence skips the test; in CI ({@code CI=true}), where {@code .ci/run} installs them, it fails
 * the test, so a silent skip cannot hide the only terminal, TLS, namespace or ssh tests.
 */
final class RequiredTool {
    private RequiredTool() {
    }

    static void require(boolean present, String missing) {
        if (inCi()) {
            if (!present) {
                fail("CI=true and " + missing);
            }
            return;
        }
        assumeTrue(present, missing);
    }

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
