package no.folkevalgt.core.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

import no.folkevalgt.core.port.ChannelRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProgrammeLoaderTest {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    /** A small valid file; the refusal cases change one thing in it. */
    static final String VALID = """
            title: Testsamling
            place: Testby kommune
            time_zone: Europe/Oslo
            reminder_lead_minutes: 10
            channels:
              - local:programmet
            days:
              - day: 1
                date: 2019-11-05
                sessions:
                  - start: 09.00
                    title: Åpning
                  - start: "10:00"
                    end: 10.45
                    title: Lunsj
                    kind: lunch
                  - start: 11.00
                    title: Avslutning
            prompts:
              - title: Hvorfor?
                day: 1
                opens: 09.10
                closes: 09.30
            """;

    /* ---- the bundled programme ---- */

    @Test
    void bundled_hasBothDaysOfRakkestad_withTheDecksTimes() {
        Programme p = ProgrammeLoader.loadBundled();

        assertThat(p.title()).isEqualTo("KS Folkevalgtprogram");
        assertThat(p.place()).isEqualTo("Rakkestad kommune");
        assertThat(p.zone()).isEqualTo(OSLO);
        assertThat(p.days()).isEqualTo(2);
        assertThat(p.date(1)).contains(java.time.LocalDate.of(2019, 11, 5));
        assertThat(p.date(2)).contains(java.time.LocalDate.of(2019, 11, 6));
        assertThat(p.channels()).containsExactly(ChannelRef.parse("local:programmet"));
        assertThat(p.reminderLead()).isEqualTo(Duration.ofMinutes(10));

        /* Every slot of both "Program for dagen" slides is there. */
        assertThat(p.sessions(1)).extracting(Session::title).contains(
                "KS – Kommunesektorens organisasjon", "Hvorfor engasjerte jeg meg i lokalpolitikken?",
                "Hva innebærer det å være folkevalgt?", "Informasjon fra administrasjonen", "Lunsj", "Kommunetorg",
                "Samspillet med administrasjonen", "Å være folkevalgt i sosiale medier", "Middag");
        assertThat(p.sessions(2)).extracting(Session::title).contains(
                "Refleksjoner fra i går", "Hvordan finne det økonomiske handlingsrommet?", "Utvalgsjobbing", "Lunsj",
                "Når pressen banker på døren", "Samspillet med innbyggerne", "Vi er snart klare for avgang");

        /* The times the deck gives. */
        assertThat(slot(p, 1, "KS – Kommunesektorens organisasjon").start()).isEqualTo(oslo("2019-11-05T09:00"));
        assertThat(slot(p, 1, "Lunsj").start()).isEqualTo(oslo("2019-11-05T11:30"));
        assertThat(slot(p, 1, "Å være folkevalgt i sosiale medier").end()).isEqualTo(oslo("2019-11-05T16:00"));
        assertThat(slot(p, 1, "Middag").start()).isEqualTo(oslo("2019-11-05T16:30"));
        assertThat(slot(p, 1, "Samspillet med administrasjonen").start()).isEqualTo(oslo("2019-11-05T13:00"));
        assertThat(slot(p, 2, "Refleksjoner fra i går").start()).isEqualTo(oslo("2019-11-06T09:00"));
        assertThat(slot(p, 2, "Lunsj").start()).as("day 2 lunch: 11.45, as on two of three slides")
                .isEqualTo(oslo("2019-11-06T11:45"));
        assertThat(slot(p, 2, "Vi er snart klare for avgang").end()).isEqualTo(oslo("2019-11-06T15:00"));
        assertThat(p.sessions()).filteredOn(s -> s.kind() == SessionKind.LUNCH).hasSize(2);
        assertThat(p.sessions()).filteredOn(s -> s.kind() == SessionKind.DINNER).hasSize(1);
        assertThat(p.sessions()).filteredOn(s -> s.kind() == SessionKind.BREAK).isNotEmpty();

        /* Slots without an end run to the next one. */
        assertThat(slot(p, 1, "KS – Kommunesektorens organisasjon").end())
                .isEqualTo(slot(p, 1, "Hvorfor engasjerte jeg meg i lokalpolitikken?").start());
    }

    @Test
    void bundled_hasTheThreeReflectionTasksAndTheMentiQuestion() {
        Programme p = ProgrammeLoader.loadBundled();

        assertThat(p.prompts()).extracting(Prompt::title).containsExactly(
                "Hvorfor engasjerte du deg i lokalpolitikken?", "Kulturen hos oss", "Hvordan vil vi ha det hos oss?",
                "Hvilke ord sitter vi igjen fra dagen i går?");
        assertThat(p.prompts()).extracting(Prompt::number).containsExactly(1, 2, 3, 4);
        assertThat(p.prompts()).allMatch(Prompt::anonymous);
        assertThat(p.prompt(4).orElseThrow().maxWords()).isEqualTo(5);
        assertThat(p.prompt(3).orElseThrow().maxWords()).isZero();
        assertThat(p.prompt(2).orElseThrow().text()).contains("Hvordan vil vi ha det i vårt kommunestyre?");
        assertThat(p.prompt(1).orElseThrow().opens()).isEqualTo(oslo("2019-11-05T09:25"));
        assertThat(p.prompt(4).orElseThrow().opens()).isEqualTo(oslo("2019-11-06T09:20"));
        assertThat(p.prompts()).allSatisfy(prompt -> assertThat(prompt.closes()).isAfter(prompt.opens()));
        assertThat(p.prompts()).extracting(p::dayOf).containsExactly(1, 1, 1, 2);
    }

    @Test
    void bundledFile_inConfig_isTheSameAsTheClasspathCopy() throws Exception {
        Path config = Path.of("..", "config", "programme.yaml");
        assertThat(config).exists();
        Programme fromFile = ProgrammeLoader.load(config);
        assertThat(fromFile).isEqualTo(ProgrammeLoader.loadBundled());
    }

    /* ---- reading rules ---- */

    @Test
    void valid_acceptsBothTimeFormats_andFillsEnds() {
        Programme p = ProgrammeLoader.parse(VALID, "programme.yaml");

        assertThat(p.sessions()).extracting(Session::title).containsExactly("Åpning", "Lunsj", "Avslutning");
        assertThat(p.sessions().get(0).end()).as("until the next start").isEqualTo(oslo("2019-11-05T10:00"));
        assertThat(p.sessions().get(1).end()).as("its own end").isEqualTo(oslo("2019-11-05T10:45"));
        assertThat(p.sessions().get(2).end()).as("last of the day: an hour").isEqualTo(oslo("2019-11-05T12:00"));
        assertThat(p.sessions().get(1).kind()).isEqualTo(SessionKind.LUNCH);
        assertThat(p.sessions().get(0).kind()).as("kind defaults to session").isEqualTo(SessionKind.SESSION);
        assertThat(p.prompts().get(0).anonymous()).as("anonymous by default").isTrue();
        assertThat(p.prompts().get(0).text()).as("text defaults to the title").isEqualTo("Hvorfor?");
    }

    @Test
    void defaults_channelLeadAndZone_whenLeftOut() {
        String yaml = VALID.replace("time_zone: Europe/Oslo\n", "").replace("reminder_lead_minutes: 10\n", "")
                .replace("channels:\n  - local:programmet\n", "");
        Programme p = ProgrammeLoader.parse(yaml, "programme.yaml");

        assertThat(p.zone()).isEqualTo(OSLO);
        assertThat(p.reminderLead()).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.channels()).containsExactly(new ChannelRef("local", "programmet"));
    }

    @Test
    void load_readsAFileFromDisk_andNamesItInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mitt-program.yaml");
        Files.writeString(file, VALID, StandardCharsets.UTF_8);
        assertThat(ProgrammeLoader.load(file).title()).isEqualTo("Testsamling");

        Files.writeString(file, VALID.replace("start: 11.00", "start: 25.00"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ProgrammeLoader.load(file))
                .isInstanceOf(ProgrammeException.class)
                .hasMessageStartingWith("mitt-program.yaml, linje ");

        assertThatThrownBy(() -> ProgrammeLoader.load(dir.resolve("finnes-ikke.yaml")))
                .isInstanceOf(ProgrammeException.class)
                .hasMessageContaining("fant ikke programfila");
    }

    /* ---- refusals: each names the file, the line and the field ---- */

    static Stream<Arguments> wrongFiles() {
        return Stream.of(
                Arguments.of("unknown time zone", VALID.replace("Europe/Oslo", "Europe/Olso"),
                        "time_zone: Europe/Olso", "time_zone", "ikke en kjent tidssone"),
                Arguments.of("hour 25", VALID.replace("start: 11.00", "start: 25.00"),
                        "start: 25.00", "start", "timen må være 00–23"),
                Arguments.of("minutes 75", VALID.replace("start: 11.00", "start: 11.75"),
                        "start: 11.75", "start", "minuttene må være 00–59"),
                Arguments.of("9.5 is not a time", VALID.replace("start: 11.00", "start: 9.5"),
                        "start: 9.5", "start", "«9.5» (dag 1, «Avslutning») er ikke et klokkeslett"),
                Arguments.of("a word is not a time", VALID.replace("start: 11.00", "start: elleve"),
                        "start: elleve", "start", "er ikke et klokkeslett"),
                Arguments.of("overlapping sessions", VALID.replace("end: 10.45", "end: 11.15"),
                        "start: 11.00", "start", "før «Lunsj» er slutt kl. 11.15"),
                Arguments.of("sessions out of order", VALID.replace("start: 11.00", "start: 08.00"),
                        "start: 08.00", "start", "tidsrekkefølge"),
                Arguments.of("a session ending before it starts", VALID.replace("end: 10.45", "end: 09.45"),
                        "end: 09.45", "end", "slutter (09.45) før"),
                Arguments.of("prompt closing before it opens", VALID.replace("closes: 09.30", "closes: 09.05"),
                        "closes: 09.05", "closes", "lukker kl. 09.05, før eller samtidig med at den åpner"),
                Arguments.of("unknown kind", VALID.replace("kind: lunch", "kind: lunsh"),
                        "kind: lunsh", "kind", "(mente du «lunch»?)"),
                Arguments.of("misspelt field", VALID.replace("start: 11.00", "strat: 11.00"),
                        "strat: 11.00", "strat", "ukjent felt i en økt på dag 1 (mente du «start»?)"),
                Arguments.of("misspelt top-level field", VALID.replace("place:", "plase:"),
                        "plase:", "plase", "(mente du «place»?)"),
                Arguments.of("missing title", VALID.replace("\n        title: Avslutning", ""),
                        "start: 11.00", "title", "mangler i en økt på dag 1"),
                Arguments.of("missing start", VALID.replace("  - start: 11.00\n        title: Avslutning",
                        "  - title: Avslutning"), "title: Avslutning", "start", "mangler"),
                Arguments.of("missing days", VALID.substring(0, VALID.indexOf("days:")), "title: Testsamling", "days",
                        "mangler i programmet"),
                Arguments.of("duplicate day", VALID.replace("prompts:", """
                          - day: 1
                            date: 2019-11-06
                            sessions:
                              - start: 09.00
                                title: Igjen
                        prompts:"""), "Avslutning\n  - day: 1", "day", "dag 1 står to ganger (også på linje 8)"),
                Arguments.of("a gap in the days", VALID.replace("- day: 1", "- day: 2"),
                        "- day: 2", "day", "dag 1 mangler"),
                Arguments.of("empty programme", VALID.substring(0, VALID.indexOf("days:")) + "days: []\n",
                        "days: []", "days", "programmet har ingen dager"),
                Arguments.of("a day without sessions", VALID.substring(0, VALID.indexOf("    sessions:"))
                        + "    sessions:\n", "sessions:", "sessions", "dag 1 har ingen økter"),
                Arguments.of("bad channel", VALID.replace("- local:programmet", "- programmet"),
                        "- programmet", "channels", "«programmet» er ikke en kanal"),
                Arguments.of("unknown platform", VALID.replace("- local:programmet", "- slak:C0123"),
                        "- slak:C0123", "channels", "(mente du «slack»?)"),
                Arguments.of("duplicate channel", VALID.replace("- local:programmet", "- local:programmet\n  - local:programmet"),
                        "  - local:programmet\n  - local:programmet", "channels", "står to ganger"),
                Arguments.of("duplicate field", VALID.replace("place: Testby kommune", "place: Testby kommune\nplace: Andeby"),
                        "place: Andeby", "place", "står to ganger i programmet (også på linje 2)"),
                Arguments.of("prompt on a day the programme does not have", VALID.replace("    day: 1\n    opens", "    day: 3\n    opens"),
                        "    day: 3", "day", "gjelder dag 3, men programmet har bare dag 1"),
                Arguments.of("invalid date", VALID.replace("2019-11-05", "2019-02-30"),
                        "date: 2019-02-30", "date", "ikke en gyldig dato"),
                Arguments.of("lead not a number", VALID.replace("reminder_lead_minutes: 10", "reminder_lead_minutes: ti"),
                        "reminder_lead_minutes: ti", "reminder_lead_minutes", "ikke et helt tall"),
                Arguments.of("anonymous not a boolean", VALID.replace("    closes: 09.30", "    closes: 09.30\n    anonymous: kanskje"),
                        "anonymous: kanskje", "anonymous", "må være true eller false"),
                Arguments.of("a list where a value belongs", VALID.replace("title: Testsamling", "title:\n  - a\n  - b"),
                        "  - a", "title", "skal være en enkelt verdi"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFiles")
    void wrongFile_isRefused_withLineAndField(String name, String yaml, String lineText, String field, String problem) {
        int expectedLine = lineOf(yaml, lineText);

        assertThatThrownBy(() -> ProgrammeLoader.parse(yaml, "programme.yaml"))
                .isInstanceOfSatisfying(ProgrammeException.class, e -> {
                    assertThat(e.line()).as("line of %s in%n%s", lineText, yaml).isEqualTo(expectedLine);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.fileName()).isEqualTo("programme.yaml");
                    assertThat(e.getMessage())
                            .startsWith("programme.yaml, linje " + expectedLine + ", felt «" + field + "»: ")
                            .contains(problem);
                });
    }

    @Test
    void brokenYaml_isRefused_withTheLine() {
        String yaml = VALID.replace("    date: 2019-11-05", "    date: 2019-11-05\n   sessions: [");
        assertThatThrownBy(() -> ProgrammeLoader.parse(yaml, "programme.yaml"))
                .isInstanceOfSatisfying(ProgrammeException.class, e -> {
                    assertThat(e.line()).isBetween(9, 11);
                    assertThat(e.getMessage()).contains("ikke gyldig YAML");
                });
    }

    @Test
    void emptyFile_isRefused() {
        assertThatThrownBy(() -> ProgrammeLoader.parse("# bare en kommentar\n", "programme.yaml"))
                .isInstanceOf(ProgrammeException.class)
                .hasMessage("programme.yaml: fila er tom. Et program trenger minst title og days.");
    }

    @Test
    void aDayOnAnEarlierDate_isRefused() {
        String yaml = VALID.replace("prompts:", """
                  - day: 2
                    date: 2019-11-04
                    sessions:
                      - start: 09.00
                        title: Dag to
                prompts:""");
        assertThatThrownBy(() -> ProgrammeLoader.parse(yaml, "programme.yaml"))
                .isInstanceOfSatisfying(ProgrammeException.class, e -> {
                    assertThat(e.line()).isEqualTo(lineOf(yaml, "date: 2019-11-04"));
                    assertThat(e.field()).isEqualTo("date");
                    assertThat(e.getMessage()).contains("dag 2 (2019-11-04) må komme etter dag 1 (2019-11-05)");
                });
    }

    /* ---- daylight saving ---- */

    /** Saturday 24 and Sunday 25 October 2026: summer time ends at 03.00 on the Sunday. */
    static final String ACROSS_AUTUMN_CHANGE = """
            title: Høstsamling
            place: Testby
            time_zone: Europe/Oslo
            reminder_lead_minutes: 10
            days:
              - day: 1
                date: 2026-10-24
                sessions:
                  - start: 09.10
                    title: Økt lørdag
              - day: 2
                date: 2026-10-25
                sessions:
                  - start: 02.30
                    end: 02.45
                    title: Nattøkt i overlappet
                  - start: 09.10
                    title: Økt søndag
            """;

    @Test
    void daylightSaving_autumn_localTimesStayLocal_andTheOverlapTakesTheEarlierInstant() {
        Programme p = ProgrammeLoader.parse(ACROSS_AUTUMN_CHANGE, "programme.yaml");

        Session saturday = slot(p, 1, "Økt lørdag");
        Session sunday = slot(p, 2, "Økt søndag");
        assertThat(saturday.start().toInstant()).isEqualTo(Instant.parse("2026-10-24T07:10:00Z")); /* CEST, +02 */
        assertThat(sunday.start().toInstant()).isEqualTo(Instant.parse("2026-10-25T08:10:00Z"));   /* CET, +01 */
        assertThat(saturday.start().toLocalTime()).isEqualTo(sunday.start().toLocalTime());

        /* 02.30 happens twice that night; the earlier (still summer time) is taken. */
        assertThat(slot(p, 2, "Nattøkt i overlappet").start().toInstant()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));

        /* The 09.00 reminders: 09.00 local on both days, an hour apart in UTC beyond the 24 hours. */
        List<PlannedPost> reminders = PostPlanner.plan(p).stream()
                .filter(post -> post.kind() == PostKind.REMINDER && post.text().contains("kl. 09.10")).toList();
        assertThat(reminders).extracting(PlannedPost::at)
                .containsExactly(Instant.parse("2026-10-24T07:00:00Z"), Instant.parse("2026-10-25T08:00:00Z"));
        assertThat(reminders).allSatisfy(r -> assertThat(r.at().atZone(OSLO).toLocalTime()).hasToString("09:00"));
    }

    @Test
    void daylightSaving_spring_aTimeInTheGapMovesForwardByTheGap() {
        String yaml = """
                title: Vårsamling
                days:
                  - day: 1
                    date: 2026-03-28
                    sessions:
                      - start: 09.10
                        title: Økt lørdag
                  - day: 2
                    date: 2026-03-29
                    sessions:
                      - start: 02.30
                        end: 04.00
                        title: Nattøkt i gapet
                      - start: 09.10
                        title: Økt søndag
                """;
        Programme p = ProgrammeLoader.parse(yaml, "programme.yaml");

        /* 02.30 does not exist on 29 March 2026 in Oslo; it becomes 03.30 summer time. */
        assertThat(slot(p, 2, "Nattøkt i gapet").start().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-29T03:30"));
        assertThat(slot(p, 2, "Nattøkt i gapet").start().toInstant()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(slot(p, 1, "Økt lørdag").start().toInstant()).isEqualTo(Instant.parse("2026-03-28T08:10:00Z"));
        assertThat(slot(p, 2, "Økt søndag").start().toInstant()).isEqualTo(Instant.parse("2026-03-29T07:10:00Z"));
    }

    /* ---- helpers ---- */

    static Session slot(Programme p, int day, String title) {
        return p.sessions(day).stream().filter(s -> s.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no «" + title + "» on day " + day));
    }

    static ZonedDateTime oslo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(OSLO);
    }

    /** The 1-based line where {@code fragment} (which may span lines; then its last line) starts. */
    static int lineOf(String text, String fragment) {
        int at = text.indexOf(fragment);
        if (at < 0) {
            throw new AssertionError("«" + fragment + "» not in the text");
        }
        int lastLine = fragment.lastIndexOf('\n');
        int offset = lastLine < 0 ? at : at + lastLine + 1;
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
