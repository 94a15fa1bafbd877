package no.folkevalgt.app;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Picocli's usage headings and error messages in Norwegian. */
final class Norwegian {

    private Norwegian() {
    }

    static void usageHeadings(CommandLine cli) {
        CommandLine.Model.UsageMessageSpec usage = cli.getCommandSpec().usageMessage();
        usage.synopsisHeading("Bruk: ")
                .descriptionHeading("%n")
                .parameterListHeading("%nArgumenter:%n")
                .optionListHeading("%nValg:%n")
                .commandListHeading("%nKommandoer:%n");
        cli.getSubcommands().values().forEach(Norwegian::usageHeadings);
    }

    static String parameterError(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> args = unmatched.getUnmatched();
            String joined = args.stream().map(a -> "«" + a + "»").collect(Collectors.joining(", "));
            boolean option = !args.isEmpty() && args.get(0).startsWith("-");
            String text = (option ? "ukjent valg " : "ukjent kommando eller argument ") + joined;
            List<String> suggestions = unmatched.getSuggestions();
            return suggestions.isEmpty() ? text : text + " (mente du " + String.join(" eller ", suggestions) + "?)";
        }
        if (ex instanceof CommandLine.MissingParameterException missing) {
            return "mangler " + missing.getMissing().stream().map(Norwegian::name).collect(Collectors.joining(", "));
        }
        ArgSpec arg = ex.getArgSpec();
        if (ex.getCause() instanceof CommandLine.TypeConversionException && arg != null) {
            return "ugyldig verdi for " + name(arg) + ex.getValue().transform(v -> v == null ? "" : ": «" + v + "»");
        }
        if (arg != null && ex.getMessage() != null && ex.getMessage().startsWith("Invalid value")) {
            return "ugyldig verdi for " + name(arg);
        }
        return ex.getMessage();
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }
}
