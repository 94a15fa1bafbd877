package no.folkevalgt.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In front of every route, before a thread is given to the request:
 * <ol>
 *   <li>the {@code Host} must be one of the server's own names ({@link HostNames}), else 421 with a short
 *       Norwegian page (a DNS-rebinding page cannot read the facilitator data through a browser on this
 *       machine); {@code /healthz} and {@code /readyz} are exempt, for load balancers that ask by IP;</li>
 *   <li>the request body is read without holding a thread (Jetty calls back as bytes arrive) and must
 *       have arrived in full within the body timeout, else 408 and the connection is closed; at most
 *       {@code maxPendingBodies} bodies may be arriving at once, further ones get 503. Only then does
 *       the request go on to a thread, with the whole body in memory, so a client that trickles its
 *       body can hold neither a thread nor the server.</li>
 * </ol>
 */
final class RequestGate extends Handler.Wrapper {

    static final String WRONG_HOST_PAGE = "<!doctype html><html lang=\"nb\"><head><meta charset=\"utf-8\">"
            + "<title>Ukjent adresse</title></head><body><h1>Ukjent adresse</h1>"
            + "<p>Denne tjenesten svarer ikke på denne adressen. Bruk adressen arrangøren har gitt deg.</p></body></html>";
    static final String TOO_SLOW = "Forespørselen kom ikke fram i tide. Prøv igjen.";
    static final String BUSY = "Serveren er opptatt. Prøv igjen om litt.";
    static final String TOO_LARGE = "Forespørselen er for stor.";

    private static final Logger log = LoggerFactory.getLogger(RequestGate.class);

    private final HostNames hosts;
    private final Duration bodyTimeout;
    private final int maxPendingBodies;
    private final long maxBody;
    private final AtomicInteger pending = new AtomicInteger();

    RequestGate(HostNames hosts, Duration bodyTimeout, int maxPendingBodies, long maxBody) {
        this.hosts = hosts;
        this.bodyTimeout = bodyTimeout;
        this.maxPendingBodies = maxPendingBodies;
        this.maxBody = maxBody;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        boolean exempt = "/healthz".equals(path) || "/readyz".equals(path);
        if (!exempt && !hostAllowed(request)) {
            log.info("Refused a request for host {} from {}", printable(request.getHeaders().get(HttpHeader.HOST)),
                    Request.getRemoteAddr(request));
            respond(response, callback, 421, "text/html; charset=utf-8", WRONG_HOST_PAGE, false);
            return true;
        }
        long length = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (length <= 0 && !chunked) {
            return super.handle(request, response, callback);
        }
        if (length > maxBody) {
            respond(response, callback, 413, "text/plain; charset=utf-8", TOO_LARGE, true);
            return true;
        }
        if (pending.incrementAndGet() > maxPendingBodies) {
            pending.decrementAndGet();
            log.warn("{} request bodies are already arriving: refused one from {}", maxPendingBodies,
                    Request.getRemoteAddr(request));
            respond(response, callback, 503, "text/plain; charset=utf-8", BUSY, true);
            return true;
        }
        new BodyReader(request, response, callback).start();
        return true;
    }

    /* Both the Host header and the request target's authority (absolute-form) must name this server. */
    private boolean hostAllowed(Request request) {
        boolean loopbackPeer = isLoopback(Request.getRemoteAddr(request));
        String header = request.getHeaders().get(HttpHeader.HOST);
        if (!hosts.allows(header, loopbackPeer)) {
            return false;
        }
        String uriHost = request.getHttpURI().getHost();
        return uriHost == null || uriHost.isEmpty() || hosts.allows(uriHost, loopbackPeer);
    }

    static boolean isLoopback(String address) {
        String a = address == null ? "" : address.strip();
        return a.startsWith("127.") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1") || a.equals("[::1]")
                || a.equals("[0:0:0:0:0:0:0:1]");
    }

    private static void respond(Response response, Callback callback, int status, String type, String body, boolean close) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (close) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        Content.Sink.write(response, true, body, callback);
    }

    /** Reads one request's body as it arrives, then hands the request on with the body in memory. */
    private final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final AtomicBoolean settled = new AtomicBoolean();
        private Scheduler.Task deadline;

        BodyReader(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        void start() {
            deadline = request.getComponents().getScheduler().schedule(this::tooSlow, bodyTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            run();
        }

        /* Called at first and whenever Jetty has more bytes; never waits for them. */
        @Override
        public void run() {
            while (true) {
                if (settled.get()) {
                    return;
                }
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (settle()) {
                        callback.failed(chunk.getFailure());
                    }
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                int size = bytes.remaining();
                if (body.size() + (long) size > maxBody) {
                    chunk.release();
                    if (settle()) {
                        respond(response, callback, 413, "text/plain; charset=utf-8", TOO_LARGE, true);
                    }
                    return;
                }
                byte[] copy = new byte[size];
                bytes.get(copy);
                body.write(copy, 0, size);
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    if (settle()) {
                        forward();
                    }
                    return;
                }
            }
        }

        private boolean settle() {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            pending.decrementAndGet();
            if (deadline != null) {
                deadline.cancel();
            }
            return true;
        }

        private void tooSlow() {
            if (settle()) {
                log.info("A request body from {} did not arrive within {}: 408", Request.getRemoteAddr(request), bodyTimeout);
                respond(response, callback, 408, "text/plain; charset=utf-8", TOO_SLOW, true);
            }
        }

        private void forward() {
            Request buffered = new BufferedRequest(request, body.toByteArray());
            try {
                if (!RequestGate.super.handle(buffered, response, callback)) {
                    Response.writeError(buffered, response, callback, 404);
                }
            } catch (Throwable e) {
                callback.failed(e);
            }
        }
    }

    /** The request with its body already in memory. */
    private static final class BufferedRequest extends Request.Wrapper {
        private final ByteBufferContentSource content;

        BufferedRequest(Request request, byte[] body) {
            super(request);
            this.content = new ByteBufferContentSource(ByteBuffer.wrap(body));
        }

        @Override
        public Content.Chunk read() {
            return content.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            content.demand(demandCallback);
        }

        @Override
        public void fail(Throwable failure) {
            content.fail(failure);
        }

        @Override
        public long getLength() {
            return content.getLength();
        }
    }


    /* The Host header is the client's text: only printable ASCII, at most 100 characters, reaches the log. */
    static String printable(String host) {
        if (host == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder(Math.min(host.length(), 100));
        for (int i = 0; i < host.length() && out.length() < 100; i++) {
            char c = host.charAt(i);
            out.append(c >= 0x21 && c <= 0x7e ? c : '?');
        }
        return host.length() > 100 ? out + "…" : out.toString();
    }
}
