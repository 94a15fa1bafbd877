package no.folkevalgt.app;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.Lesson;
import no.folkevalgt.core.teaching.GapList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code gaps}: the questions the bot declined, was unsure of, or whose answer got 👎, alike ones
 * grouped, newest first, with what was taught about each: what a facilitator works from with
 * {@code teach}. Never who asked.
 */
@Command(name = "gaps",
        description = {"Vis spørsmålene boten ikke fant svar på, var usikker på eller fikk 👎 for, nyeste først.",
                "Like spørsmål er slått sammen. Lær boten svaret med ./bot teach."},
        footer = {"", "Eksempler:", "  ./bot gaps", "  ./bot gaps --limit 10", "  ./bot gaps --json"})
final class GapsCommand implements Callable<Integer> {

    static final int MAX_LIMIT = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final App app;

    @CommandLine.Mixin
    HelpOptions helpOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "Høyst så mange spørsmål (1-" + MAX_LIMIT + ", standard ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Skriv en JSON-liste: question, wordings, kinds, count, first, last, "
            + "platforms, suggested, unhelpful, taught.")
    boolean json;

    GapsCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--limit må være fra 1 til " + MAX_LIMIT + ", men er " + limit);
        }
        try (Teaching teaching = Teaching.open(app)) {
            List<GapList.Gap> gaps = teaching.gaps().gaps(limit);
            if (json) {
                app.out().println(JSON.writeValueAsString(toJson(gaps, teaching)));
            } else {
                print(gaps, teaching);
            }
        }
        return 0;
    }

    private void print(List<GapList.Gap> gaps, Teaching teaching) {
        PrintStream out = app.out();
        if (gaps.isEmpty()) {
            out.println("Listen er tom: boten har ikke latt noe spørsmål være ubesvart eller vært usikker, "
                    + "og ingen svar har fått 👎.");
            return;
        }
        out.println(gaps.size() == 1 ? "1 spørsmål boten ikke svarte godt på:" : gaps.size()
                + " spørsmål boten ikke svarte godt på, nyeste først:");
        for (GapList.Gap gap : gaps) {
            out.println();
            out.println("«" + gap.question() + "»");
            out.println("  " + String.join(", ", gap.kinds().stream().map(GapList.Kind::text).toList())
                    + " · " + (gap.count() == 1 ? "1 gang" : gap.count() + " ganger")
                    + " · sist " + teaching.when(gap.last())
                    + " · " + String.join(", ", gap.platforms().stream().map(GapsCommand::platform).toList()));
            if (!gap.wordings().isEmpty()) {
                out.println("  Også spurt: " + String.join(", ", gap.wordings().stream().map(w -> "«" + w + "»").toList()));
            }
            if (!gap.suggested().isEmpty()) {
                out.println("  Foreslått: " + teaching.slides(gap.suggested()));
            }
            if (!gap.unhelpful().isEmpty()) {
                out.println("  👎 på: " + String.join(", ", gap.unhelpful().stream().map(teaching::slide).toList()));
            }
            gap.taught().ifPresent(lesson -> out.println("  Lært: " + teaching.taught(lesson)
                    + (lesson.question().equalsIgnoreCase(gap.question()) ? "" : " (for «" + lesson.question() + "»)")));
        }
        out.println();
        out.println("Lær boten svaret: ./bot teach \"spørsmål\" --slide N, eller --reply \"tekst\" når det ikke står i materialet.");
    }

    /* The terminal's platform is called "local" in the records. */
    private static String platform(String platform) {
        return Incoming.LOCAL.equals(platform) ? "terminal" : platform;
    }

    private static ArrayNode toJson(List<GapList.Gap> gaps, Teaching teaching) {
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        ArrayNode array = JSON.createArrayNode();
        for (GapList.Gap gap : gaps) {
            ObjectNode node = array.addObject();
            node.put("question", gap.question());
            gap.wordings().forEach(node.putArray("wordings")::add);
            ArrayNode kinds = node.putArray("kinds");
            gap.kinds().forEach(kind -> kinds.add(kind.text()));
            node.put("count", gap.count());
            node.put("first", iso.format(gap.first().atZone(teaching.zone)));
            node.put("last", iso.format(gap.last().atZone(teaching.zone)));
            gap.platforms().forEach(node.putArray("platforms")::add);
            ArrayNode suggested = node.putArray("suggested");
            for (Citation c : gap.suggested()) {
                suggested.addObject().put("source", c.source()).put("slide", c.slide()).put("title", c.title());
            }
            gap.unhelpful().forEach(node.putArray("unhelpful")::add);
            if (gap.taught().isEmpty()) {
                node.putNull("taught");
            } else {
                Lesson lesson = gap.taught().get();
                ObjectNode taught = node.putObject("taught");
                taught.put("question", lesson.question());
                if (lesson.isLink()) {
                    taught.put("source", lesson.source()).put("slide", lesson.slide());
                } else {
                    taught.put("notInMaterial", true).put("reply", lesson.reply());
                }
                taught.put("at", iso.format(lesson.at().atZone(teaching.zone)));
            }
        }
        return array;
    }
}
