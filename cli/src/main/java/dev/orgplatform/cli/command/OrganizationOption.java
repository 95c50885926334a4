package dev.orgplatform.cli.command;

import picocli.CommandLine.Option;

/** {@code --organization}: which organization a command acts in (default: the one chosen with `organizations use`). */
public class OrganizationOption {

    @Option(names = {"--organization", "--org"}, paramLabel = "ID", description = "the organization (default: `organizations use`)")
    String organization;
}
