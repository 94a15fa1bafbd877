package no.folkevalgt.core.reflection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import no.folkevalgt.core.port.ReflectionAnswer;
import no.folkevalgt.core.port.ReflectionStore;
import no.folkevalgt.core.port.StoreUnavailable;

/**
 * A {@link ReflectionStore} in memory, for tests: the same contract as the JDBC stores (idempotent
 * by platform, user and request id, oldest first, thread-safe). {@link #down(boolean)} makes every call fail with
 * {@link StoreUnavailable}, as an unreachable database would.
 */
final class InMemoryReflectionStore implements ReflectionStore {

    private final List<ReflectionAnswer> answers = new ArrayList<>();
    private final Map<String, ReflectionAnswer> byRequest = new HashMap<>();
    private final AtomicInteger adds = new AtomicInteger();
    private long nextId = 1;
    private volatile boolean down;

    /** While down, every method throws {@link StoreUnavailable} and changes nothing. */
    void down(boolean down) {
        this.down = down;
    }

    /** How many times {@link #add} was called, stored or not. */
    int addCalls() {
        return adds.get();
    }

    synchronized int total() {
        return answers.size();
    }

    synchronized List<ReflectionAnswer> all() {
        return List.copyOf(answers);
    }

    @Override
    public synchronized ReflectionAnswer add(int prompt, String platform, String user, String text, Instant at,
                                             String requestId) {
        adds.incrementAndGet();
        check();
        String key = requestId == null ? null : platform + "\n" + user + "\n" + requestId;
        if (key != null && byRequest.containsKey(key)) {
            return byRequest.get(key);
        }
        ReflectionAnswer answer = new ReflectionAnswer(nextId++, prompt, platform, user, text, at);
        answers.add(answer);
        if (key != null) {
            byRequest.put(key, answer);
        }
        return answer;
    }

    @Override
    public synchronized List<ReflectionAnswer> forPrompt(int prompt) {
        check();
        return answers.stream().filter(a -> a.prompt() == prompt).toList();
    }

    @Override
    public synchronized List<ReflectionAnswer> byUser(String platform, String user) {
        check();
        return answers.stream().filter(a -> a.platform().equals(platform) && a.user().equals(user)).toList();
    }

    @Override
    public synchronized int delete(String platform, String user, int prompt) {
        check();
        List<ReflectionAnswer> gone = answers.stream()
                .filter(a -> a.platform().equals(platform) && a.user().equals(user))
                .filter(a -> prompt == 0 || a.prompt() == prompt)
                .toList();
        answers.removeAll(gone);
        byRequest.values().removeIf(gone::contains);
        return gone.size();
    }

    @Override
    public synchronized int count(int prompt) {
        check();
        return (int) answers.stream().filter(a -> a.prompt() == prompt).count();
    }

    private void check() {
        if (down) {
            throw new StoreUnavailable("the test store is down", null);
        }
    }

    @Override
    public String toString() {
        return "InMemoryReflectionStore" + Objects.toString(answers);
    }
}
