package org.parshell.repl.shell;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** jshell's "modified" (bodies or initializers changed) against "replaced" (the outline changed) for a type. */
class TypeShapeTest {
    @Test
    void bodiesInitializersAndSpacingDoNotChangeTheOutline() {
        assertEquals(TypeShape.of("class C { int f() { return 1; } }"), TypeShape.of("class C {\n  int f() { return \"}\".length(); }\n}"));
        assertEquals(TypeShape.of("class C { int z = 1; }"), TypeShape.of("class C { int z = 2 + 3; }"));
        assertEquals(TypeShape.of("record R(int x) { int g() { return 1; } }"), TypeShape.of("record R(int x) { int g() { return 2; } }"));
    }

    @Test
    void membersHeadersAndSignaturesDo() {
        assertNotEquals(TypeShape.of("class C {}"), TypeShape.of("class C { int z; }"));
        assertNotEquals(TypeShape.of("record R(int x) {}"), TypeShape.of("record R(int x, int y) {}"));
        assertNotEquals(TypeShape.of("interface I {}"), TypeShape.of("interface I { default int k() { return 1; } }"));
        assertNotEquals(TypeShape.of("class C { int f() { return 1; } }"), TypeShape.of("class C { long f() { return 1; } }"));
    }
}
