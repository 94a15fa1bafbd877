package no.folkevalgt.teams;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;

import no.folkevalgt.core.delivery.Backoff;
import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.ConversationStore;
import no.folkevalgt.core.port.PostFailure;
import no.folkevalgt.core.port.Reply;

/**
 * Posts to a stored Teams conversation with {@code continueConversation}. Within one call the
 * connector client retries 429/412/502/504 briefly ({@link ConnectorRetry}: at most twice, within a
 * few seconds); what still fails is reported as a {@link PostFailure}, temporary with the
 * connector's Retry-After or permanent, and the post scheduler retries with backoff and jitter and
 * logs every attempt in the delivery log.
 */
final class TeamsPoster implements ChannelPoster {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BotFrameworkAdapter adapter;
    private final String appId;
    private final ConversationStore conversations;

    TeamsPoster(BotFrameworkAdapter adapter, String appId, ConversationStore conversations) {
        this.adapter = adapter;
        this.appId = appId;
        this.conversations = conversations;
    }

    @Override
    public void post(ChannelRef channel, Reply reply) throws PostFailure {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reply, "reply");
        if (!TeamsBot.PLATFORM.equals(channel.platform())) {
            throw PostFailure.permanent("Teams kan ikke poste til " + channel, null);
        }
        Optional<ConversationStore.Conversation> stored;
        try {
            stored = conversations.find(channel);
        } catch (RuntimeException e) {
            throw PostFailure.temporary("fant ikke samtalen i databasen: " + e.getMessage(), null, e);
        }
        if (stored.isEmpty()) {
            throw PostFailure.permanent("Boten er ikke lagt til i Teams-samtalen " + channel.id()
                    + " (eller har ikke fått en melding der ennå), så den kan ikke poste dit", null);
        }
        ConversationReference reference;
        try {
            reference = Serialization.getAs(Serialization.jsonToTree(stored.get().reference()), ConversationReference.class);
        } catch (Exception e) {
            throw PostFailure.permanent("den lagrede Teams-referansen til " + channel.id() + " kan ikke leses", e);
        }
        try {
            /* sendToConversation rather than turn.sendActivity: the latter replies to the SDK's made-up
               continuation activity id; a proactive post belongs at the conversation's top level. */
            /* The failure is caught inside the turn: one escaping it would reach the adapter's
               onTurnError, which apologises in the channel and completes the turn normally. */
            AtomicReference<Throwable> failure = new AtomicReference<>();
            adapter.continueConversation(appId, reference, turn -> {
                ConnectorClient client = turn.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
                Activity message = Cards.message(reply, "");
                message.applyConversationReference(reference, false);
                message.setReplyToId(null);
                return client.getConversations().sendToConversation(reference.getConversation().getId(), message)
                        .handle((sent, error) -> {
                            failure.set(error);
                            return null;
                        });
            }).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (failure.get() != null) {
                throw classify(channel, failure.get());
            }
        } catch (ExecutionException | CompletionException e) {
            throw classify(channel, e);
        } catch (TimeoutException e) {
            throw PostFailure.temporary("Teams svarte ikke innen " + TIMEOUT.toSeconds() + " s", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PostFailure.temporary("avbrutt", null, e);
        }
    }

    static PostFailure classify(ChannelRef channel, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RestException rest && rest.response() != null) {
                int status = rest.response().code();
                Duration retryAfter = Backoff.retryAfter(rest.response().headers().get("Retry-After"));
                return switch (status) {
                    case 429, 412, 502, 503, 504, 500 -> PostFailure.temporary(
                            "Teams svarte " + status + " for " + channel.id(), retryAfter, e);
                    case 401, 403 -> PostFailure.permanent("Teams avviste boten (" + status
                            + "): sjekk MICROSOFT_APP_ID og MICROSOFT_APP_PASSWORD, og at boten er lagt til i samtalen", e);
                    case 404 -> PostFailure.permanent("Teams-samtalen " + channel.id() + " finnes ikke lenger (404)", e);
                    default -> PostFailure.permanent("Teams svarte " + status + " for " + channel.id(), e);
                };
            }
            if (t instanceof java.io.IOException) {
                return PostFailure.temporary("kunne ikke nå Teams: " + t.getMessage(), null, e);
            }
        }
        return PostFailure.temporary("Teams-posten feilet: " + e, null, e);
    }
}
