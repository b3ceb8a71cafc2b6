package org.parshell.repl.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /help} and {@code /?}: with no argument the list of commands; with one, the help of every
 * command and subject whose name starts with it (the slash may be left out), chosen and printed as
 * jshell 17 chooses and prints them, {@code /help /set SUBCOMMAND} included.
 */
final class CommandHelp {
    /** jshell's {@code /set} subcommands, in jshell's order (its help covers them all, parshell's {@code /set} some). */
    private static final List<String> SET_SUBCOMMANDS =
            List.of("format", "truncation", "feedback", "mode", "prompt", "editor", "start", "indent");
    /** What {@code /help} knows besides the commands: the re-run forms, then jshell's subjects. */
    private static final List<Topic> EXTRA_TOPICS = List.of(
            new Topic("/!", "bang"), new Topic("/<id>", "slash-id"), new Topic("/-<n>", "previous"),
            new Topic("intro", "intro"), new Topic("keys", "keys"), new Topic("id", "id"),
            new Topic("shortcuts", "shortcuts"), new Topic("context", "context"), new Topic("rerun", "rerun"));

    private record Topic(String name, String key) {
    }

    private final Supplier<List<Command>> commands;
    private final Reply reply;

    CommandHelp(Supplier<List<Command>> commands, Reply reply) {
        this.commands = commands;
        this.reply = reply;
    }

    boolean run(String args) {
        List<String> words = List.of(args.strip().split("\\s+"));
        if (args.isBlank()) {
            list();
            return true;
        }
        String subject = words.get(0);
        List<Topic> matches = topics().stream()
                .filter(t -> t.name().startsWith(subject) || t.name().substring(1).startsWith(subject)).toList();
        if (matches.size() == 1 && matches.get(0).name().equals("/set") && words.size() > 1) {
            return setSubcommand(words.get(1));
        }
        if (!matches.isEmpty()) {
            matches.forEach(t -> print(t.name(), t.key()));
            return true;
        }
        List<String> subcommands = SET_SUBCOMMANDS.stream().filter(s -> s.startsWith(subject)).toList();
        if (!subcommands.isEmpty()) {
            subcommands.forEach(s -> print("/set " + s, "set." + s));
            return true;
        }
        reply.line("No commands or subjects start with the provided argument: " + PathArgument.visible(args.strip()));
        list();
        return false;
    }

    private boolean setSubcommand(String typed) {
        List<String> which = SET_SUBCOMMANDS.stream().filter(s -> s.startsWith(typed)).toList();
        if (which.isEmpty()) {
            reply.line("Invalid '/set' argument: " + typed);
            return false;
        }
        if (which.size() > 1) {
            reply.line("Ambiguous sub-command argument to '/set': " + typed);
            return false;
        }
        print("/set " + which.get(0), "set." + which.get(0));
        return true;
    }

    private List<Topic> topics() {
        List<Topic> topics = new ArrayList<>();
        commands.get().forEach(c -> topics.add(new Topic(c.name(), c.helpKey())));
        topics.addAll(EXTRA_TOPICS);
        return topics;
    }

    private void print(String title, String key) {
        HelpText.titled(title, key).forEach(reply::line);
    }

    private void list() {
        reply.line("Type a Java expression, statement or declaration, or a command:");
        commands.get().forEach(c -> reply.line("  " + c.helpLine()));
        reply.line("  /!, /ID [ID...], /-N  run the last snippet, these snippets, or the N-th from the end again");
        reply.line("In every snippet: pmap(fn, inputs) returns fn applied to each input, computed on the workers.");
        reply.line("/help COMMAND or /help SUBJECT says more; the subjects are intro, keys, id, shortcuts, context and rerun.");
    }
}
