package no.folkevalgt.core.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Lesson;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.knowledge.DevSets;
import org.junit.jupiter.api.Test;

/** What was taught, exported in the question bank's format and imported again, over the bundled material. */
class LessonBankTest {

    static final String DECK = TeachingTest.DECK;
    static final KnowledgeBase kb = DevSets.bundled();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2019-11-06T15:00:00Z"), ZoneOffset.UTC);

    private static Lessons taught() {
        Lessons lessons = new Lessons(new InMemoryLessonStore(), kb, CLOCK);
        lessons.link("Hvem passer på at kommunedirektøren gjør jobben sin?", 49, null);
        lessons.link("Hvem følger med på kommunedirektøren?", 49, null);
        lessons.link("Kan jeg legge ut bilder fra møtet på Instagram?", 56, null);
        lessons.notInMaterial("Hvor mye tjener en folkevalgt?", "Spør kommunens politiske sekretariat.");
        lessons.notInMaterial("Når er neste kommunestyremøte?", "");
        return lessons;
    }

    @Test
    void export_isAQuestionBank_withTheSlidesInOrder_thenTheReplies() {
        String file = taught().export();

        assertThat(file).startsWith("# Spørsmål fasilitatorene har lært Folkevalgt-bot, eksportert 6.11.2019\n");
        assertThat(file).contains("""

                # lysbildefil: %s
                [49] Arbeidsgiveransvaret for kommunedirektøren
                Hvem passer på at kommunedirektøren gjør jobben sin?
                Hvem følger med på kommunedirektøren?
                [56] Politiker eller privatperson?
                Kan jeg legge ut bilder fra møtet på Instagram?

                [ikke i materialet] Spør kommunens politiske sekretariat.
                Hvor mye tjener en folkevalgt?

                [ikke i materialet]
                Når er neste kommunestyremøte?
                """.formatted(DECK));
    }

    @Test
    void exportThenImport_intoAnEmptyStore_givesTheSameAnswers() {
        Lessons before = taught();
        Lessons after = new Lessons(new InMemoryLessonStore(), kb, CLOCK);

        assertThat(after.importBank(before.export())).isEqualTo(5);

        Bot first = Bot.builder().knowledgeBase(kb).lessons(before).build();
        Bot second = Bot.builder().knowledgeBase(kb).lessons(after).build();
        for (String q : List.of("Hvem passer på at kommunedirektøren gjør jobben sin?", "Hvem følger med på kommunedirektøren?",
                "kan jeg legge ut bilder fra møtet på instagram", "Hvor mye tjener en folkevalgt?", "Når er neste kommunestyremøte?")) {
            Reply a = first.handle(Incoming.local(q));
            Reply b = second.handle(Incoming.local(q));
            assertThat(b.blocks()).as(q).isEqualTo(a.blocks());
            assertThat(b.citations()).as(q).isEqualTo(a.citations());
        }
        assertThat(after.all()).extracting(Lesson::question)
                .containsExactlyInAnyOrderElementsOf(before.all().stream().map(Lesson::question).toList());
    }

    @Test
    void importingTwice_replacesRatherThanDoubles() {
        Lessons lessons = taught();
        lessons.importBank(lessons.export());
        assertThat(lessons.all()).hasSize(5);
    }

    @Test
    void aFileWithMistakes_isRefusedWhole_byLine() {
        Lessons lessons = new Lessons(new InMemoryLessonStore(), kb, CLOCK);

        assertThatThrownBy(() -> lessons.importBank("""
                [49]
                Hvem passer på at kommunedirektøren gjør jobben sin?
                [999]
                Et spørsmål til et lysbilde som ikke finnes
                # lysbildefil: annen.txt
                """)).isInstanceOf(LessonRefused.class)
                .hasMessage("Filen ble ikke lest inn (3 feil):\nlinje 3: lysbilde 999 i " + DECK + " finnes ikke\n"
                        + "linje 4: spørsmål før første [lysbildenummer] eller [ikke i materialet]\n"
                        + "linje 5: materialet har ingen lysbildefil som heter annen.txt");
        assertThat(lessons.all()).isEmpty();
        assertThatThrownBy(() -> lessons.importBank("# bare en kommentar\n")).hasMessage("Filen har ingen spørsmål å lese inn.");
    }
}
