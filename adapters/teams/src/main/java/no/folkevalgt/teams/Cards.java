package no.folkevalgt.teams;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.TextFormatTypes;

import no.folkevalgt.core.port.ActionIds;
import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.ReflectionAnswer;
import no.folkevalgt.core.port.Reply;

/**
 * Renders a platform-neutral {@link Reply} as a Teams message with one Adaptive Card.
 *
 * <p>Every text in a reply may come from a user or from the material (an echoed question, a
 * reflection answer in a summary, a slide's text or title), so no text goes into a {@code TextBlock},
 * whose {@code text} Teams reads as Markdown: a user could make links, headings and emphasis. Texts
 * go into {@code RichTextBlock}s as {@code TextRun}s, whose text no renderer reads as Markdown, and
 * our own formatting is set with the runs' properties (weight, isSubtle, size) instead.
 *
 * <p>An unsure answer's suggestions are each a {@code Container} (style emphasis) of such blocks: the
 * numbered title in bold, the excerpt a line per block, and the source in small subtle text.
 *
 * <p>A posted reflection prompt (a reply with the {@link ActionIds#REFLECTION_ANSWER} action) gets an
 * answer field and a "Send svar" {@code Action.Execute} in place of a button (issue 17): the member's
 * answer goes to the bot in an invoke, never as a message others see. The invoke is answered with
 * {@link #answeredCard} (for that member only, kept by a {@code refresh} for their user id) or with
 * {@link #promptCard} again, the reason shown above the field and the member's text kept in it.
 *
 * <p>The bot's own sentences are worded for Teams by {@link TeamsWording} before they are rendered.
 */
final class Cards {

    static final String CARD_TYPE = "application/vnd.microsoft.card.adaptive";
    /* 1.4: Action.Execute needs it; RichTextBlock and TextRun need 1.2. Teams renders up to 1.5 on every client. */
    static final String VERSION = "1.4";
    static final int MAX_SEE_ALSO = 2;
    static final String SOURCE_LABEL = "Kilde: ";
    static final String SEE_ALSO_LABEL = "Se også:";

    /** The keys of a feedback button's data, sent back with the click. */
    static final String DATA_ACTION = "action";
    static final String DATA_VALUE = "value";
    static final String DATA_QUESTION = "question";

    /** The answer field's id: Teams sends what the member wrote under this key of the action's data. */
    static final String ANSWER_INPUT = "svar";
    /** The verb of the "Send svar" action. */
    static final String ANSWER_VERB = ActionIds.REFLECTION_ANSWER;
    /** The verb of the refresh that keeps a member's "your answer is stored" view. */
    static final String REFRESH_VERB = "reflection.refresh";
    /** The keys of the answer action's and the refresh's data. */
    static final String DATA_PROMPT = "prompt";
    static final String DATA_ANSWERED = "answered";
    /** The prompt's text blocks as the card shows them, so a card the bot answers with can show the prompt again. */
    static final String DATA_BLOCKS = "blocks";
    static final int MAX_ANSWER_LENGTH = ReflectionAnswer.MAX_LENGTH;
    static final String SEND = "Send svar";
    static final String ANSWER_LABEL = "Ditt svar";
    static final String ANSWER_PLACEHOLDER = "Skriv svaret ditt her";
    static final String ANSWER_MISSING = "Skriv svaret ditt i feltet først.";

    private Cards() {
    }

    /** A message activity carrying the reply as an Adaptive Card; the question goes into the buttons' data. */
    static Activity message(Reply reply, String question) {
        Activity activity = Activity.createMessageActivity();
        /* No text beside the card: Teams would show it above the card, the whole answer twice.
           The summary is what notifications and the chat list show (plain text there). */
        String plain = worded(reply).plainText();
        activity.setSummary(plain.length() > 200 ? plain.substring(0, 199) + "…" : plain);
        Attachment attachment = new Attachment();
        attachment.setContentType(CARD_TYPE);
        attachment.setContent(card(reply, question));
        activity.setAttachments(List.of(attachment));
        return activity;
    }

    /**
     * A message of our own text alone, without a card (acknowledgements, the error apology), marked as
     * plain text: the Bot Framework's default text format is Markdown.
     */
    static Activity plainText(String text) {
        Activity activity = MessageFactory.text(text);
        activity.setTextFormat(TextFormatTypes.PLAIN);
        return activity;
    }

    /**
     * The reply as Teams shows it: the bot's sentences worded for Teams; a prompt with an answer field
     * says to answer in the field.
     */
    static Reply worded(Reply reply) {
        Reply worded = TeamsWording.reply(reply);
        if (answerAction(reply).isPresent()) {
            worded = new Reply(TeamsWording.promptBlocks(reply.blocks()), worded.suggestions(), worded.closing(),
                    worded.citations(), worded.seeAlso(), worded.actions(), worded.image(), worded.ephemeral());
        }
        return worded;
    }

    /** The prompt number of a reply's "Svar" action, when it has one that names a prompt. */
    static Optional<Integer> answerAction(Reply reply) {
        return reply.actions().stream().filter(a -> a.id().equals(ActionIds.REFLECTION_ANSWER))
                .map(a -> promptNumber(a.value())).flatMap(Optional::stream).findFirst();
    }

    /** A prompt number as a form carries it: 1 to 999999999, digits only. */
    static Optional<Integer> promptNumber(String value) {
        if (value == null || !value.matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        int number = Integer.parseInt(value);
        return number >= 1 ? Optional.of(number) : Optional.empty();
    }

    static ObjectNode card(Reply reply, String question) {
        Optional<Integer> prompt = answerAction(reply);
        reply = worded(reply);
        ObjectNode card = base(reply.plainText());
        ArrayNode body = (ArrayNode) card.get("body");
        for (String block : reply.blocks()) {
            body.add(paragraph(run(block)));
        }
        for (int i = 0; i < reply.suggestions().size(); i++) {
            body.add(suggestion(i + 1, reply.suggestions().get(i)));
        }
        for (String block : reply.closing()) {
            body.add(paragraph(run(block)));
        }
        if (reply.image() != null) {
            ObjectNode image = body.addObject();
            image.put("type", "Image");
            /* Teams renders data URIs in cards, so the image needs no public URL. */
            image.put("url", "data:" + reply.image().mediaType() + ";base64,"
                    + Base64.getEncoder().encodeToString(reply.image().bytes()));
            image.put("altText", reply.image().altText());
            image.put("size", "Stretch");
        }
        for (Citation citation : reply.citations()) {
            ObjectNode source = paragraph(small(run(SOURCE_LABEL)).put("weight", "Bolder"),
                    small(run(citation.reference())));
            source.put("separator", true);
            body.add(source);
        }
        List<Citation> seeAlso = reply.seeAlso().subList(0, Math.min(MAX_SEE_ALSO, reply.seeAlso().size()));
        if (!seeAlso.isEmpty()) {
            body.add(paragraph(small(run(SEE_ALSO_LABEL)).put("weight", "Bolder")));
            /* One paragraph per slide: the list's shape does not depend on how a client shows a line break in a run. */
            for (Citation c : seeAlso) {
                body.add(paragraph(small(run("• " + c.shortReference()))).put("spacing", "None"));
            }
        }
        if (prompt.isPresent()) {
            body.add(answerField(null));
        }
        if (!reply.actions().isEmpty()) {
            ArrayNode actions = card.putArray("actions");
            boolean send = prompt.isPresent();
            for (Reply.Action action : reply.actions()) {
                if (action.id().equals(ActionIds.REFLECTION_ANSWER)) {
                    /* The field's own button, once; a "Svar" naming no prompt has nothing to answer. */
                    if (send) {
                        actions.add(sendAction(prompt.get(), reply.blocks()));
                        send = false;
                    }
                    continue;
                }
                ObjectNode button = actions.addObject();
                button.put("type", "Action.Execute");
                button.put("title", action.label());
                button.put("verb", action.id());
                ObjectNode data = button.putObject("data");
                data.put(DATA_ACTION, action.id());
                data.put(DATA_VALUE, action.value());
                data.put(DATA_QUESTION, question);
            }
            if (actions.isEmpty()) {
                card.remove("actions");
            }
        }
        return card;
    }

    /**
     * A prompt's card with the answer field, as the bot answers a "Send svar" that stored nothing:
     * the reason (style attention) above the field, and the member's text in it so nothing is lost.
     *
     * @param blocks  the prompt's blocks as its card showed them (already worded)
     * @param problem why nothing was stored (worded), or null for the card as posted
     * @param value   what the member wrote, or null
     */
    static ObjectNode promptCard(int prompt, List<String> blocks, Reply problem, String value) {
        List<String> text = new ArrayList<>(blocks);
        if (problem != null) {
            text.addAll(TeamsWording.reply(problem).blocks());
        }
        ObjectNode card = base(String.join("\n\n", text));
        ArrayNode body = (ArrayNode) card.get("body");
        for (String block : blocks) {
            body.add(paragraph(run(block)));
        }
        if (problem != null) {
            body.add(notice("attention", TeamsWording.reply(problem)));
        }
        body.add(answerField(value));
        card.putArray("actions").add(sendAction(prompt, blocks));
        return card;
    }

    /**
     * The card one member sees once their answer is stored: the prompt, the confirmation (which never
     * quotes the answer), no field; its {@code refresh} names only this member, so Teams asks the bot
     * for this view again when they open the conversation, while everyone else keeps the card with the field.
     *
     * @param blocks the prompt's blocks as its card showed them (already worded)
     * @param userId the member's id as Teams gives it in {@code from.id}
     */
    static ObjectNode answeredCard(int prompt, List<String> blocks, Reply confirmation, String userId) {
        List<String> shown = blocks.stream().filter(b -> !TeamsWording.isPromptHowTo(b)).toList();
        Reply worded = TeamsWording.reply(confirmation);
        List<String> text = new ArrayList<>(shown);
        text.addAll(worded.blocks());
        ObjectNode card = base(String.join("\n\n", text));
        ObjectNode refresh = card.putObject("refresh");
        ObjectNode action = refresh.putObject("action");
        action.put("type", "Action.Execute");
        action.put("title", "Oppdater");
        action.put("verb", REFRESH_VERB);
        ObjectNode data = action.putObject("data");
        data.put(DATA_ACTION, REFRESH_VERB);
        data.put(DATA_PROMPT, Integer.toString(prompt));
        data.put(DATA_ANSWERED, true);
        putBlocks(data, blocks);
        refresh.putArray("userIds").add(userId);
        ArrayNode body = (ArrayNode) card.get("body");
        for (String block : shown) {
            body.add(paragraph(run(block)));
        }
        body.add(notice("good", worded));
        return card;
    }

    private static ObjectNode base(String fallback) {
        ObjectNode card = Serialization.createObjectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", VERSION);
        /* Shown as plain text by the clients that fall back to it (Teams' notifications among them):
           backslash escapes would show as typed ("Hei\\!"), so the text goes as it is (issue 17). */
        card.put("fallbackText", fallback);
        card.putArray("body");
        return card;
    }

    /* The reply's blocks in a container of this style, set off from the prompt above. */
    private static ObjectNode notice(String style, Reply reply) {
        ObjectNode container = Serialization.createObjectNode();
        container.put("type", "Container");
        container.put("style", style);
        container.put("spacing", "Medium");
        ArrayNode items = container.putArray("items");
        for (String block : reply.blocks()) {
            items.add(paragraph(run(block)));
        }
        return container;
    }

    /* The answer field; Input.Text's value is plain text, never read as Markdown. */
    private static ObjectNode answerField(String value) {
        ObjectNode input = Serialization.createObjectNode();
        input.put("type", "Input.Text");
        input.put("id", ANSWER_INPUT);
        input.put("label", ANSWER_LABEL);
        input.put("placeholder", ANSWER_PLACEHOLDER);
        input.put("isMultiline", true);
        input.put("maxLength", MAX_ANSWER_LENGTH);
        input.put("isRequired", true);
        input.put("errorMessage", ANSWER_MISSING);
        if (value != null && !value.isEmpty()) {
            input.put("value", value);
        }
        return input;
    }

    private static ObjectNode sendAction(int prompt, List<String> blocks) {
        ObjectNode button = Serialization.createObjectNode();
        button.put("type", "Action.Execute");
        button.put("title", SEND);
        button.put("verb", ANSWER_VERB);
        ObjectNode data = button.putObject("data");
        data.put(DATA_ACTION, ANSWER_VERB);
        data.put(DATA_PROMPT, Integer.toString(prompt));
        putBlocks(data, blocks);
        return button;
    }

    private static void putBlocks(ObjectNode data, List<String> blocks) {
        ArrayNode array = data.putArray(DATA_BLOCKS);
        blocks.forEach(array::add);
    }

    /* One suggested slide: a container set off from the text around it, so each reads as one item. */
    private static ObjectNode suggestion(int number, Reply.Suggestion suggestion) {
        ObjectNode container = Serialization.createObjectNode();
        container.put("type", "Container");
        container.put("style", "emphasis");
        container.put("spacing", "Medium");
        ArrayNode items = container.putArray("items");
        items.add(paragraph(run(number + ". " + suggestion.title()).put("weight", "Bolder")));
        suggestion.excerpt().lines().filter(line -> !line.isBlank())
                .forEach(line -> items.add(paragraph(run(line)).put("spacing", "None")));
        items.add(paragraph(small(run(SOURCE_LABEL)).put("weight", "Bolder"),
                small(run(suggestion.citation().reference()))).put("spacing", "Small"));
        return container;
    }

    /** A RichTextBlock of these runs; it always wraps (it has no {@code wrap}). */
    private static ObjectNode paragraph(ObjectNode... runs) {
        ObjectNode block = Serialization.createObjectNode();
        block.put("type", "RichTextBlock");
        ArrayNode inlines = block.putArray("inlines");
        for (ObjectNode run : runs) {
            inlines.add(run);
        }
        return block;
    }

    /** A TextRun: its text is shown as it is, never read as Markdown. */
    private static ObjectNode run(String text) {
        ObjectNode run = Serialization.createObjectNode();
        run.put("type", "TextRun");
        run.put("text", text);
        return run;
    }

    private static ObjectNode small(ObjectNode run) {
        run.put("isSubtle", true);
        run.put("size", "Small");
        return run;
    }
}
