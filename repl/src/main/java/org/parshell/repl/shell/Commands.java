package org.parshell.repl.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shell's {@code /} commands, one {@link Command} value each, jshell's in jshell's order (so that
 * {@code /help} with a prefix lists the matches as jshell does) with parshell's own among them: finds
 * the command a line names (a unique prefix will do, as in jshell), runs it, and keeps a successful
 * one that {@code /reload} replays in the replay history.
 */
final class Commands {
    private final Shell shell;
    private final Reply reply;
    private final SessionCommands sessionCommands;
    private final List<Command> all;

    Commands(Shell shell, Reply reply) {
        this.shell = shell;
        this.reply = reply;
        this.sessionCommands = new SessionCommands(shell, reply);
        CommandHelp help = new CommandHelp(this::all, reply);
        JshellCommands jshell = new JshellCommands(shell, reply);
        List<Command> table = new ArrayList<>(jshell.snippetCommands());
        table.add(new Command("/exit", "/exit [N]         leave the shell (exit status N)", args -> exit(shell, args)));
        table.addAll(new ParallelCommands(shell, reply).commands());
        table.add(new Command("/reset", "/reset            forget every snippet and start a new generation", args -> reset(shell)));
        table.addAll(sessionCommands.commands());
        table.addAll(jshell.historyCommands());
        table.add(new Command("/help", "/help [COMMAND]   this list, or what COMMAND does", help::run));
        table.add(new Command("/?", "/? [COMMAND]      the same as /help", help::run).helpedBy("quest"));
        RemoteCommands remote = new RemoteCommands(shell, reply);
        table.add(new Command("/attach", "/attach HOST[:PORT]|ssh://[USER@]HOST|dns://NAME  add a worker daemon (port 7171 unless given), "
                + "start one over ssh, or attach every address of a name", remote::attach));
        table.add(new Command("/detach", "/detach HOST[:PORT]|ssh://HOST|all  take attached workers out of the pool", remote::detach));
        this.all = List.copyOf(table);
    }

    List<Command> all() {
        return all;
    }

    /** The command named exactly {@code name}. */
    Optional<Command> named(String name) {
        return all.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Runs {@code line} (it starts with '/'); false if the command failed. */
    boolean run(String line) {
        String[] parts = line.strip().split("\\s+", 2);
        String args = parts.length > 1 ? parts[1] : "";
        if (SessionCommands.isRerun(parts[0])) {
            return sessionCommands.rerun(line);
        }
        List<Command> matches = all.stream().filter(c -> c.name().startsWith(parts[0])).toList();
        Optional<Command> command = named(parts[0]).or(() -> matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty());
        if (command.isEmpty()) {
            List<String> hints = matches.isEmpty() ? CommandHint.closest(parts[0], all.stream().map(Command::name).toList()).stream().toList() : matches.stream().map(Command::name).toList();
            reply.line("No such command: " + parts[0] + (hints.isEmpty() ? "" : " (did you mean " + String.join(", ", hints) + "?)")
                    + "; /help lists the commands");
            return false;
        }
        boolean ok = command.get().run(args);
        if (ok && command.get().replayed()) {
            shell.replayHistory().add((command.get().name() + " " + args).strip());
        }
        return ok;
    }

    private boolean reset(Shell shell) {
        shell.reset();
        reply.line("Resetting state.");
        return true;
    }

    private boolean exit(Shell shell, String args) {
        int status = 0;
        if (!args.isBlank()) {
            try {
                status = Integer.parseInt(args.strip());
            } catch (NumberFormatException e) {
                reply.line("/exit takes a number, not " + args.strip());
                return false;
            }
        }
        shell.requestExit(status);
        return true;
    }
}
