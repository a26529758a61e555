package org.physml.descriptors.cli;

import java.io.PrintStream;
import java.io.PrintWriter;

import picocli.CommandLine;

/**
 * Runs a picocli command the way the course's command lines do: output and errors to the given streams, bad input
 * (an {@link IllegalArgumentException} or an I/O error) reported as one line {@code error: <message>} with exit
 * code 1, usage errors with code 2 (picocli's), anything else thrown on.
 */
public final class CliRunner {
    private CliRunner() {
    }

    /** Executes {@code command} (a picocli {@code @Command} object) and returns its exit code. */
    public static int run(Object command, String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof java.io.IOException
                    || e instanceof java.io.UncheckedIOException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cl.execute(args);
    }
}
