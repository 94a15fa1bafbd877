package no.folkevalgt.core.port;

import java.util.Objects;

import no.folkevalgt.core.text.SlideLines;

/**
 * One searchable unit of the programme material: a slide, a page or a section.
 *
 * <pre>{@code
 * new Passage("ks-folkevalgtprogram.txt", 12, "Ordfører for alle", "• Rollemodell ...", "Hva innebærer det å være folkevalgt?", 1);
 * }</pre>
 *
 * @param source the file the passage came from, relative to the content folder
 * @param slide  the slide or page number in that file, from 1
 * @param title  the slide's title (its first line), never blank
 * @param text   the slide's text without the title; may be empty for a title-only slide
 * @param part   the part of the programme the slide belongs to, or "" when unknown
 * @param day    the programme day (1, 2, ...), or 0 when unknown
 * @param section where the slide sits, for a citation whose title says little on its own ("Case",
 *                "Pause", a diagram's ALL-CAPS label): the part, or failing that the nearest earlier
 *                title that says something; "" when the title says enough by itself
 * @param material the title of the material the passage is in, as users see it cited ("KS
 *                 Folkevalgtprogram, Rakkestad 2019"); "" when unknown (the file is cited instead).
 *                 Shown only, never searched
 */
public record Passage(String source, int slide, String title, String text, String part, int day, String section,
                      String material) {

    /** A passage whose title says enough by itself (no section in its citation). */
    public Passage(String source, int slide, String title, String text, String part, int day) {
        this(source, slide, title, text, part, day, "");
    }

    /** A passage whose material's title is not known: it is cited by its file. */
    public Passage(String source, int slide, String title, String text, String part, int day, String section) {
        this(source, slide, title, text, part, day, section, "");
    }

    public Passage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        text = text == null ? "" : text;
        part = part == null ? "" : part;
        section = section == null ? "" : section;
        material = material == null ? "" : material.strip();
        if (source.isBlank()) {
            throw new IllegalArgumentException("source is blank");
        }
        if (slide < 1) {
            throw new IllegalArgumentException("slide must be 1 or more but was " + slide + " in " + source);
        }
        if (title.isBlank()) {
            throw new IllegalArgumentException("title is blank for slide " + slide + " in " + source);
        }
        if (day < 0) {
            throw new IllegalArgumentException("day must be 0 (unknown) or more but was " + day);
        }
    }

    /** True when the slide says something beyond its title: text other than photo credits. */
    public boolean hasContent() {
        return text.lines().map(String::strip).anyMatch(l -> !l.isEmpty() && !SlideLines.isPhotoCredit(l));
    }

    /**
     * True when the slide can answer a question: it says something beyond its title, or its title is a
     * statement of its own ("Stor frihet til politisk organisering", "Spill hverandre gode"). A slide that is only the
     * name of its part (a section divider: "Utvalgsjobbing") or a label that says little ("Pause")
     * cannot: it would repeat its title back.
     */
    public boolean canAnswer() {
        if (hasContent()) {
            return true;
        }
        boolean divider = !part.isBlank() && SlideLines.key(title).equals(SlideLines.key(part));
        return !divider && section.isBlank();
    }

    /** The same passage in the material with this title ("" when unknown). */
    public Passage withMaterial(String title) {
        return new Passage(source, slide, this.title, text, part, day, section, title);
    }

    /** A stable id, unique within one content folder: {@code source#slide}. */
    public String id() {
        return source + "#" + slide;
    }
}
