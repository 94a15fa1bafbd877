package no.folkevalgt.core.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.Feedback;
import no.folkevalgt.core.port.FeedbackStore;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.UnansweredStore.Unanswered;
import no.folkevalgt.core.port.UnansweredStore;
import no.folkevalgt.knowledge.DevSets;
import org.junit.jupiter.api.Test;

/** The gap list facilitators teach from: alike questions grouped, newest first, with what was taught. */
class GapListTest {

    static final KnowledgeBase kb = DevSets.bundled();
    static final Instant T = Instant.parse("2019-11-05T10:00:00Z");

    final List<Unanswered> unanswered = new ArrayList<>();
    final List<Feedback> feedback = new ArrayList<>();
    final UnansweredStore unansweredStore = new UnansweredStore() {
        @Override
        public void record(Unanswered question) {
            unanswered.add(0, question);
        }

        @Override
        public List<Unanswered> recent(int limit) {
            return unanswered.stream().limit(limit).toList();
        }
    };
    final FeedbackStore feedbackStore = new FeedbackStore() {
        @Override
        public void record(Feedback f) {
            feedback.add(0, f);
        }

        @Override
        public List<Feedback> all() {
            return List.copyOf(feedback);
        }
    };
    final Lessons lessons = new Lessons(new InMemoryLessonStore(), kb, java.time.Clock.fixed(T, java.time.ZoneOffset.UTC));
    final GapList gaps = new GapList(unansweredStore, feedbackStore, lessons, kb);

    @Test
    void alikeQuestions_areOneGap_withTheirCount_kinds_platforms_andTimes() {
        Citation suggested = new Citation("Politiker eller privatperson?", 56, "deck.txt");
        unansweredStore.record(new Unanswered("Hvor mye tjener en folkevalgt?", "web", T));
        unansweredStore.record(Unanswered.unsure("Kan jeg legge ut bilder fra møtet på Instagram?", "slack", T.plusSeconds(60),
                List.of(suggested)));
        unansweredStore.record(new Unanswered("hvor mye tjener folkevalgte", "slack", T.plusSeconds(120)));
        unansweredStore.record(new Unanswered("Kor mykje tener ein folkevald?", "teams", T.plusSeconds(180)));
        feedbackStore.record(new Feedback("web", "kari", "Hvem passer på kommunedirektøren?", "deck.txt#41", false, T.plusSeconds(240)));
        feedbackStore.record(new Feedback("web", "ola", "Hva er deltakelsestrappa?", "deck.txt#90", true, T.plusSeconds(250)));

        List<GapList.Gap> list = gaps.gaps(50);

        assertThat(list).extracting(GapList.Gap::question).containsExactly("Hvem passer på kommunedirektøren?",
                "Kor mykje tener ein folkevald?", "Kan jeg legge ut bilder fra møtet på Instagram?");
        GapList.Gap pay = list.get(1);
        assertThat(pay.count()).isEqualTo(3);
        assertThat(pay.wordings()).containsExactly("hvor mye tjener folkevalgte", "Hvor mye tjener en folkevalgt?");
        assertThat(pay.platforms()).containsExactly("teams", "slack", "web");
        assertThat(pay.first()).isEqualTo(T);
        assertThat(pay.last()).isEqualTo(T.plusSeconds(180));
        assertThat(pay.kinds()).containsExactly(GapList.Kind.NOT_FOUND);
        assertThat(pay.taught()).isEmpty();
        assertThat(list.get(2).kinds()).containsExactly(GapList.Kind.UNSURE);
        assertThat(list.get(2).suggested()).containsExactly(suggested);
        assertThat(list.get(0).kinds()).containsExactly(GapList.Kind.UNHELPFUL);
        assertThat(list.get(0).unhelpful()).containsExactly("deck.txt#41");
        assertThat(GapList.Kind.UNHELPFUL.text()).isEqualTo("👎");
        assertThat(list).noneMatch(g -> g.question().contains("deltakelsestrappa"));
    }

    @Test
    void aTaughtGap_saysWhatWasTaught_andUndoClearsIt() {
        unansweredStore.record(new Unanswered("Hvor mye tjener en folkevalgt?", "web", T));
        lessons.notInMaterial("hvor mye tjener folkevalgte", "Spør sekretariatet.");

        GapList.Gap gap = gaps.gaps(50).get(0);
        assertThat(gap.taught()).hasValueSatisfying(l -> {
            assertThat(l.isLink()).isFalse();
            assertThat(l.reply()).isEqualTo("Spør sekretariatet.");
        });

        lessons.undo("hvor mye tjener folkevalgte");
        assertThat(gaps.gaps(50).get(0).taught()).isEmpty();
    }

    @Test
    void theListIsCut_atTheLimit_newestFirst() {
        for (int i = 0; i < 5; i++) {
            unansweredStore.record(new Unanswered("Spørsmål om tema nummer " + (char) ('a' + i) + "lfa", "web", T.plusSeconds(i)));
        }
        assertThat(gaps.gaps(2)).hasSize(2);
        assertThat(gaps.gaps(2).get(0).question()).isEqualTo("Spørsmål om tema nummer elfa");
        assertThat(Set.of(GapList.Kind.values())).hasSize(3);
    }
}
