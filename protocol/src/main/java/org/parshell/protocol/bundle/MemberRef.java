package org.parshell.protocol.bundle;

/** A method or field as bytecode names it: owner's binary (dotted) name, member name, descriptor. */
public record MemberRef(String owner, String name, String descriptor) {
}
