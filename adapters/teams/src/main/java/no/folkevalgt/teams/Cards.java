package no.folkevalgt.teams;

import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.TextFormatTypes;

import no.folkevalgt.core.port.Citation;
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

    private Cards() {
    }

    /** A message activity carrying the reply as an Adaptive Card; the question goes into the buttons' data. */
    static Activity message(Reply reply, String question) {
        Activity activity = Activity.createMessageActivity();
        /* No text beside the card: Teams would show it above the card, the whole answer twice.
           The summary is what notifications and the chat list show (plain text there). */
        String plain = reply.plainText();
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

    static ObjectNode card(Reply reply, String question) {
        ObjectNode card = Serialization.createObjectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", VERSION);
        /* Shown as plain text by the clients that fall back to it (Teams' notifications among them):
           backslash escapes would show as typed ("Hei\\!"), so the text goes as it is (issue 17). */
        card.put("fallbackText", reply.plainText());
        ArrayNode body = card.putArray("body");
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
        if (!reply.actions().isEmpty()) {
            ArrayNode actions = card.putArray("actions");
            for (Reply.Action action : reply.actions()) {
                ObjectNode button = actions.addObject();
                button.put("type", "Action.Execute");
                button.put("title", action.label());
                button.put("verb", action.id());
                ObjectNode data = button.putObject("data");
                data.put(DATA_ACTION, action.id());
                data.put(DATA_VALUE, action.value());
                data.put(DATA_QUESTION, question);
            }
        }
        return card;
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
