package no.folkevalgt.teams;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationParameters;
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
import no.folkevalgt.core.port.PromptAnswers;
import no.folkevalgt.core.port.Reply;

/**
 * Translates Teams activities to the core bot and back; the core decides everything.
 *
 * <p>Teams has no message only one member sees. In a channel or a group chat, a reply the core marks
 * private ({@link Reply#ephemeral()}: the member's own answers, a confirmation) goes to the member's
 * personal chat with the bot, and the thread gets a neutral note; when the personal chat cannot be
 * opened, the note alone says where to ask (issue 17).
 *
 * <p>A prompt card's "Send svar" arrives as an {@code adaptiveCard/action} invoke and is answered with a
 * card for that member only ({@link Cards#answeredCard}, {@link Cards#promptCard}); nothing of the
 * answer is posted to the conversation.
 */
final class TeamsBot extends ActivityHandler {

    static final String PLATFORM = Platforms.TEAMS;
    static final String THANKS = "Takk for tilbakemeldingen!";
    static final String FEEDBACK_FAILED = "Beklager, tilbakemeldingen ble ikke lagret. Prøv igjen om litt.";
    /** The thread's note when a private reply went to the member's personal chat. */
    static final String SENT_PRIVATELY = "Svaret mitt er bare for deg, så jeg har sendt det i en privat chat med deg.";
    /** The thread's note when the personal chat could not be opened: the private reply is not shown here. */
    static final String ASK_PRIVATELY = "Svaret mitt er bare for deg, så det vises ikke her. Skriv til meg i en privat chat"
            + " (finn Folkevalgt under Apper i Teams), så svarer jeg der.";
    /** Added to the note when the member used a reflection command in a shared conversation. */
    static final String ANSWER_IN_THE_CARD_HINT = "Tips: Svar på refleksjonsoppgaver i feltet på oppgavekortet."
            + " Da ser ingen andre hva du skrev.";
    static final String BAD_FORM = "Kortet mangler nummeret på refleksjonsoppgaven, så svaret ble ikke lagret."
            + " Skriv «refleksjon» til meg i en privat chat for å se oppgaven som er åpen.";
    static final String UNKNOWN_BUTTON = "Den knappen kjenner jeg ikke igjen.";
    static final String ANSWERED = "Du har svart på denne oppgaven, og svaret ditt er lagret."
            + " Skriv «refleksjon mine» til meg i en privat chat for å se svarene dine.";
    static final String FAILED = "Beklager, noe gikk galt. Prøv igjen om litt.";
    static final String WELCOME = "Hei! Jeg svarer på spørsmål om folkevalgtprogrammet og viser hvor i materialet svaret står."
            + " Skriv et spørsmål, eller «hjelp» for å se hva jeg kan.";

    private static final Logger log = LoggerFactory.getLogger(TeamsBot.class);
    private static final Pattern REFLECTION_COMMAND = Pattern.compile("/?refleksjon(?:\\s.*)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    /* A forged card's prompt blocks are shown only to whoever sent them; still, they are kept small. */
    private static final int MAX_BLOCKS = 12;
    private static final int MAX_BLOCK_LENGTH = 4000;
    /* A real client's field holds at most MAX_ANSWER_LENGTH characters; a forged answer is not echoed whole. */
    private static final int MAX_ECHO = 10_000;

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
        if (value != null && Cards.ANSWER_VERB.equals(value.path(Cards.DATA_ACTION).asText(""))) {
            /* The answer field's button on a client without Universal Actions: the private reply, never the answer. */
            Optional<Integer> prompt = Cards.promptNumber(value.path(Cards.DATA_PROMPT).asText(""));
            Reply reply = prompt.isEmpty() ? Reply.privateText(BAD_FORM)
                    : bot.answerPrompt(incoming(activity, answerText(value)), prompt.get(), activity.getId()).reply();
            return deliver(turn, reply, "", false);
        }
        String text = activity.removeRecipientMention();
        text = text == null ? "" : text.strip();
        Reply reply = bot.respond(incoming(activity, text), activity.getId()).reply();
        return deliver(turn, reply, text, REFLECTION_COMMAND.matcher(text).matches());
    }

    private static Incoming incoming(Activity activity, String text) {
        return new Incoming(PLATFORM, tenant(activity), user(activity.getFrom()), activity.getConversation().getId(), null, text);
    }

    /**
     * Sends the reply in the conversation; a private reply in a shared conversation goes to the member's
     * personal chat instead, with a neutral note in the thread.
     */
    private CompletableFuture<Void> deliver(TurnContext turn, Reply reply, String question, boolean reflection) {
        Activity activity = turn.getActivity();
        if (!reply.ephemeral() || !shared(activity)) {
            return turn.sendActivity(Cards.message(reply, question)).thenApply(r -> null);
        }
        return sendPrivately(turn, Cards.message(reply, question)).thenCompose(sent -> {
            String note = sent ? SENT_PRIVATELY : ASK_PRIVATELY;
            return turn.sendActivity(Cards.plainText(reflection ? note + " " + ANSWER_IN_THE_CARD_HINT : note));
        }).thenApply(r -> null);
    }

    /** A channel or a group chat: others read what the bot answers there. */
    static boolean shared(Activity activity) {
        ConversationAccount conversation = activity.getConversation();
        String type = conversation.getConversationType();
        if (type != null && !type.isBlank()) {
            return !"personal".equals(type);
        }
        return Boolean.TRUE.equals(conversation.isGroup());
    }

    /* Opens (or finds: Teams keeps one) the member's personal chat with the bot and sends the message there. */
    private static CompletableFuture<Boolean> sendPrivately(TurnContext turn, Activity message) {
        Activity activity = turn.getActivity();
        ConnectorClient client = turn.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
        if (client == null || activity.getRecipient() == null) {
            return CompletableFuture.completedFuture(false);
        }
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setBot(activity.getRecipient());
        parameters.setMembers(List.of(new ChannelAccount(activity.getFrom().getId())));
        String tenant = tenant(activity);
        if (!PLATFORM.equals(tenant)) {
            parameters.setTenantId(tenant);
            ObjectNode channelData = Serialization.createObjectNode();
            channelData.putObject("tenant").put("id", tenant);
            parameters.setChannelData(channelData);
        }
        try {
            return client.getConversations().createConversation(parameters).thenCompose(created -> {
                if (created == null || created.getId() == null || created.getId().isBlank()) {
                    return CompletableFuture.completedFuture(false);
                }
                message.setConversation(new ConversationAccount(created.getId()));
                message.setFrom(activity.getRecipient());
                message.setRecipient(activity.getFrom());
                message.setServiceUrl(activity.getServiceUrl());
                message.setChannelId(activity.getChannelId());
                return client.getConversations().sendToConversation(created.getId(), message).thenApply(r -> true);
            }).exceptionally(e -> {
                log.warn("Could not open a personal chat for a private reply: {}", e.toString());
                return false;
            });
        } catch (RuntimeException e) {
            log.warn("Could not open a personal chat for a private reply: {}", e.toString());
            return CompletableFuture.completedFuture(false);
        }
    }

    /* The SDK's ActivityHandler 4.14 answers adaptiveCard/action with 501, so the invoke is routed here. */
    @Override
    protected CompletableFuture<InvokeResponse> onInvokeActivity(TurnContext turn) {
        Activity activity = turn.getActivity();
        if (!"adaptiveCard/action".equals(activity.getName())) {
            return super.onInvokeActivity(turn);
        }
        remember(activity);
        JsonNode action = activity.getValue() == null ? Serialization.createObjectNode()
                : Serialization.objectToTree(activity.getValue()).path("action");
        JsonNode data = action.path("data");
        String verb = action.path("verb").asText("");
        AdaptiveCardInvokeResponse response;
        try {
            if (Cards.ANSWER_VERB.equals(verb)) {
                response = answer(activity, data);
            } else if (Cards.REFRESH_VERB.equals(verb)) {
                response = refresh(activity, data);
            } else {
                response = message(recordFeedback(activity, data));
            }
        } catch (RuntimeException e) {
            /* Answered here: the adapter's turn error would apologise in the conversation, for everyone to see. */
            log.error("A card action failed", e);
            response = message(FAILED);
        }
        return CompletableFuture.completedFuture(createInvokeResponse(response));
    }

    /* "Send svar": the answer is in the data under the field's id; the invoke's id makes a resend store nothing twice. */
    private AdaptiveCardInvokeResponse answer(Activity activity, JsonNode data) {
        Optional<Integer> prompt = Cards.promptNumber(data.path(Cards.DATA_PROMPT).asText(""));
        if (prompt.isEmpty()) {
            return message(BAD_FORM);
        }
        String text = answerText(data);
        List<String> blocks = promptBlocks(data, prompt.get());
        PromptAnswers.Outcome outcome = bot.answerPrompt(incoming(activity, text), prompt.get(), activity.getId());
        if (outcome.stored()) {
            return card(Cards.answeredCard(prompt.get(), blocks, outcome.reply(), activity.getFrom().getId()));
        }
        String kept = text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) : text;
        return card(Cards.promptCard(prompt.get(), blocks, outcome.reply(), kept));
    }

    /* Teams asks again for the view of a member named in a card's refresh (when they open the conversation). */
    private AdaptiveCardInvokeResponse refresh(Activity activity, JsonNode data) {
        Optional<Integer> prompt = Cards.promptNumber(data.path(Cards.DATA_PROMPT).asText(""));
        if (prompt.isEmpty()) {
            return message(BAD_FORM);
        }
        List<String> blocks = promptBlocks(data, prompt.get());
        if (data.path(Cards.DATA_ANSWERED).asBoolean(false)) {
            return card(Cards.answeredCard(prompt.get(), blocks, Reply.privateText(ANSWERED), activity.getFrom().getId()));
        }
        return card(Cards.promptCard(prompt.get(), blocks, null, null));
    }

    private static String answerText(JsonNode data) {
        JsonNode answer = data.path(Cards.ANSWER_INPUT);
        return answer.isTextual() ? answer.asText() : "";
    }

    /* The prompt as its card showed it (the card sends it back), or its heading when the data has none that fits. */
    private List<String> promptBlocks(JsonNode data, int prompt) {
        JsonNode array = data.path(Cards.DATA_BLOCKS);
        List<String> blocks = new ArrayList<>();
        if (array.isArray() && array.size() <= MAX_BLOCKS) {
            for (JsonNode block : array) {
                if (!block.isTextual() || block.asText().isBlank() || block.asText().length() > MAX_BLOCK_LENGTH) {
                    blocks.clear();
                    break;
                }
                blocks.add(block.asText());
            }
        }
        if (blocks.isEmpty()) {
            Optional<String> title = bot.promptTitle(prompt);
            blocks.add("Refleksjonsoppgave " + prompt + title.map(t -> ": " + t).orElse(""));
        }
        return blocks;
    }

    private static AdaptiveCardInvokeResponse card(ObjectNode card) {
        AdaptiveCardInvokeResponse response = new AdaptiveCardInvokeResponse();
        response.setStatusCode(200);
        response.setType(Cards.CARD_TYPE);
        response.setValue(card);
        return response;
    }

    private static AdaptiveCardInvokeResponse message(String text) {
        AdaptiveCardInvokeResponse response = new AdaptiveCardInvokeResponse();
        response.setStatusCode(200);
        response.setType("application/vnd.microsoft.activity.message");
        response.setValue(text);
        return response;
    }

    private String recordFeedback(Activity activity, JsonNode data) {
        String action = data.path(Cards.DATA_ACTION).asText("");
        if (!ActionIds.isFeedback(action)) {
            return UNKNOWN_BUTTON;
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
