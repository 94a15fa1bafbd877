package no.folkevalgt.app;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.Reply;

/**
 * Renders a {@link Reply} as plain text for the terminal: the text blocks, the suggestions numbered
 * (title, excerpt and source indented under it), the closing blocks, then the source and "Se også"
 * lines. Buttons are left out, since a terminal cannot press them.
 */
final class PlainTextRenderer {

    private PlainTextRenderer() {
    }

    static String render(Reply reply) {
        List<String> parts = new ArrayList<>(reply.blocks());
        for (int i = 0; i < reply.suggestions().size(); i++) {
            parts.add(reply.suggestions().get(i).text(i + 1));
        }
        parts.addAll(reply.closing());
        List<String> sources = new ArrayList<>();
        for (Citation citation : reply.citations()) {
            sources.add("Kilde: " + citation.reference());
        }
        if (!reply.seeAlso().isEmpty()) {
            sources.add("Se også: " + reply.seeAlso().stream().map(Citation::shortReference)
                    .collect(Collectors.joining(", ")));
        }
        if (!sources.isEmpty()) {
            parts.add(String.join("\n", sources));
        }
        if (reply.image() != null) {
            parts.add("[Bilde: " + reply.image().altText() + "]");
        }
        return String.join("\n\n", parts);
    }
}
