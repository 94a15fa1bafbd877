package no.folkevalgt.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import no.folkevalgt.core.http.HttpResponse;
import no.folkevalgt.core.http.HttpRoute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that send their request body a byte at a time (slowloris on the body) hold no thread: the
 * server keeps answering others, and the slow ones get 408 or are closed once the body timeout is out.
 */
class SlowClientsTest {

    static final int TRICKLERS = 300;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void threeHundredClientsTricklingABody_doNotStopAChatMessage_andEachGets408OrIsClosed() throws Exception {
        HttpRoute echo = new HttpRoute("POST", "/api/melding", request -> HttpResponse.text(200, "fikk: " + request.bodyText()));

        WebServer.Options options = WebServer.Options.defaults().withBodyTimeout(Duration.ofSeconds(3));
        try (WebServer server = WebServer.start("127.0.0.1", 0, List.of(echo), options)) {
            List<Trickler> tricklers = new ArrayList<>();
            for (int i = 0; i < TRICKLERS; i++) {
                tricklers.add(new Trickler(server.port()));
            }
            for (Trickler t : tricklers) {
                t.step();
            }

            var chat = client.send(java.net.http.HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/api/melding"))
                    .timeout(Duration.ofSeconds(20))
                    .POST(BodyPublishers.ofString("{\"tekst\":\"Hva er en interpellasjon?\"}", StandardCharsets.UTF_8)).build(),
                    BodyHandlers.ofString());
            assertThat(chat.statusCode()).isEqualTo(200);
            assertThat(chat.body()).isEqualTo("fikk: {\"tekst\":\"Hva er en interpellasjon?\"}");

            /* Keep trickling until every slow client has been answered or closed (the test's timeout bounds it). */
            while (tricklers.stream().anyMatch(t -> !t.settled)) {
                for (Trickler t : tricklers) {
                    t.step();
                }
                /* Not a wait: the pace of the slow clients' trickle, which is what this test is about. */
                Thread.sleep(100);
            }
            assertThat(tricklers).allSatisfy(t -> assertThat(t.status).as("a slow client's answer").isIn(408, -1));
            assertThat(tricklers).anySatisfy(t -> assertThat(t.status).isEqualTo(408));
            assertThat(tricklers.stream().filter(t -> t.status == 408).findFirst().orElseThrow().answer)
                    .contains("Forespørselen kom ikke fram i tide. Prøv igjen.");

            var after = client.send(java.net.http.HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/api/melding"))
                    .timeout(Duration.ofSeconds(20)).POST(BodyPublishers.ofString("igjen")).build(), BodyHandlers.ofString());
            assertThat(after.body()).isEqualTo("fikk: igjen");
        }
    }

    /** One connection that promised 10,000 bytes and sends one at a time. */
    private static final class Trickler {
        final Socket socket;
        final InputStream in;
        boolean settled;
        int status = -1;
        String answer = "";

        Trickler(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(1);
            in = socket.getInputStream();
            socket.getOutputStream().write(("POST /api/melding HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 10000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        }

        void step() {
            if (settled) {
                return;
            }
            try {
                byte[] buffer = new byte[4096];
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    n = 0;
                }
                if (n < 0) {
                    settle();
                    return;
                }
                if (n > 0) {
                    answer = new String(buffer, 0, n, StandardCharsets.UTF_8);
                    status = answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : -1;
                    settle();
                    return;
                }
                socket.getOutputStream().write('x');
            } catch (IOException e) {
                settle();
            }
        }

        private void settle() {
            settled = true;
            try {
                socket.close();
            } catch (IOException e) {
                /* closing anyway */
            }
        }
    }
}
