package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The programme from the command line: plan, the terminal chat with reflections and posts, export. */
class ProgrammeCliTest {

    @TempDir
    Path home;
    Cli cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(home);
    }

    @Test
    void planJson_listsEveryPostOfTheBundledProgramme_inTimeOrder() throws Exception {
        Cli.Result result = cli.run("plan", "--json");

        assertThat(result.code()).as(result.err()).isZero();
        JsonNode posts = new ObjectMapper().readTree(result.out());
        Set<String> ids = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        OffsetDateTime previous = null;
        for (JsonNode post : posts) {
            assertThat(ids.add(post.get("id").asText())).as("unique id").isTrue();
            kinds.add(post.get("kind").asText());
            OffsetDateTime at = OffsetDateTime.parse(post.get("at").asText());
            assertThat(at.getOffset().getTotalSeconds()).isEqualTo(3600);
            if (previous != null) {
                assertThat(at).isAfterOrEqualTo(previous);
            }
            previous = at;
            assertThat(post.get("channel").asText()).isEqualTo("local:programmet");
        }
        assertThat(kinds).containsExactlyInAnyOrder("reminder", "prompt", "summary");
        assertThat(posts.get(0).get("text").asText()).startsWith("Om 10 minutter:");
        assertThat(posts.get(0).get("at").asText()).isEqualTo("2019-11-05T08:50:00+01:00");
    }

    @Test
    void planForPeople_namesEachPost() {
        Cli.Result result = cli.run("plan");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("KS Folkevalgtprogram, Rakkestad kommune")
                .contains("påminnelse").contains("refleksjonsoppgave 1").contains("oppsummering 1");
    }

    @Test
    void scriptedReflection_isStored_andExportedWithoutTheNameOfAnAnonymousPrompt() {
        Cli.Result chat = cli.input("/refleksjon Jeg ville bygge en ny skole\n", "chat", "--as", "u1");
        assertThat(chat.code()).as(chat.err()).isZero();
        assertThat(chat.out()).contains("Svaret ditt på «").contains("er lagret.");

        Cli.Result export = cli.run("export", "--format", "csv");

        assertThat(export.code()).as(export.err()).isZero();
        List<String> lines = export.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("Jeg ville bygge en ny skole").doesNotContain("u1");
    }

    @Test
    void ownAnswers_canBeListedAndDeleted_byTheSameUserOnly() {
        cli.input("/refleksjon Mer åpenhet\n", "chat", "--as", "kari");

        assertThat(cli.input("/refleksjon mine\n", "chat", "--as", "kari").out()).contains("Mer åpenhet");
        assertThat(cli.input("/refleksjon mine\n", "chat", "--as", "ola").out()).doesNotContain("Mer åpenhet");
        assertThat(cli.input("/refleksjon slett\n", "chat", "--as", "kari").out()).contains("1");
        assertThat(cli.run("export", "--format", "csv").out().lines().count()).isEqualTo(1);
    }

    @Test
    void summary_isForFacilitatorsOnly_whenFacilitatorsAreConfigured() {
        cli.env.put("FACILITATORS", "local:kari");
        cli.input("/refleksjon skole\n", "chat", "--as", "ola");
        cli.input("/refleksjon skole og vei\n", "chat", "--as", "per");

        String ola = cli.input("/refleksjon oppsummering\n", "chat", "--as", "ola").out();
        String twoMembers = cli.input("/refleksjon oppsummering\n", "chat", "--as", "kari").out();
        cli.input("/refleksjon vei\n", "chat", "--as", "anne");
        String kari = cli.input("/refleksjon oppsummering\n", "chat", "--as", "kari").out();

        assertThat(ola).doesNotContain("2 svar");
        assertThat(twoMembers).contains("2 svar. For få svar til å vise ord").doesNotContain("skole");
        assertThat(kari).contains("3 svar. Mest brukte ord: ").contains("skole (2)").contains("[Bilde:");
    }

    @Test
    void programmeQuestion_isAnsweredFromTheProgramme() {
        Cli.Result result = cli.input("når er lunsj?\n", "chat");

        assertThat(result.out()).contains("11.30");
    }

    @Test
    void wrongProgrammeFile_isRefusedWithItsLineAndField() throws IOException {
        Path file = home.resolve("program.yaml");
        Files.writeString(file, "title: Test\nplace: Her\ntime_zone: Europe/Oslo\ndays:\n  - day: 1\n    date: 2026-01-05\n"
                + "    sessions:\n      - start: 25.00\n        title: Åpning\n", StandardCharsets.UTF_8);
        cli.env.put("PROGRAMME_FILE", file.toString());

        Cli.Result result = cli.run("plan");

        assertThat(result.code()).isEqualTo(Main.FAILURE);
        assertThat(result.err()).contains("linje 8").contains("start").contains("25.00");
    }

    @Test
    void terminalChat_showsAScheduledReminder_whenItsTimeComes() throws Exception {
        Clock clock = Cli.noonInOslo();
        ZonedDateTime start = ZonedDateTime.now(clock.withZone(ZoneId.of("Europe/Oslo"))).plusMinutes(5)
                .withSecond(0).withNano(0);
        Path file = home.resolve("program.yaml");
        Files.writeString(file, "title: Testprogram\nplace: Testkommunen\ntime_zone: Europe/Oslo\n"
                + "days:\n  - day: 1\n    date: " + start.toLocalDate() + "\n    sessions:\n"
                + "      - start: " + start.format(DateTimeFormatter.ofPattern("HH.mm")) + "\n"
                + "        title: Budsjettverksted\n", StandardCharsets.UTF_8);
        cli.env.put("PROGRAMME_FILE", file.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream printer = new PrintStream(out, true, StandardCharsets.UTF_8);
        /* Standard input that stays open until the post has been printed (or 30 s have passed). */
        InputStream stdin = new InputStream() {
            @Override
            public int read() throws IOException {
                try {
                    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                            .until(() -> out.toString(StandardCharsets.UTF_8).contains("Budsjettverksted"));
                } catch (ConditionTimeoutException e) {
                    /* The chat ends either way; the assertions below say what is missing. */
                }
                return -1;
            }
        };
        int code = Main.run(new String[] {"chat"}, stdin, printer, new PrintStream(new ByteArrayOutputStream()), false,
                cli.env, home, KnowledgeFactory.LUCENE, clock);

        assertThat(code).isZero();
        List<String> lines = new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
        assertThat(lines).contains("📣 #programmet");
        assertThat(String.join("\n", lines)).contains("Budsjettverksted, kl. " + start.format(DateTimeFormatter.ofPattern("HH.mm")));
    }
}
