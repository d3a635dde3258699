package dev.penumbra.cli;

import dev.penumbra.io.Json;
import picocli.CommandLine.Option;

/** The {@code --json} switch of the commands that print one result: JSON for scripts, a table for people. */
public final class JsonOption {

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    /** @return the result as JSON with {@code --json}, else {@code text} */
    public String render(Object result, String text) {
        return json ? Json.toString(result) : text;
    }
}
