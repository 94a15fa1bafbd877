package no.folkevalgt.teams;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Serialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.ActionIds;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.ConversationStore;
import no.folkevalgt.core.port.Feedback;
import no.folkevalgt.core.port.FeedbackStore;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.Platforms;
import no.folkevalgt.core.port.Reply;

/** Translates Teams activities to the core bot and back; the core decides everything. */
final class TeamsBot extends ActivityHandler {

    static final String PLATFORM = Platforms.TEAMS;
    static final String THANKS = "Takk for tilbakemeldingen!";
    static final String FEEDBACK_FAILED = "Beklager, tilbakemeldingen ble ikke lagret. Prøv igjen om litt.";
    static final String WELCOME = "Hei! Jeg svarer på spørsmål om folkevalgtprogrammet og viser hvor i materialet svaret står."
            + " Skriv et spørsmål, eller «hjelp» for å se hva jeg kan.";

    private static final Logger log = LoggerFactory.getLogger(TeamsBot.class);

    private final Bot bot;
    private final FeedbackStore feedback;
    private final ConversationStore conversations;
    private final Clock clock;

    TeamsBot(Bot bot, FeedbackStore feedback, ConversationStore conversations, Clock clock) {
        this.bot = Objects.requireNonNull(bot, "bot");
        this.feedback = Objects.requireNonNull(feedback, "feedback");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
        Activity activity = turn.getActivity();
        remember(activity);
        /* Action.Submit (older clients) arrives as a message with the button's data as its value. */
        JsonNode value = activity.getValue() == null ? null : Serialization.objectToTree(activity.getValue());
        if (value != null && value.path(Cards.DATA_ACTION).asText("").startsWith(ActionIds.FEEDBACK_PREFIX)) {
            return turn.sendActivity(Cards.plainText(recordFeedback(activity, value))).thenApply(r -> null);
        }
        String text = activity.removeRecipientMention();
        text = text == null ? "" : text.strip();
        Incoming incoming = new Incoming(PLATFORM, tenant(activity), user(activity.getFrom()),
                activity.getConversation().getId(), null, text);
        Reply reply = bot.respond(incoming, activity.getId()).reply();
        return turn.sendActivity(Cards.message(reply, text)).thenApply(r -> null);
    }

    /* The SDK's ActivityHandler 4.14 answers adaptiveCard/action with 501, so the invoke is routed here. */
    @Override
    protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (!"adaptiveCard/action".equals(activity.getName())) {
            return super.onInvokeActivity(turn);
        }
        remember(activity);
        JsonNode data = activity.getValue() == null ? Serialization.createObjectNode()
                : Serialization.objectToTree(activity.getValue()).path("action").path("data");
        AdaptiveCardInvokeResponse response = new AdaptiveCardInvokeResponse();
        response.setStatusCode(200);
        response.setType("application/vnd.microsoft.activity.message");
        response.setValue(recordFeedback(activity, data));
        return CompletableFuture.completedFuture(createInvokeResponse(response));
    }

    private String recordFeedback(Activity activity, JsonNode data) {
        String action = data.path(Cards.DATA_ACTION).asText("");
        if (!ActionIds.isFeedback(action)) {
            return "Den knappen kjenner jeg ikke igjen.";
        }
        try {
            feedback.record(new Feedback(PLATFORM, user(activity.getFrom()), data.path(Cards.DATA_QUESTION).asText(""),
                    data.path(Cards.DATA_VALUE).asText(""), ActionIds.isHelpful(action), clock.instant()));
            return THANKS;
        } catch (RuntimeException e) {
            log.warn("Could not store feedback: {}", e.toString());
            return FEEDBACK_FAILED;
        }
    }

    /* ActivityHandler calls onMembersAdded only when someone other than the bot was added; the bot's own install matters here. */
    @Override
    protected CompletableFuture<Void> onConversationUpdateActivity(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (activity.getMembersAdded() != null && !activity.getMembersAdded().isEmpty()) {
            return botAdded(activity.getMembersAdded(), turn);
        }
        if (activity.getMembersRemoved() != null && !activity.getMembersRemoved().isEmpty()) {
            return onMembersRemoved(activity.getMembersRemoved(), turn);
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<Void> botAdded(List<ChannelAccount> added, TurnContext turn) {
        Activity activity = turn.getActivity();
        boolean botAdded = added.stream().anyMatch(m -> m.getId() != null && m.getId().equals(activity.getRecipient().getId()));
        if (!botAdded) {
            return CompletableFuture.completedFuture(null);
        }
        remember(activity);
        return turn.sendActivity(Cards.message(Reply.text(WELCOME), "")).thenApply(r -> null);
    }

    @Override
    protected CompletableFuture<Void> onMembersRemoved(List<ChannelAccount> removed, TurnContext turn) {
        Activity activity = turn.getActivity();
        if (removed.stream().anyMatch(m -> m.getId() != null && m.getId().equals(activity.getRecipient().getId()))) {
            try {
                conversations.remove(new ChannelRef(PLATFORM, activity.getConversation().getId()));
            } catch (RuntimeException e) {
                log.warn("Could not forget conversation {}: {}", activity.getConversation().getId(), e.toString());
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    /* Every turn refreshes the reference: Teams may move a conversation to another service URL. */
    private void remember(Activity activity) {
        if (activity.getConversation() == null || activity.getConversation().getId() == null) {
            return;
        }
        try {
            /* A copy: the SDK's reference shares the activity's conversation, and the reply to this very
               activity still needs its thread id (issue 17: answers became new channel posts). */
            ConversationReference reference = ConversationReference.clone(activity.getConversationReference());
            reference.setConversation(ConversationAccount.clone(reference.getConversation()));
            reference.setActivityId(null);
            /* A message in a channel thread has "<channel id>;messageid=<root>" as its conversation id;
               the channel itself, where the programme posts, is the part before it. */
            String id = activity.getConversation().getId();
            int thread = id.indexOf(";messageid=");
            if (thread > 0) {
                id = id.substring(0, thread);
                reference.getConversation().setId(id);
            }
            conversations.save(new ConversationStore.Conversation(new ChannelRef(PLATFORM, id),
                    tenant(activity), Serialization.toString(reference), clock.instant()));
        } catch (Exception e) {
            log.warn("Could not store the conversation reference of {}: {}", activity.getConversation().getId(), e.toString());
        }
    }

    static String tenant(Activity activity) {
        String tenant = activity.getConversation() == null ? null : activity.getConversation().getTenantId();
        if (tenant == null || tenant.isBlank()) {
            Object data = activity.getChannelData();
            if (data != null) {
                JsonNode node = Serialization.objectToTree(data).path("tenant").path("id");
                tenant = node.asText("");
            }
        }
        return tenant == null || tenant.isBlank() ? PLATFORM : tenant;
    }

    static String user(ChannelAccount from) {
        if (from == null) {
            return "ukjent";
        }
        String aad = from.getAadObjectId();
        return aad != null && !aad.isBlank() ? aad : (from.getId() == null || from.getId().isBlank() ? "ukjent" : from.getId());
    }

}
