package no.folkevalgt.app;

import picocli.CommandLine.Option;

/** --help (and --version on the top command) with Norwegian descriptions. */
class HelpOptions {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Vis denne hjelpen og avslutt.")
    boolean help;

    static final class WithVersion extends HelpOptions {
        @Option(names = {"-V", "--version"}, versionHelp = true, description = "Vis versjonen og avslutt.")
        boolean version;
    }
}
