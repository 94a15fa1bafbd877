package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatCommandTest {

    @TempDir
    Path home;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(home);
    }

    @Test
    void scriptedChat_printsOnlyTheReplies_andStopsAtAvslutt() {
        Cli.Result result = cli.input("hjelp\nHva er en interpellasjon?\navslutt\nHar jeg møteplikt?\n", "chat");

        assertThat(result.code()).isZero();
        assertThat(result.out())
                .startsWith("Jeg svarer på spørsmål om KS Folkevalgtprogram")
                .contains("Eksempler:")
                .contains("Kilde: «Interpellasjon», lysbilde 2 (testprogram)")
                .doesNotContain("Møteplikt")
                .doesNotContain("Hei!")
                .doesNotStartWith(ChatCommand.PROMPT)
                .doesNotContain("\n" + ChatCommand.PROMPT);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void scriptedChat_separatesRepliesWithABlankLine_andEndsAtEndOfInput() {
        Cli.Result result = cli.input("Hva er en interpellasjon?\nHar jeg møteplikt?", "chat");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("(testprogram)\n\n• ").endsWith("lysbilde 3 (testprogram)\n");
    }

    @Test
    void interactiveChat_greetsPromptsAndSaysGoodbye() {
        cli.interactive = true;

        Cli.Result result = cli.input("Hva er en interpellasjon?\nexit\n", "chat");

        assertThat(result.out())
                .startsWith("Hei! Jeg svarer på spørsmål om KS Folkevalgtprogram.\nSkriv «hjelp»")
                .contains("\n> ")
                .contains("Kilde: «Interpellasjon»")
                .endsWith("Ha det bra!\n");
    }

    @Test
    void interactiveChat_emptyLine_asksForAQuestion() {
        cli.interactive = true;

        Cli.Result result = cli.input("\n", "chat");

        assertThat(result.out()).contains("Skriv et spørsmål om folkevalgtprogrammet");
    }

    @Test
    void scriptedChat_unsureAnswer_showsTheSuggestions_thenTheNextReply() {
        cli.knowledge = new UnsureKnowledge();

        Cli.Result result = cli.input("Hva er en interpellasjon?\nHvem vant fotball-VM i 1998?\n", "chat");

        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out())
                .startsWith("Jeg er ikke helt sikker, men dette kan være det du lurer på:\n\n1. Interpellasjon\n   • ")
                .contains("   Kilde: «Interpellasjon», lysbilde 2 (testprogram)")
                .contains("Skriv gjerne spørsmålet på en annen måte om ingen av disse passer.\n\nDet finner jeg ikke i programmaterialet.");
    }

    @Test
    void quitWords_areRecognised() {
        assertThat(ChatCommand.isQuit(" Avslutt. ")).isTrue();
        assertThat(ChatCommand.isQuit("exit")).isTrue();
        assertThat(ChatCommand.isQuit("avslutte møtet")).isFalse();
    }
}
