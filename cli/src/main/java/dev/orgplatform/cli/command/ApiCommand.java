package dev.orgplatform.cli.command;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.orgplatform.cli.client.Api;
import dev.orgplatform.cli.config.CliConfig;
import dev.orgplatform.cli.config.Endpoints;
import dev.orgplatform.cli.output.Output;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that talks to the services: the global options, the config, the output. */
public abstract class ApiCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    /** Variables the CLI reads; a test replaces them. */
    static Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws Exception {
        return run();
    }

    protected abstract int run() throws Exception;

    protected CliConfig config() {
        return new CliConfig(global.configDir != null ? global.configDir : CliConfig.defaultDir(environment));
    }

    protected Endpoints endpoints() {
        return config().endpoints(global.flags(), environment);
    }

    protected Api api() {
        return Api.of(endpoints(), config(), global.apiKey);
    }

    protected Output out() {
        return new Output(spec.commandLine().getOut(), global.output);
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A page of a listing: its items as a table (and where the next page starts, on stderr), or the whole page as JSON. */
    protected void printPage(com.fasterxml.jackson.databind.JsonNode page, Output.Column... columns) {
        Output out = out();
        if (out.json()) {
            out.json(page);
            return;
        }
        out.print(page.path("items"), columns);
        if (page.hasNonNull("nextCursor")) {
            err().println("more: --cursor " + page.get("nextCursor").asText());
            err().flush();
        }
    }

    /** {@code given} (an --organization flag), else the default organization ({@code organizations use}). */
    protected String organization(String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        String stored = config().settings().get("organization");
        if (stored == null) {
            throw new ParameterException(spec.commandLine(), "no organization: pass --organization ID, or choose a default with "
                    + "`orgplatform organizations use ID`");
        }
        return stored;
    }
}
