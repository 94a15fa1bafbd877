package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import no.folkevalgt.core.port.UnansweredStore;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcUnansweredStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code teach}, {@code unteach} and {@code gaps} as a facilitator types them, on the bundled material
 * and the embedded H2 database in a temporary BOT_HOME, and {@code ask} answering from what was taught.
 */
class TeachCommandTest {

    static final String DECK = "ks-folkevalgtprogram-rakkestad-2019.txt";
    /** The title the bundled deck is cited by (its title file). */
    static final String MATERIAL = "KS Folkevalgtprogram, Rakkestad 2019";
    /** Searched, this finds slide 39 (delegation); the facilitator says slide 49 answers it. */
    static final String SALARY = "Hvem bestemmer lønna til rådmannen?";
    static final String MEETING = "Når er neste kommunestyremøte?";
    static final String MEETING_REPLY = "Se møtekalenderen på kommunens nettside.";
    static final String DECLINED = "Hva mener du om bompenger?";

    @TempDir
    Path home;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(home).withBundledMaterial();
    }

    private Cli.Result ok(String... args) {
        Cli.Result result = cli.run(args);
        assertThat(result.code()).as("%s: %s", String.join(" ", args), result.err()).isZero();
        return result;
    }

    private Path database() {
        return home.resolve("data").resolve(App.EMBEDDED_DATABASE_FILE);
    }

    @Test
    void ask_neverCreatesADatabase_andAnswersFromTheSearchUntilSomethingIsTaught() {
        Cli.Result before = ok("ask", SALARY);

        assertThat(before.out()).contains("lysbilde 39 (" + MATERIAL + ")").doesNotContain("lysbilde 49 (");
        assertThat(database()).doesNotExist();
        assertThat(before.err()).isEmpty();
    }

    @Test
    void teachASlide_thenAsk_answersFromThatSlide_andUnteachGoesBackToTheSearch() {
        String searched = ok("ask", SALARY).out();

        Cli.Result taught = ok("teach", SALARY, "--slide", "49");

        assertThat(taught.out()).isEqualTo("Lært: «" + SALARY + "» besvares nå med lysbilde 49 "
                + "«Arbeidsgiveransvaret for kommunedirektøren».\n"
                + "Spørsmål som ligner, får samme svar. Angre med: ./bot unteach \"" + SALARY + "\"\n");
        String answer = ok("ask", SALARY).out();
        assertThat(answer).contains("• Utviklingssamtale med kommunedirektøren minst en gang i året")
                .contains("Kilde: «Arbeidsgiveransvaret for kommunedirektøren», lysbilde 49 (" + MATERIAL + ")");
        assertThat(ok("ask", "hvem bestemmer lønnen til rådmannen").out()).as("a question like it").isEqualTo(answer);

        Cli.Result again = ok("teach", SALARY, "--slide", "48");
        assertThat(again.out()).contains("besvares nå med lysbilde 48 «Vedtak om ansettelse, suspensjon, oppsigelse og avskjed».\n"
                + "Det erstatter det som var lært før: lysbilde 49 «Arbeidsgiveransvaret for kommunedirektøren».\n");

        Cli.Result undone = ok("unteach", SALARY);

        assertThat(undone.out()).isEqualTo("Glemt: «" + SALARY + "» (var lysbilde 48 «Vedtak om ansettelse, suspensjon, "
                + "oppsigelse og avskjed»). Boten søker i materialet igjen.\n");
        assertThat(ok("ask", SALARY).out()).isEqualTo(searched);

        Cli.Result nothing = cli.run("unteach", SALARY);
        assertThat(nothing.code()).isEqualTo(Main.FAILURE);
        assertThat(nothing.err()).isEqualTo("Ingenting er lært for «" + SALARY + "». Se ./bot teach --list.\n");
    }

    @Test
    void teachAReply_thenAsk_saysItIsNotInTheMaterial_withTheFacilitatorsText_andTheListShowsBoth() {
        Cli.Result taught = ok("teach", MEETING, "--reply", MEETING_REPLY);

        assertThat(taught.out()).startsWith("Lært: «" + MEETING + "» står ikke i programmaterialet. Boten svarer: «"
                + MEETING_REPLY + "»\n");
        assertThat(ok("ask", MEETING).out()).isEqualTo("Det står ikke i programmaterialet.\n\n" + MEETING_REPLY + "\n");

        ok("teach", DECLINED, "--not-in-material");
        assertThat(ok("ask", DECLINED).out()).startsWith("Det står ikke i programmaterialet.\n\nJeg kan svare på spørsmål om:\n");

        ok("teach", SALARY, "--slide", "49");
        Cli.Result list = ok("teach", "--list");
        assertThat(list.out()).startsWith("3 spørsmål er lært inn:\n\n«" + MEETING + "»\n  ikke i materialet: «" + MEETING_REPLY
                + "» (lært ")
                .contains("\n«" + DECLINED + "»\n  ikke i materialet (uten egen tekst) (lært ")
                .contains("\n«" + SALARY + "»\n  lysbilde 49 «Arbeidsgiveransvaret for kommunedirektøren» (lært ");
        assertThat(list.out()).containsPattern("\\(lært \\d{1,2}\\.\\d{1,2}\\. kl\\. \\d{2}\\.\\d{2}\\)");
    }

    @Test
    void exportThenImportIntoAFreshDatabase_givesTheSameAnswers(@TempDir Path other) throws Exception {
        ok("teach", SALARY, "--slide", "49");
        ok("teach", MEETING, "--reply", MEETING_REPLY);
        Cli.Result toStdout = ok("teach", "--export", "-");
        assertThat(toStdout.out()).contains("# lysbildefil: " + DECK + "\n[49] Arbeidsgiveransvaret for kommunedirektøren\n"
                + SALARY + "\n").contains("[ikke i materialet] " + MEETING_REPLY + "\n" + MEETING + "\n");
        Cli.Result toFile = ok("teach", "--export", "laert.txt");
        assertThat(toFile.out()).isEqualTo("Skrev 2 innlærte spørsmål til laert.txt.\n");
        assertThat(Files.readString(home.resolve("laert.txt"), StandardCharsets.UTF_8)).isEqualTo(toStdout.out());
        Files.copy(home.resolve("laert.txt"), other.resolve("fra-forrige.txt"));

        Cli fresh = new Cli(other).withBundledMaterial();
        assertThat(fresh.run("ask", SALARY).out()).doesNotContain("lysbilde 49 (");
        Cli.Result imported = fresh.run("teach", "--import", "fra-forrige.txt");

        assertThat(imported.code()).isZero();
        assertThat(imported.out()).isEqualTo("Leste inn 2 spørsmål fra fra-forrige.txt.\n");
        for (String question : List.of(SALARY, MEETING)) {
            assertThat(fresh.run("ask", question).out()).as(question).isEqualTo(ok("ask", question).out());
        }
    }

    @Test
    void gaps_listADeclinedQuestion_andShowWhatWasTaughtForIt() throws Exception {
        Cli.Result empty = ok("gaps");
        assertThat(empty.out()).isEqualTo("Listen er tom: boten har ikke latt noe spørsmål være ubesvart eller vært usikker, "
                + "og ingen svar har fått 👎.\n");

        Cli.Result chat = cli.input(DECLINED + "\n", "chat");
        assertThat(chat.code()).isZero();
        assertThat(chat.out()).startsWith("Det finner jeg ikke i programmaterialet.");

        Cli.Result gaps = ok("gaps");
        assertThat(gaps.out()).startsWith("1 spørsmål boten ikke svarte godt på:\n\n«" + DECLINED + "»\n"
                + "  ikke funnet · 1 gang · sist ");
        assertThat(gaps.out()).containsPattern("  ikke funnet · 1 gang · sist \\d{1,2}\\.\\d{1,2}\\. kl\\. \\d{2}\\.\\d{2} · terminal\n")
                .doesNotContain("Lært:")
                .endsWith("\nLær boten svaret: ./bot teach \"spørsmål\" --slide N, eller --reply \"tekst\" når det ikke står i materialet.\n");

        ok("teach", DECLINED, "--reply", "Boten har ingen meninger; spør gjerne om hva kommunen kan gjøre.");

        assertThat(ok("gaps").out()).contains("«" + DECLINED + "»\n  ikke funnet · 1 gang · sist ")
                .contains("\n  Lært: ikke i materialet: «Boten har ingen meninger; spør gjerne om hva kommunen kan gjøre.»\n");
        JsonNode json = new ObjectMapper().readTree(ok("gaps", "--json").out());
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("question").asText()).isEqualTo(DECLINED);
        assertThat(json.get(0).get("kinds").get(0).asText()).isEqualTo("ikke funnet");
        assertThat(json.get(0).get("count").asInt()).isEqualTo(1);
        assertThat(json.get(0).get("taught").get("notInMaterial").asBoolean()).isTrue();
    }

    @Test
    void gaps_groupAlikeWordings_withTheSlidesAnUnsureAnswerSuggested_andTheTaughtSlide() {
        /* Recorded as the running bot records them (another process; here the same database file). */
        Instant now = Instant.now();
        try (Database db = Database.fromSetting(null, home.resolve("data"))) {
            JdbcUnansweredStore store = new JdbcUnansweredStore(db);
            store.record(UnansweredStore.Unanswered.unsure("hvem bestemmer lønna til rådmannen", "slack", now.minusSeconds(60),
                    List.of(new no.folkevalgt.core.port.Citation("Delegering gir tydelige rollefordeling", 39, DECK))));
            store.record(new UnansweredStore.Unanswered(SALARY, "teams", now));
        }
        ok("teach", SALARY, "--slide", "49");

        Cli.Result gaps = ok("gaps", "--limit", "5");

        assertThat(gaps.out()).contains("«" + SALARY + "»\n  ikke funnet, usikker · 2 ganger · sist ")
                .contains(" · teams, slack\n  Også spurt: «hvem bestemmer lønna til rådmannen»\n"
                        + "  Foreslått: lysbilde 39 «Delegering gir tydelige rollefordeling»\n"
                        + "  Lært: lysbilde 49 «Arbeidsgiveransvaret for kommunedirektøren»\n");
    }

    @Test
    void wrongInput_isRefusedInNorwegian_withANonZeroCode_andChangesNothing() {
        ok("teach", MEETING, "--reply", MEETING_REPLY);
        String listed = ok("teach", "--list").out();

        assertRefused(Main.FAILURE, "Fant ikke lysbilde 999 i materialet.\n", "teach", SALARY, "--slide", "999");
        assertRefused(Main.FAILURE, "Spørsmålet er for langt (301 tegn). Skriv det kortere, med høyst 300 tegn.\n",
                "teach", "a".repeat(301), "--slide", "49");
        assertRefused(Main.FAILURE, "Svaret er for langt (501 tegn). Skriv det kortere, med høyst 500 tegn.\n",
                "teach", SALARY, "--reply", "b".repeat(501));
        assertRefused(Main.FAILURE, "Gjør én ting om gangen: --slide og --reply kan ikke brukes sammen. Se «bot teach --help».\n",
                "teach", SALARY, "--slide", "49", "--reply", "tekst");
        assertRefused(Main.FAILURE, "Si hva boten skal lære: --slide N, --reply \"tekst\" eller --not-in-material etter "
                + "spørsmålet, eller bruk --list, --export FIL eller --import FIL. Se «bot teach --help».\n", "teach", SALARY);
        assertRefused(Main.FAILURE, "Skriv spørsmålet boten skal lære, for eksempel: "
                + "./bot teach \"Hvem bestemmer lønna til rådmannen?\" --slide 49\n", "teach", "--slide", "49");
        assertRefused(Main.FAILURE, "--list tar ikke noe spørsmål, men fikk «" + SALARY + "». Se «bot teach --help».\n",
                "teach", SALARY, "--list");
        assertRefused(Main.FAILURE, "--file hører sammen med --slide: den sier hvilken lysbildefil lysbildenummeret gjelder.\n",
                "teach", SALARY, "--reply", "x", "--file", DECK);
        assertRefused(Main.FAILURE, "Fant ikke lysbilde 49 i annen.txt i materialet.\n",
                "teach", SALARY, "--slide", "49", "--file", "annen.txt");
        assertRefused(Main.FAILURE, "Fant ikke filen finnes-ikke.txt.\n", "teach", "--import", "finnes-ikke.txt");
        assertRefused(Main.USAGE, "Feil: ugyldig verdi for --slide: «ni»\nSe «bot teach --help».\n", "teach", SALARY, "--slide", "ni");
        assertRefused(Main.USAGE, "Feil: mangler SPØRSMÅL\nSe «bot unteach --help».\n", "unteach");
        assertRefused(Main.USAGE, "Feil: --limit må være fra 1 til 500, men er 0\nSe «bot gaps --help».\n", "gaps", "--limit", "0");

        assertThat(ok("teach", "--list").out()).isEqualTo(listed);
        assertThat(ok("ask", SALARY).out()).contains("lysbilde 39 (");
    }

    @Test
    void aWrongImportFile_isRefusedByLine_andNothingIsRead() throws Exception {
        Files.writeString(home.resolve("feil.txt"), "[49] Arbeidsgiver\n" + SALARY + "\n[999]\nEt spørsmål om ingenting?\n",
                StandardCharsets.UTF_8);

        assertRefused(Main.FAILURE, "Filen ble ikke lest inn (2 feil):\nlinje 3: lysbilde 999 i " + DECK + " finnes ikke\n"
                        + "linje 4: spørsmål før første [lysbildenummer] eller [ikke i materialet]\n",
                "teach", "--import", "feil.txt");

        assertThat(ok("teach", "--list").out()).startsWith("Boten er ikke lært noe ennå.");
    }

    private void assertRefused(int code, String message, String... args) {
        Cli.Result result = cli.run(args);
        assertThat(result.code()).as(String.join(" ", args)).isEqualTo(code);
        assertThat(result.err()).as(String.join(" ", args)).isEqualTo(message);
        assertThat(result.out()).isEmpty();
    }
}
