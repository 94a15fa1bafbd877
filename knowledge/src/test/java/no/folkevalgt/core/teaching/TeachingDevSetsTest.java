package no.folkevalgt.core.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.knowledge.DevSets;
import org.junit.jupiter.api.Test;

/**
 * A learned link does not make unrelated questions worse: the shared dev sets graded as grade.py does,
 * through the bot, before and after a facilitator teaches ten links. The ten are written here as a
 * facilitator would from a gap list (everyday questions the material answers under other words, or
 * where the bot picked the wrong slide); none is a dev question. Skipped when the dev sets are not
 * beside the project.
 */
class TeachingDevSetsTest {

    static final KnowledgeBase kb = DevSets.bundled();

    /** Ten links a facilitator might teach: question -> slide. */
    static final Map<String, Integer> TEN_LINKS = Map.of(
            "Hvem passer på at kommunedirektøren gjør jobben sin?", 49,
            "Hvordan får vi folk i bygda til å engasjere seg?", 89,
            "Hvordan blir vi enige på tvers av partiene?", 18,
            "Kan jeg legge ut bilder fra møtet på Instagram?", 56,
            "Må jeg være høflig i debatter?", 57,
            "Kan politikere gi beskjed direkte til ansatte i kommunen?", 41,
            "Hvem har ansvar for å ansette en rektor?", 47,
            "Får kommunen penger fra staten?", 72,
            "Hva skjer etter kurset?", 99,
            "Hvordan lager vi en langsiktig plan for kommunen?", 15);

    @Test
    void tenLinks_leaveTheDevSetsFiguresNoWorse() throws IOException {
        Bot plain = Bot.builder().knowledgeBase(kb).build();
        Lessons lessons = new Lessons(new InMemoryLessonStore(), kb, Clock.systemUTC());
        TEN_LINKS.forEach((question, slide) -> lessons.link(question, slide, null));
        Bot taught = Bot.builder().knowledgeBase(kb).lessons(lessons).build();

        TEN_LINKS.forEach((question, slide) -> assertThat(taught.handle(Incoming.local(question)).citations().get(0).slide())
                .as(question).isEqualTo(slide));
        for (String set : new String[] {"dev-questions.tsv", "dev-questions-2.tsv"}) {
            DevSets.Grade before = DevSets.grade(set, id -> true, answers(plain));
            DevSets.Grade after = DevSets.grade(set, id -> true, answers(taught));
            System.out.println(set + " before 10 links: " + before.summary());
            System.out.println(set + " after 10 links:  " + after.summary());
            assertThat(after.hit1()).as(after.report()).isGreaterThanOrEqualTo(before.hit1());
            assertThat(after.hit3()).as(after.report()).isGreaterThanOrEqualTo(before.hit3());
            assertThat(after.helped3()).as(after.report()).isGreaterThanOrEqualTo(before.helped3());
            assertThat(after.wrongSure()).as(after.report()).isLessThanOrEqualTo(before.wrongSure());
            assertThat(after.flat()).as(after.report()).isLessThanOrEqualTo(before.flat());
            assertThat(after.outDeclined()).as(after.report()).isGreaterThanOrEqualTo(before.outDeclined());
            assertThat(after.englishHelped3()).as(after.report()).isGreaterThanOrEqualTo(before.englishHelped3());
        }
    }

    private static Function<String, Answer> answers(Bot bot) {
        return question -> bot.respond(Incoming.local(question)).answer().orElse(Answer.declined(question));
    }
}
