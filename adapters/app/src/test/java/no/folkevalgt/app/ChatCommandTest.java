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
                .contains("Kilde: «Interpellasjon», lysbilde 2 (testprogram.txt)")
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
        assertThat(result.out()).contains("(testprogram.txt)\n\n• ").endsWith("lysbilde 3 (testprogram.txt)\n");
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
    void quitWords_areRecognised() {
        assertThat(ChatCommand.isQuit(" Avslutt. ")).isTrue();
        assertThat(ChatCommand.isQuit("exit")).isTrue();
        assertThat(ChatCommand.isQuit("avslutte møtet")).isFalse();
    }
}
