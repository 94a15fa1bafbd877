package no.folkevalgt.knowledge;

/**
 * A raw section of a document before the line rules: a Markdown or docx section started by a heading,
 * or the text before the first heading.
 *
 * @param heading the heading's text, or null when the section has none
 * @param raw     the section's text without the heading, lines separated by "\n"
 */
record DeckSection(String heading, String raw) {

    DeckSection {
        raw = raw == null ? "" : raw;
    }

    boolean isBlank() {
        return (heading == null || heading.isBlank()) && raw.isBlank();
    }
}
