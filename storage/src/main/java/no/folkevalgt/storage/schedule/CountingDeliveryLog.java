package no.folkevalgt.storage.schedule;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import no.folkevalgt.core.port.DeliveryAttempt;
import no.folkevalgt.core.port.DeliveryLog;
import no.folkevalgt.core.port.DeliveryStatus;

/* Counts each recorded delivery attempt by status (SENT, LATE, RETRYING, FAILED, SKIPPED). */
record CountingDeliveryLog(DeliveryLog delegate, MeterRegistry registry) implements DeliveryLog {

    @Override
    public void record(DeliveryAttempt attempt) {
        delegate.record(attempt);
        Counter.builder("folkevalgt.posts.outcomes").description("Delivery attempts of programme posts by status")
                .tag("status", attempt.status().name()).register(registry).increment();
    }

    @Override
    public List<DeliveryAttempt> attempts(String postId) {
        return delegate.attempts(postId);
    }

    @Override
    public List<DeliveryAttempt> all() {
        return delegate.all();
    }

    @Override
    public boolean delivered(String postId) {
        return delegate.delivered(postId);
    }

    @Override
    public Map<String, DeliveryStatus> latest() {
        return delegate.latest();
    }
}
