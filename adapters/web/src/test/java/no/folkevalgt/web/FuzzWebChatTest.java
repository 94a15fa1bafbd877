package no.folkevalgt.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** POST /api/melding with random bytes and random JSON: never a 5xx, and no answer stored from garbage. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzWebChatTest {

    private static final long SEED = 424242L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] KEYS = {"tekst", "navn", "id", "handling", "x", ""};
    private static final String[] TYPES = {"application/json", "text/plain", "application/x-www-form-urlencoded",
            "application/json; charset=ISO-8859-1", "multipart/form-data; boundary=x"};

    final HttpClient http = HttpClient.newHttpClient();
    Fixture fx;

    @BeforeAll
    void start(@TempDir Path temp) throws Exception {
        fx = new Fixture(temp, null).start("127.0.0.1");
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void randomBytes_neverGiveA5xx_andStoreNothing() throws Exception {
        Random random = new Random(SEED);
        int before = fx.reflections.forPrompt(1).size() + fx.reflections.forPrompt(2).size();
        for (int run = 0; run < 400; run++) {
            byte[] body = new byte[random.nextInt(600)];
            random.nextBytes(body);
            if (run % 3 == 0 && body.length > 0) {
                body[0] = '{';
            }
            HttpResponse<String> r = post(body, TYPES[random.nextInt(TYPES.length)]);
            assertThat(r.statusCode()).as("run %s", run).isLessThan(500);
        }
        assertThat(fx.reflections.forPrompt(1).size() + fx.reflections.forPrompt(2).size()).isEqualTo(before);
    }

    @Test
    void randomJson_neverGivesA5xx() throws Exception {
        Random random = new Random(SEED + 1);
        for (int run = 0; run < 600; run++) {
            String body = switch (random.nextInt(4)) {
                case 0 -> JSON.writeValueAsString(randomObject(random, 0));
                case 1 -> JSON.writeValueAsString(Map.of("tekst", randomText(random)));
                case 2 -> mutate(JSON.writeValueAsString(Map.of("tekst", "/refleksjon " + randomText(random),
                        "navn", randomText(random))), random);
                default -> JSON.writeValueAsString(new Object[] {randomText(random), random.nextInt()});
            };
            HttpResponse<String> r = post(body.getBytes(StandardCharsets.UTF_8), "application/json");
            assertThat(r.statusCode()).as("run %s: %s", run, body).isLessThan(500);
            if (r.statusCode() == 200) {
                assertThat(JSON.readTree(r.body()).path("reply").path("blocks").size()).as(body).isPositive();
            }
        }
    }

    private static Object randomObject(Random random, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            String key = KEYS[random.nextInt(KEYS.length)];
            Object value = switch (random.nextInt(6)) {
                case 0 -> randomText(random);
                case 1 -> random.nextLong();
                case 2 -> random.nextBoolean();
                case 3 -> null;
                case 4 -> depth < 3 ? randomObject(random, depth + 1) : "x";
                default -> new Object[] {randomText(random)};
            };
            m.put(key, value);
        }
        return m;
    }

    private static String randomText(Random random) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(random.nextInt(10) == 0 ? 3000 : 40);
        for (int i = 0; i < n; i++) {
            out.append((char) (random.nextBoolean() ? 0x20 + random.nextInt(0x60) : random.nextInt(0x10000)));
        }
        return out.toString();
    }

    private static String mutate(String s, Random random) {
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < 1 + random.nextInt(3) && b.length() > 0; i++) {
            int at = random.nextInt(b.length());
            if (random.nextBoolean()) {
                b.deleteCharAt(at);
            } else {
                b.insert(at, "{}[]\",:\\u0000".charAt(random.nextInt(12)));
            }
        }
        return b.toString();
    }

    private HttpResponse<String> post(byte[] body, String type) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fx.base() + "/api/melding")).header("Cookie", Fixture.sessionFor(fx.base()))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
