package no.folkevalgt.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.testsupport.MovableClock;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MovableClock clock = MovableClock.at("2019-11-05T09:00:00Z");

    @Test
    void defaults_allowABurstOfTen_thenOneQuestionEveryThreeSeconds() {
        RateLimiter limiter = RateLimiter.defaults(clock);

        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire(RateLimiter.Kind.QUESTION, "slack", "U1")).as("question %s", i).isTrue();
        }
        assertThat(limiter.tryAcquire(RateLimiter.Kind.QUESTION, "slack", "U1")).isFalse();

        clock.advance(Duration.ofMillis(2999));
        assertThat(limiter.tryAcquire(RateLimiter.Kind.QUESTION, "slack", "U1")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire(RateLimiter.Kind.QUESTION, "slack", "U1")).isTrue();
        assertThat(limiter.tryAcquire(RateLimiter.Kind.QUESTION, "slack", "U1")).isFalse();
    }

    @Test
    void kindOf_tellsReflectionCommandsFromQuestions_asTheBotReadsThem() {
        assertThat(RateLimiter.kindOf("/refleksjon Jeg vil bygge skole")).isEqualTo(RateLimiter.Kind.ANSWER);
        assertThat(RateLimiter.kindOf("  REFLEKSJON\n2 tillit")).isEqualTo(RateLimiter.Kind.ANSWER);
        assertThat(RateLimiter.kindOf("\u200B/refleksjon")).isEqualTo(RateLimiter.Kind.ANSWER);
        assertThat(RateLimiter.kindOf("Hva er en refleksjon?")).isEqualTo(RateLimiter.Kind.QUESTION);
        assertThat(RateLimiter.kindOf("/refleksjonene")).isEqualTo(RateLimiter.Kind.QUESTION);
        assertThat(RateLimiter.kindOf(null)).isEqualTo(RateLimiter.Kind.QUESTION);
    }

    @Test
    void inTheLongRun_twentyQuestionsAMinuteGetThrough() {
        RateLimiter limiter = RateLimiter.defaults(clock);
        int allowed = 0;
        for (int second = 0; second < 600; second++) {
            for (int i = 0; i < 5; i++) {
                if (limiter.tryAcquire(RateLimiter.Kind.QUESTION, "web", "flood")) {
                    allowed++;
                }
            }
            clock.advance(Duration.ofSeconds(1));
        }
        /* Ten minutes: the burst of 10 plus 20 a minute. */
        assertThat(allowed).isBetween(200, 210);
    }

    @Test
    void aFullBucket_doesNotGrowPastTheBurst_afterALongQuietSpell() {
        RateLimiter limiter = RateLimiter.defaults(clock);
        limiter.tryAcquire(RateLimiter.Kind.QUESTION, "slack", "U1");
        clock.advance(Duration.ofHours(5));
        int allowed = 0;
        while (limiter.tryAcquire(RateLimiter.Kind.QUESTION, "slack", "U1")) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void usersPlatformsAndKinds_haveTheirOwnBudgets() {
        RateLimiter limiter = RateLimiter.defaults(clock);
        while (limiter.tryAcquire(RateLimiter.Kind.QUESTION, "slack", "U1")) {
            // spend it
        }
        assertThat(limiter.tryAcquire(RateLimiter.Kind.QUESTION, "slack", "U2")).isTrue();
        assertThat(limiter.tryAcquire(RateLimiter.Kind.QUESTION, "teams", "U1")).isTrue();
        assertThat(limiter.tryAcquire(RateLimiter.Kind.ANSWER, "slack", "U1")).isTrue();

        int answers = 1;
        while (limiter.tryAcquire(RateLimiter.Kind.ANSWER, "slack", "U1")) {
            answers++;
        }
        assertThat(answers).as("the answer burst").isEqualTo(5);
        clock.advance(Duration.ofSeconds(6));
        assertThat(limiter.tryAcquire(RateLimiter.Kind.ANSWER, "slack", "U1")).as("10 a minute: one each 6 s").isTrue();
    }

    @Test
    void theLocalUser_isExemptByDefault_andExemptionsAreConfigurable() {
        RateLimiter limiter = RateLimiter.defaults(clock);
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.tryAcquire(RateLimiter.Kind.QUESTION, Incoming.LOCAL, "local")).isTrue();
        }
        RateLimiter strict = RateLimiter.builder().clock(clock).exempt(Set.of()).questions(1, Duration.ofMinutes(1), 1).build();
        assertThat(strict.tryAcquire(RateLimiter.Kind.QUESTION, Incoming.LOCAL, "local")).isTrue();
        assertThat(strict.tryAcquire(RateLimiter.Kind.QUESTION, Incoming.LOCAL, "local")).isFalse();
    }

    @Test
    void theMap_isBounded_andForgetsIdleUsers() {
        RateLimiter limiter = RateLimiter.builder().clock(clock).maxUsers(100).build();
        for (int i = 0; i < 10_000; i++) {
            limiter.tryAcquire(RateLimiter.Kind.QUESTION, "web", "u" + i);
        }
        assertThat(limiter.size()).isLessThanOrEqualTo(100);

        clock.advance(Duration.ofMinutes(5));
        assertThat(limiter.size()).isZero();
    }

    @Test
    void unlimited_allowsEverything() {
        RateLimiter limiter = RateLimiter.unlimited();
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.tryAcquire(RateLimiter.Kind.ANSWER, "slack", "U1")).isTrue();
        }
    }

    @Test
    void concurrentRequests_neverGetMoreThanTheBurst() throws Exception {
        RateLimiter limiter = RateLimiter.defaults(clock);
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 400; i++) {
            pool.execute(() -> {
                if (limiter.tryAcquire(RateLimiter.Kind.QUESTION, "slack", "U1")) {
                    allowed.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(allowed.get()).isEqualTo(10);
    }

    @Test
    void theBuilder_saysWhatIsWrong() {
        assertThatThrownBy(() -> RateLimiter.builder().questions(0, Duration.ofMinutes(1), 1))
                .hasMessage("permits must be 1 or more but was 0");
        assertThatThrownBy(() -> RateLimiter.builder().answers(1, Duration.ZERO, 1))
                .hasMessage("period must be positive but was PT0S");
        assertThatThrownBy(() -> RateLimiter.builder().questions(1, Duration.ofMinutes(1), 0))
                .hasMessage("burst must be 1 or more but was 0");
        assertThatThrownBy(() -> RateLimiter.builder().maxUsers(0))
                .hasMessage("maxUsers must be 1 or more but was 0");
    }
}
