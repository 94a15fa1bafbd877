package no.folkevalgt.teams;

import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.Serialization;

import no.folkevalgt.core.Citation;
import no.folkevalgt.core.Reply;

/** Renders a platform-neutral {@link Reply} as a Teams message with one Adaptive Card. */
final class Cards {

    static final String CARD_TYPE = "application/vnd.microsoft.card.adaptive";
    /* 1.4: the highest version Teams renders on every client, and the one with Action.Execute. */
    static final String VERSION = "1.4";
    static final int MAX_SEE_ALSO = 2;

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
           The summary is what notifications and the chat list show. */
        String plain = reply.plainText();
        activity.setSummary(plain.length() > 200 ? plain.substring(0, 199) + "…" : plain);
        Attachment attachment = new Attachment();
        attachment.setContentType(CARD_TYPE);
        attachment.setContent(card(reply, question));
        activity.setAttachments(List.of(attachment));
        return activity;
    }

    static ObjectNode card(Reply reply, String question) {
        ObjectNode card = Serialization.createObjectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", VERSION);
        card.put("fallbackText", reply.plainText());
        ArrayNode body = card.putArray("body");
        for (String block : reply.blocks()) {
            body.add(text(block, false));
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
            ObjectNode source = text("Kilde: " + citation.reference(), true);
            source.put("separator", true);
            body.add(source);
        }
        List<Citation> seeAlso = reply.seeAlso().subList(0, Math.min(MAX_SEE_ALSO, reply.seeAlso().size()));
        if (!seeAlso.isEmpty()) {
            StringBuilder list = new StringBuilder("Se også:");
            for (Citation c : seeAlso) {
                list.append("\n- ").append(c.shortReference());
            }
            body.add(text(list.toString(), true));
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

    private static ObjectNode text(String text, boolean subtle) {
        ObjectNode block = Serialization.createObjectNode();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        if (subtle) {
            block.put("isSubtle", true);
            block.put("size", "Small");
        }
        return block;
    }
}
