package no.folkevalgt.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.folkevalgt.testsupport.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and mutated payloads into the real Bolt app behind the real server: garbage never makes the bot
 * call Slack's Web API, and a failure never shows more than the generic Norwegian message.
 *
 * <p>Known gap (see {@link #malformedJson_isRefusedWith4xx_beforeAnyParsing}): Bolt's request parser runs
 * before the signature is checked and throws on malformed JSON ({@code payload=%7Bxx}, {@code [1,2]},
 * {@code {"type":"event_callback"}}), so such a request, even unsigned, gets a 500 and an ERROR log line
 * with a stack trace. The fix belongs in {@code SlackAdapter.serve}: verify the signature first (401), then
 * catch a RuntimeException from {@code parser.parse}/{@code app.run} on a bad payload and answer 400.
 */
class FuzzSlackTest {

    private static final long SEED = 1_700_000_000L;
    private static final String[] TYPES = {SlackRequests.JSON, SlackRequests.FORM, "text/plain", "application/xml", ""};

    @TempDir
    Path dir;
    SlackFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new SlackFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void signedGarbage_neverGivesA5xx_andCallsNoWebApi() throws Exception {
        Random random = new Random(SEED);
        for (int run = 0; run < 400; run++) {
            String body = switch (run % 4) {
                case 0 -> randomText(random, 500);
                case 1 -> "{" + randomText(random, 200);
                case 2 -> "payload=" + randomText(random, 200);
                default -> new String(randomBytes(random), StandardCharsets.ISO_8859_1);
            };
            String type = TYPES[random.nextInt(TYPES.length)];
            HttpResponse<String> r = run % 2 == 0 ? f.slack.signed(body, type.isEmpty() ? "application/octet-stream" : type)
                    : f.slack.send(body, type, SlackRequests.now(), null, Map.of());
            assertGenericOnFailure(run, r);
        }
        Waits.holdsFor(Duration.ofMillis(300),
                () -> assertThat(f.api.answers()).as("Web API calls made on garbage").isEmpty());
    }

    @Test
    void unsignedOrBadlySigned_areRefused_andCallNoWebApi() throws Exception {
        Random random = new Random(SEED + 1);
        String valid = SlackRequests.slashCommand("/folkevalgt", "hjelp", "U1", "C1", "tr", f.api.responseUrl("x"));
        for (int run = 0; run < 100; run++) {
            HttpResponse<String> r = switch (run % 4) {
                case 0 -> f.slack.send(valid, SlackRequests.FORM, SlackRequests.now(), null, Map.of());
                case 1 -> f.slack.send(valid, SlackRequests.FORM, SlackRequests.now(), "feil-hemmelighet", Map.of());
                case 2 -> f.slack.send(valid, SlackRequests.FORM, SlackRequests.now() - 3600, SlackRequests.SECRET, Map.of());
                /* Older than Slack's five minutes. (Bolt 1.45.4 accepts any future timestamp, and its check
                   overflows near Long.MAX_VALUE / 1000; only a holder of the signing secret can sign one.) */
                default -> f.slack.send(valid, SlackRequests.FORM,
                        SlackRequests.now() - 301 - random.nextInt(1_000_000_000), SlackRequests.SECRET, Map.of());
            };
            assertThat(r.statusCode()).as("run %s", run).isBetween(400, 499);
        }
        Waits.holdsFor(Duration.ofMillis(200), () -> assertThat(f.api.answers()).isEmpty());
    }

    @Test
    void mutatedSignedPayloads_neverGiveA5xx() throws Exception {
        Random random = new Random(SEED + 2);
        List<String> seeds = List.of(
                SlackRequests.appMention("Ev1", "C0CHAN", "U0KARI", "<@UBOT> hva er delegering?", "1700000000.000100"),
                SlackRequests.directMessage("Ev2", "D0KARI", "U0KARI", "hjelp", "1700000000.000200"),
                SlackRequests.urlVerification("abc"),
                SlackRequests.slashCommand("/folkevalgt", "program", "U0KARI", "C0CHAN", "tr-1", f.api.responseUrl("a")),
                SlackRequests.slashCommand("/refleksjon", "Mer åpenhet", "U0KARI", "C0CHAN", "tr-2", f.api.responseUrl("b")),
                SlackRequests.blockAction("feedback.up", "deck.txt#2\nhva er delegering?", "U0KARI", "C0CHAN",
                        f.api.responseUrl("c")),
                SlackRequests.blockAction("share", "deck.txt#2\nhva er delegering?", "U0KARI", "C0CHAN",
                        f.api.responseUrl("d")));
        for (int run = 0; run < 500; run++) {
            int which = random.nextInt(seeds.size());
            String body = mutate(seeds.get(which), random);
            String type = which <= 2 ? SlackRequests.JSON : SlackRequests.FORM;
            HttpResponse<String> r = f.slack.signed(body, type);
            assertGenericOnFailure(run, r);
        }
    }

    @Test
    void malformedJson_isRefusedWith4xx_beforeAnyParsing() throws Exception {
        for (String body : List.of("payload=%7Bxx", "[1,2]", "{\"type\":\"event_callback\"}",
                "{\"type\":\"event_callback\",\"event\":5}")) {
            assertThat(f.slack.send(body, SlackRequests.JSON, SlackRequests.now(), null, Map.of()).statusCode())
                    .as("unsigned %s", body).isEqualTo(401);
            assertThat(f.slack.signed(body, SlackRequests.JSON).statusCode()).as("signed %s", body).isBetween(400, 499);
        }
    }

    /* A 5xx is tolerated only as the generic message (the known gap above); never a stack trace or detail. */
    private static void assertGenericOnFailure(int run, HttpResponse<String> r) {
        if (r.statusCode() >= 500) {
            assertThat(r.statusCode()).as("run %s", run).isEqualTo(500);
            assertThat(r.body()).as("run %s", run).isEqualTo("Noe gikk galt. Prøv igjen om litt.");
        }
        assertThat(r.body()).as("run %s", run).doesNotContain("Exception").doesNotContain("at com.")
                .doesNotContain(SlackRequests.SECRET).doesNotContain("xoxb-");
    }

    private static String mutate(String s, Random random) {
        StringBuilder b = new StringBuilder(s);
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n && b.length() > 0; i++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(5)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, "{}[]\":,=&%\\<>0".charAt(random.nextInt(14)));
                case 2 -> b.setLength(at);
                case 3 -> b.replace(at, Math.min(b.length(), at + 8), "null");
                default -> b.insert(at, (char) random.nextInt(0x10000));
            }
        }
        return b.toString();
    }

    private static String randomText(Random random, int max) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(max);
        for (int i = 0; i < n; i++) {
            out.append((char) (random.nextInt(3) > 0 ? 0x20 + random.nextInt(0x5F) : random.nextInt(0x10000)));
        }
        return out.toString();
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(500)];
        random.nextBytes(bytes);
        return bytes;
    }
}
