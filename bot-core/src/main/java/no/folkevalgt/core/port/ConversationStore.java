package no.folkevalgt.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the bot can post later: the platform's reference to each conversation the bot was added to
 * or messaged in (Teams needs its conversation reference, with the service URL, to post proactively).
 * The reference is opaque text (JSON for Teams) that only the adapter that saved it reads.
 *
 * <pre>{@code
 * store.save(new ConversationStore.Conversation(new ChannelRef("teams", conversationId), tenantId, referenceJson, now));
 * Optional<ConversationStore.Conversation> c = store.find(new ChannelRef("teams", conversationId));
 * }</pre>
 */
public interface ConversationStore {

    /** Stores the conversation, replacing an earlier reference to the same channel. Committed on return. */
    void save(Conversation conversation);

    /** The stored reference to this channel, if the bot has one. */
    Optional<Conversation> find(ChannelRef channel);

    /** Every stored conversation of a platform, most recently updated first. */
    List<Conversation> all(String platform);

    /** Forgets the channel (the bot was removed); true when there was one. */
    boolean remove(ChannelRef channel);

    /**
     * A conversation the bot can post to.
     *
     * @param channel   the platform and the conversation id
     * @param tenant    the workspace or tenant it belongs to; may be empty
     * @param reference the platform's reference, opaque to everyone but the adapter that saved it
     * @param updatedAt when it was last saved
     */
    record Conversation(ChannelRef channel, String tenant, String reference, Instant updatedAt) {

        /** Longest reference kept, in characters; a Teams reference is usually under 2,000. */
        public static final int MAX_REFERENCE = 16_000;

        public Conversation {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(updatedAt, "updatedAt");
            tenant = tenant == null ? "" : tenant;
            if (reference.isBlank()) {
                throw new IllegalArgumentException("reference is blank for " + channel);
            }
            if (reference.length() > MAX_REFERENCE) {
                throw new IllegalArgumentException("reference for " + channel + " is " + reference.length()
                        + " characters; at most " + MAX_REFERENCE + " are kept");
            }
        }
    }
}
