package no.folkevalgt.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects Tika's XHTML for a word-processing document as blocks: paragraphs, list items and
 * headings, each with its heading level (1 to 6, or 0 for ordinary text).
 */
final class DeckBlocksHandler extends DefaultHandler {

    /** One paragraph or heading. */
    record Block(int level, String text) {
    }

    private static final Set<String> BLOCKS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "pre", "blockquote");

    private final int limit;
    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private int level;
    private long written;

    DeckBlocksHandler(int limit) {
        this.limit = limit;
    }

    List<Block> blocks() {
        flush();
        return List.copyOf(blocks);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        String name = SlideHandler.name(localName, qName);
        if (BLOCKS.contains(name)) {
            flush();
            level = name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))
                    ? name.charAt(1) - '0' : 0;
        } else if ("br".equals(name)) {
            current.append('\n');
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (BLOCKS.contains(SlideHandler.name(localName, qName))) {
            flush();
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        written += length;
        if (written > limit) {
            throw new SlideHandler.TooMuchText(limit);
        }
        current.append(ch, start, length);
    }

    private void flush() {
        String text = current.toString().strip();
        if (!text.isEmpty()) {
            blocks.add(new Block(level, text));
        }
        current.setLength(0);
        level = 0;
    }
}
