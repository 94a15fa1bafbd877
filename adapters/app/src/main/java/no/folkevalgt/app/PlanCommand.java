package no.folkevalgt.app;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostPlanner;
import no.folkevalgt.core.programme.Programme;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plan}: the posts the bot will make from the programme, in time order. */
@Command(name = "plan",
        description = {"Vis innleggene boten vil poste fra programmet: påminnelser, refleksjonsoppgaver og oppsummeringer."},
        footer = {"", "Eksempler:", "  ./bot plan", "  ./bot plan --json", "  ./bot plan --demo"})
final class PlanCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d. MMM 'kl.' HH.mm", Locale.forLanguageTag("nb-NO"));

    private final App app;

    @CommandLine.Mixin
    HelpOptions helpOptions;

    @Option(names = "--json", description = "Skriv en JSON-liste: id, at (ISO-8601 med tidssone), channel, kind, text.")
    boolean json;

    @Option(names = "--demo", description = "Flytt programmet så dag 1 begynner om noen minutter (som ./bot chat --demo).")
    boolean demo;

    PlanCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() throws Exception {
        Programme programme = app.programme(demo);
        List<PlannedPost> posts = PostPlanner.plan(programme);
        PrintStream out = app.out();
        if (json) {
            ArrayNode array = JSON.createArrayNode();
            for (PlannedPost post : posts) {
                array.addObject()
                        .put("id", post.id())
                        .put("at", java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(post.at().atZone(programme.zone())))
                        .put("channel", post.channel().toString())
                        .put("kind", post.kind().name().toLowerCase(Locale.ROOT))
                        .put("text", post.text());
            }
            out.println(JSON.writeValueAsString(array));
            return 0;
        }
        out.println(programme.title() + ", " + programme.place() + ": " + posts.size() + " innlegg");
        for (PlannedPost post : posts) {
            out.println();
            out.println(WHEN.format(post.at().atZone(programme.zone())) + "  " + label(post) + "  → " + post.channel());
            out.println("  " + post.text().replace("\n", "\n  "));
        }
        return 0;
    }

    private static String label(PlannedPost post) {
        return switch (post.kind()) {
            case REMINDER -> "påminnelse";
            case PROMPT -> "refleksjonsoppgave " + post.prompt();
            case SUMMARY -> "oppsummering " + post.prompt();
        };
    }
}
