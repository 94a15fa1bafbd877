package no.folkevalgt.core.reflection;

import static no.folkevalgt.core.reflection.Fixtures.P1;
import static no.folkevalgt.core.reflection.Fixtures.P2;
import static no.folkevalgt.core.reflection.Fixtures.at;
import static no.folkevalgt.core.reflection.Fixtures.slack;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.Facilitators;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.ReflectionAnswer;
import no.folkevalgt.core.port.ReflectionStore;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostKind;
import no.folkevalgt.knowledge.WordCounter;
import no.folkevalgt.testsupport.MovableClock;
import no.folkevalgt.wordcloud.WordCloud;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class ReflectionCommandsTest {

    private static final String FACILITATOR = "UFAC";
    private static final WordCounter WORD_COUNTER = new WordCounter();
    private static final WordCloud CLOUD = new WordCloud();

    private final InMemoryReflectionStore store = new InMemoryReflectionStore();
    private final MovableClock clock = new MovableClock(at(5, 10, 20));
    private final ReflectionCommands commands = new ReflectionCommands(store, Fixtures.programme(),
            Facilitators.parse("slack:" + FACILITATOR), clock, WORD_COUNTER::top, CLOUD);

    // ---- answering

    @Test
    void answer_isStoredForTheOpenPrompt_andConfirmedPrivately_namingThePrompt_withoutQuotingIt() {
        Reply reply = say("U1", "/refleksjon Jeg ville bygge en ny skole");

        assertThat(store.all()).singleElement().satisfies(a -> {
            assertThat(a.prompt()).isEqualTo(1);
            assertThat(a.platform()).isEqualTo("slack");
            assertThat(a.user()).isEqualTo("U1");
            assertThat(a.text()).isEqualTo("Jeg ville bygge en ny skole");
            assertThat(a.at()).isEqualTo(at(5, 10, 20).toInstant());
        });
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.blocks().get(0))
                .isEqualTo("Takk! Svaret ditt på «" + P1 + "» er lagret.");
        assertThat(reply.plainText()).doesNotContain("lukket").doesNotContain("anonymt")
                .as("a confirmation may be seen by others (a Teams channel): it never quotes the answer")
                .doesNotContain("skole");
    }

    @Test
    void withoutTheSlash_asInTeams_andInAnyCase_itIsTheSameCommand() {
        say("U1", "refleksjon Mer åpenhet");
        say("U2", "Refleksjon   Bedre økonomi");
        say("U3", "/REFLEKSJON tillit");

        assertThat(store.all()).extracting(ReflectionAnswer::text)
                .containsExactly("Mer åpenhet", "Bedre økonomi", "tillit");
    }

    @Test
    void otherMessages_areNotForThisGroup() {
        for (String text : List.of("Hva er en refleksjonsoppgave?", "refleksjonsoppgave", "hva er refleksjon",
                "program", "")) {
            assertThat(commands.handle(slack("U1", text), text)).as(text).isEmpty();
        }
        assertThat(store.addCalls()).isZero();
    }

    @Test
    void whenNoPromptIsOpen_aLateAnswer_goesToTheLatestOpenedPrompt() {
        clock.set(at(5, 11, 30));
        Reply reply = say("U1", "/refleksjon For å gjøre en forskjell");

        assertThat(store.all()).singleElement().extracting(ReflectionAnswer::prompt).isEqualTo(1);
        assertThat(reply.plainText()).contains("«" + P1 + "»").contains("Oppgaven er lukket, men svaret ditt teller med.");

        clock.set(at(6, 9, 0));
        say("U1", "/refleksjon trygghet");
        assertThat(store.all()).extracting(ReflectionAnswer::prompt).containsExactly(1, 2);
    }

    @Test
    void theOpenPrompt_winsOverAnOlderOne() {
        clock.set(at(5, 13, 5));
        Reply reply = say("U1", "/refleksjon åpent og inkluderende");

        assertThat(store.all()).singleElement().extracting(ReflectionAnswer::prompt).isEqualTo(2);
        assertThat(reply.plainText()).contains("«" + P2 + "»").contains("anonymt").doesNotContain("lukket");
    }

    @Test
    void anExplicitNumber_answersThatPrompt() {
        clock.set(at(5, 13, 5));
        say("U1", "/refleksjon 1 Jeg ville bidra");
        say("U2", "/refleksjon #1 Lokalsamfunnet");
        say("U3", "refleksjon 1: Fordi noen spurte");

        assertThat(store.all()).extracting(ReflectionAnswer::prompt).containsExactly(1, 1, 1);
        assertThat(store.all()).extracting(ReflectionAnswer::text)
                .containsExactly("Jeg ville bidra", "Lokalsamfunnet", "Fordi noen spurte");
    }

    @Test
    void aPlatformRetry_withTheSameRequestId_storesOnce_andConfirmsBoth() {
        Incoming incoming = slack("U1", "/refleksjon Mer dialog");
        Reply first = commands.handle(incoming, incoming.text(), "Ev123").orElseThrow();
        Reply retry = commands.handle(incoming, incoming.text(), "Ev123").orElseThrow();

        assertThat(store.total()).isEqualTo(1);
        assertThat(retry).isEqualTo(first);
    }

    @Test
    void exactlyTheLimits_areAccepted() {
        say("U1", "/refleksjon " + "a".repeat(1000));
        clock.set(at(5, 13, 10));
        say("U1", "/refleksjon trygt, grønt, åpent, levende e-post");

        assertThat(store.total()).isEqualTo(2);
    }

    // ---- refusals: a clear message, nothing stored

    @Test
    void anEmptyAnswer_isRefused() {
        Reply reply = say("U1", "/refleksjon ... !!!");

        assertThat(reply.plainText()).startsWith("Jeg fant ingen ord i svaret, så ingenting ble lagret.");
        assertNothingStored(reply);
    }

    @Test
    void anAnswerOver1000Characters_isRefused() {
        Reply reply = say("U1", "/refleksjon " + "a".repeat(1001));

        assertThat(reply.plainText()).contains("Svaret er for langt (1001 tegn)").contains("høyst 1000 tegn");
        assertNothingStored(reply);
    }

    @Test
    void beforeAnyPromptHasOpened_anAnswerIsRefused_andTheFirstOpeningIsNamed() {
        clock.set(at(5, 8, 30));
        Reply reply = say("U1", "/refleksjon for tidlig ute");

        assertThat(reply.plainText()).isEqualTo(
                "Ingen refleksjonsoppgave har åpnet ennå, så svaret ble ikke lagret. Den første åpner i dag kl. 10.15.");
        assertNothingStored(reply);
    }

    @Test
    void anUnknownPromptNumber_isRefused() {
        Reply reply = say("U1", "/refleksjon 9 mer åpenhet");

        assertThat(reply.plainText())
                .isEqualTo("Det finnes ingen refleksjonsoppgave 9. Oppgavene er nummerert 1–3. Svaret ble ikke lagret.");
        assertNothingStored(reply);
    }

    @Test
    void aPromptThatHasNotOpened_takesNoAnswers() {
        Reply reply = say("U1", "/refleksjon 3 Kunnskap om budsjettet");

        assertThat(reply.plainText()).isEqualTo(
                "Refleksjonsoppgave 3 åpner ikke før i morgen kl. 11.00, så svaret ble ikke lagret.");
        assertNothingStored(reply);
    }

    @Test
    void moreWordsThanThePromptAllows_isStoredWhole_andTheCloudCountsThemAll() {
        clock.set(at(5, 13, 10));
        Reply reply = say("U1", "/refleksjon vi vil ha en god skole for alle");

        assertThat(reply.plainText()).contains("er lagret.").doesNotContain("god skole")
                .contains("Oppgaven ber om høyst 5 ord, og svaret ditt har 8. Hele svaret er lagret, og ordskyen teller alle ordene.");
        assertThat(store.byUser("slack", "U1")).extracting(ReflectionAnswer::text)
                .containsExactly("vi vil ha en god skole for alle");
    }

    @Test
    void programmeWithoutPrompts_takesNoAnswers() {
        ReflectionCommands none = new ReflectionCommands(store, Fixtures.withoutPrompts(), Facilitators.none(), clock,
                WORD_COUNTER::top, CLOUD);
        Reply reply = none.handle(slack("U1", ""), "/refleksjon hei").orElseThrow();

        assertThat(reply.plainText()).isEqualTo("Programmet har ingen refleksjonsoppgaver.");
        assertNothingStored(reply);
    }

    @Test
    void whenTheStoreIsDown_theAnswerIsNotConfirmed() {
        store.down(true);
        Reply reply = say("U1", "/refleksjon Mer åpenhet");

        assertThat(reply.plainText()).isEqualTo("Svaret ble ikke lagret. Prøv igjen om litt.");
        assertThat(reply.ephemeral()).isTrue();
        store.down(false);
        assertThat(store.total()).isZero();
    }

    @Test
    void anUnexpectedStoreFailure_isNotConfirmedEither() {
        ReflectionStore broken = Mockito.mock(ReflectionStore.class);
        Mockito.when(broken.add(Mockito.anyInt(), Mockito.any(), Mockito.any(), Mockito.any(), Mockito.any(),
                Mockito.any())).thenThrow(new IllegalStateException("disk full"));
        ReflectionCommands withBrokenStore = new ReflectionCommands(broken, Fixtures.programme(), Facilitators.none(),
                clock, WORD_COUNTER::top, CLOUD);

        Reply reply = withBrokenStore.handle(slack("U1", ""), "/refleksjon Mer åpenhet").orElseThrow();

        assertThat(reply.plainText()).doesNotContain("Takk").contains("vet ikke sikkert om svaret ble lagret");
    }

    // ---- /refleksjon alone

    @Test
    void statusBeforeAnyPrompt_tellsWhenTheFirstOpens() {
        clock.set(at(4, 20, 0));

        assertThat(say("U1", "/refleksjon").plainText())
                .isEqualTo("Ingen refleksjonsoppgave har åpnet ennå. Den første åpner i morgen kl. 10.15.");
        clock.set(at(1, 20, 0));
        assertThat(say("U1", "refleksjon").plainText()).endsWith("Den første åpner tirsdag 5. november kl. 10.15.");
    }

    @Test
    void statusWhileAPromptIsOpen_showsItAndHowToAnswer() {
        Reply reply = say("U1", "/refleksjon");

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.blocks()).containsExactly(
                "Refleksjonsoppgave 1: «" + P1 + "» (åpen til i dag kl. 10.45)",
                "Refleksjonsoppgave: " + P1 + " Del gjerne med sidemannen først.",
                "Svar med /refleksjon <svaret ditt>.",
                "Svarene er ikke anonyme: fasilitatorene kan se hvem som svarte.");

        clock.set(at(5, 13, 0));
        assertThat(say("U1", "/refleksjon").plainText()).contains("«" + P2 + "»")
                .contains("Svar med /refleksjon <svaret ditt> (høyst 5 ord).")
                .contains("Svarene er anonyme");
    }

    @Test
    void statusBetweenPrompts_pointsToTheLastOne_andTheNext() {
        clock.set(at(5, 15, 0));

        assertThat(say("U1", "/refleksjon").blocks()).containsExactly(
                "Ingen refleksjonsoppgave er åpen nå. Den siste var oppgave 2: «" + P2 + "» (lukket i dag kl. 13.30).",
                "Du kan fortsatt svare på den: /refleksjon <svaret ditt> (høyst 5 ord).",
                "Neste oppgave åpner i morgen kl. 11.00.");
    }

    @Test
    void aNumberAlone_showsThatPrompt_butNotBeforeItOpens() {
        clock.set(at(5, 15, 0));

        assertThat(say("U1", "/refleksjon 1").plainText()).contains("«" + P1 + "»").contains("svar teller fortsatt")
                .contains("Svar med /refleksjon 1 <svaret ditt>.");
        assertThat(say("U1", "/refleksjon 3").plainText()).isEqualTo("Refleksjonsoppgave 3 åpner i morgen kl. 11.00.");
        assertThat(store.addCalls()).isZero();
    }

    // ---- mine and slett

    @Test
    void mine_listsOnlyOnesOwnAnswers_withThePromptNames() {
        say("U1", "/refleksjon Lokalsamfunnet");
        say("U2", "/refleksjon Noen andres svar");
        clock.set(at(5, 13, 10));
        say("U1", "/refleksjon trygt og godt");

        Reply reply = say("U1", "/refleksjon mine");

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.blocks()).containsExactly(
                "Dine svar (2):",
                "Oppgave 1 «" + P1 + "», i dag kl. 10.20: «Lokalsamfunnet»",
                "Oppgave 2 «" + P2 + "», i dag kl. 13.10: «trygt og godt»",
                "Slett alle med /refleksjon slett, eller svarene på én oppgave med /refleksjon slett N.");
        assertThat(say("U3", "/refleksjon mine").plainText()).startsWith("Du har ingen lagrede svar.");
    }

    @Test
    void mine_whenTheStoreIsDown_saysSo() {
        store.down(true);

        assertThat(say("U1", "/refleksjon mine").plainText()).isEqualTo(ReflectionCommands.STORE_DOWN);
    }

    @Test
    void slett_deletesOnesOwnAnswers_toOnePromptOrAll_andSaysHowMany() {
        say("U1", "/refleksjon første");
        say("U1", "/refleksjon andre");
        say("U2", "/refleksjon ikke mitt");
        clock.set(at(5, 13, 10));
        say("U1", "/refleksjon tredje");

        assertThat(say("U1", "/refleksjon slett 1").plainText()).isEqualTo("Slettet 2 svar på oppgave 1 «" + P1 + "».");
        assertThat(store.all()).extracting(ReflectionAnswer::text).containsExactly("ikke mitt", "tredje");
        assertThat(say("U1", "/refleksjon slett").plainText()).isEqualTo("Slettet 1 svar.");
        assertThat(say("U1", "/refleksjon slett").plainText()).isEqualTo("Du hadde ingen svar å slette.");
        assertThat(store.all()).extracting(ReflectionAnswer::user).containsExactly("U2");
    }

    @Test
    void slett_whenTheStoreIsDown_deletesNothing_andSaysSo() {
        say("U1", "/refleksjon første");
        store.down(true);
        Reply reply = say("U1", "/refleksjon slett");
        store.down(false);

        assertThat(reply.plainText()).isEqualTo("Svarene ble ikke slettet. Prøv igjen om litt.");
        assertThat(store.total()).isEqualTo(1);
    }

    @Test
    void anAnswerThatMerelyStartsWithACommandWord_isStoredAsAnAnswer() {
        say("U1", "/refleksjon mine barn skal ha det bra");
        say("U1", "/refleksjon slett gjelden");

        assertThat(store.all()).extracting(ReflectionAnswer::text)
                .containsExactly("mine barn skal ha det bra", "slett gjelden");
    }

    // ---- summaries

    @Test
    void summary_forAFacilitator_countsAnswers_listsTopWords_andCarriesAWordCloud() throws IOException {
        say("U1", "/refleksjon Bygge ny skole");
        say("U2", "/refleksjon skolen må pusses opp");
        say("U3", "/refleksjon flere skoler og mer åpenhet");
        say("U4", "/refleksjon åpenhet");

        Reply reply = say(FACILITATOR, "/refleksjon oppsummering");

        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.blocks().get(0)).startsWith("Oppsummering: «" + P1 + "» — 4 svar. Mest brukte ord: skole (3), åpenhet (2), ");
        assertThat(reply.image()).isNotNull();
        assertThat(reply.image().mediaType()).isEqualTo("image/png");
        assertThat(reply.image().altText()).startsWith("Ordsky for «" + P1 + "»: mest brukte ord skole (3), åpenhet (2)");
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(reply.image().bytes())).getWidth()).isEqualTo(1200);
    }

    @Test
    void summary_ofANumberedPrompt_andOfOneWithoutAnswers() {
        say("U1", "/refleksjon Bygge ny skole");
        clock.set(at(5, 13, 10));

        assertThat(say(FACILITATOR, "/refleksjon oppsummering 1").plainText()).startsWith("Oppsummering: «" + P1 + "» — 1 svar.");
        assertThat(say(FACILITATOR, "/refleksjon oppsummering").plainText()).isEqualTo(
                "Oppsummering: «" + P2 + "» — ingen svar ennå.");
        assertThat(say(FACILITATOR, "/refleksjon oppsummering 7").plainText())
                .isEqualTo("Det finnes ingen refleksjonsoppgave 7. Oppgavene er nummerert 1–3.");
    }

    @Test
    void summary_forSomeoneElse_isAPoliteNo() {
        say("U1", "/refleksjon Bygge ny skole");

        Reply reply = say("U1", "/refleksjon oppsummering");

        assertThat(reply.plainText()).isEqualTo(ReflectionCommands.FACILITATORS_ONLY).doesNotContain("skole");
        assertThat(reply.image()).isNull();
        assertThat(reply.ephemeral()).isTrue();
        Reply sameIdOtherPlatform = commands.handle(new Incoming("teams", "T", FACILITATOR, "c", null, ""),
                "/refleksjon oppsummering").orElseThrow();
        assertThat(sameIdOtherPlatform.plainText()).isEqualTo(ReflectionCommands.FACILITATORS_ONLY);
    }

    @Test
    void summary_whenTheStoreIsDown_saysSo() {
        store.down(true);

        assertThat(say(FACILITATOR, "/refleksjon oppsummering").plainText()).isEqualTo(ReflectionCommands.STORE_DOWN);
    }

    // ---- anonymity

    @Test
    void anonymousPrompts_neverShowWhoAnswered_inAnyReplyOrExport() throws IOException {
        List<String> anonymous = List.of("UANONYMA", "UANONYMB", "UANONYMC", "UANONYMD");
        clock.set(at(5, 13, 10));
        List<Reply> replies = new ArrayList<>();
        String[] answers = {"trygt og inkluderende", "åpent", "trygt", "grønt og trygt"};
        for (int i = 0; i < anonymous.size(); i++) {
            replies.add(say(anonymous.get(i), "/refleksjon " + answers[i]));
        }
        for (String asker : List.of(FACILITATOR, "U1", anonymous.get(0))) {
            for (String command : List.of("/refleksjon", "/refleksjon 2", "/refleksjon oppsummering",
                    "/refleksjon oppsummering 2", "/refleksjon hjelp", "/refleksjon mine")) {
                replies.add(say(asker, command));
            }
        }
        clock.set(at(6, 12, 0));
        replies.add(say(FACILITATOR, "/refleksjon oppsummering 2"));
        replies.add(new ReflectionSummaries(store, Fixtures.programme(), WORD_COUNTER::top, CLOUD)
                .compose(new PlannedPost("summary-2@local:programmet", at(5, 13, 30).toInstant(),
                        new ChannelRef("local", "programmet"), PostKind.SUMMARY, P2, 2), true));
        StringWriter csv = new StringWriter();
        new ReflectionExport(store, Fixtures.programme()).write(csv, OptionalInt.empty());

        assertThat(store.forPrompt(2)).hasSize(4);
        assertThat(replies.stream().filter(r -> r.plainText().startsWith("Oppsummering")).count()).isGreaterThanOrEqualTo(3);
        for (Reply reply : replies) {
            String seen = reply.plainText() + (reply.image() == null ? "" : "\n" + reply.image().altText());
            for (String user : anonymous) {
                assertThat(seen).as("a reply").doesNotContain(user);
            }
        }
        for (String user : anonymous) {
            assertThat(csv.toString()).as("the export").doesNotContain(user);
        }
        assertThat(csv.toString()).contains("grønt og trygt");
    }

    // ---- load

    @Test
    void twoHundredAnswers_from16Threads_areAllStored() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Reply>> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String user = "U" + (i % 50);
            String text = "/refleksjon svar nummer " + i + " fra " + user;
            tasks.add(() -> commands.handle(slack(user, text), text).orElseThrow());
        }
        List<Reply> replies = Collections.synchronizedList(new ArrayList<>());
        try {
            for (Future<Reply> future : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                replies.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(replies).hasSize(200).allSatisfy(r -> assertThat(r.plainText()).startsWith("Takk!"));
        assertThat(store.count(1)).isEqualTo(200);
        assertThat(store.all()).extracting(ReflectionAnswer::text).doesNotHaveDuplicates();
    }

    // ---- help and the bot

    @Test
    void help_namesEveryCommand_inNorwegian() {
        assertThat(String.join("\n", commands.help())).contains("/refleksjon <svar>", "/refleksjon mine",
                "/refleksjon slett", "/refleksjon oppsummering");
        assertThat(say("U1", "/refleksjon hjelp").plainText()).startsWith("Slik svarer du på refleksjonsoppgavene:");
    }

    @Test
    void throughTheBot_anAnswerIsStored_andHelpListsTheCommands() {
        KnowledgeBase kb = Mockito.mock(KnowledgeBase.class);
        Bot bot = Bot.builder().knowledgeBase(kb).commands(List.of(commands)).clock(clock).build();

        Reply reply = bot.handle(new Incoming("local", "local", "kari", "terminal", null,
                "/refleksjon  Jeg ville\nbygge en ny skole\u200B"));

        assertThat(reply.plainText()).startsWith("Takk! Svaret ditt på «" + P1 + "» er lagret.");
        assertThat(store.all()).singleElement().satisfies(a -> {
            assertThat(a.user()).isEqualTo("kari");
            assertThat(a.text()).as("the words as written, cleaned of the invisible space").isEqualTo("Jeg ville bygge en ny skole");
        });
        assertThat(bot.handle(Incoming.local("hjelp")).plainText()).contains("/refleksjon oppsummering");
        Mockito.verify(kb, Mockito.never()).ask(Mockito.anyString(), Mockito.anyInt());
    }

    @Test
    void throughTheBot_aPlatformRetryOfTheSameMessage_storesTheAnswerOnce() {
        Bot bot = Bot.builder()
                .knowledgeBase(Mockito.mock(KnowledgeBase.class))
                .commands(List.of(commands))
                .clock(clock)
                .build();
        Incoming incoming = new Incoming("slack", "T1", "U7", "C1", null, "/refleksjon Mer åpenhet");

        Reply first = bot.respond(incoming, "trigger-123").reply();
        Reply retry = bot.respond(incoming, "trigger-123").reply();
        bot.respond(incoming, "trigger-456");

        assertThat(first.plainText()).contains("er lagret.");
        assertThat(retry.plainText()).isEqualTo(first.plainText());
        assertThat(store.all()).hasSize(2);
    }

    private Reply say(String user, String text) {
        return commands.handle(slack(user, text), text).orElseThrow(() -> new AssertionError("not handled: " + text));
    }

    private void assertNothingStored(Reply reply) {
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.plainText()).doesNotContain("Takk");
        assertThat(store.total()).as("answers stored").isZero();
    }
}
