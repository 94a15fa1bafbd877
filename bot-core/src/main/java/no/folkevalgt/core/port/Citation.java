package no.folkevalgt.core.port;

import java.util.Objects;

/**
 * Where an answer came from: one slide of the programme material.
 *
 * <p>A slide whose title says little on its own ("Case", "Pause", a diagram's label such as
 * "INFORMERE") is cited with its section first: {@code «Samspillet med administrasjonen» › «Case», lysbilde 31 (Folkevalgtprogrammet)}.
 *
 * <p>Users see the material by its title ({@link #material}); the file ({@link #source}) is for what
 * the bot keeps for itself and its organisers (feedback, the gap list, passage ids, exports, logs).
 *
 * @param title    the slide's title
 * @param slide    the slide number, from 1
 * @param source   the file the slide is in, relative to the content folder
 * @param section  the part of the programme (or the nearest earlier slide title that says something)
 *                 named before the title, or "" when the title says enough by itself
 * @param material the title of the material the slide is in ("KS Folkevalgtprogram, Rakkestad 2019"),
 *                 or "" when unknown: the file is named instead
 */
public record Citation(String title, int slide, String source, String section, String material) {

    /** Separates the section from the slide's title. */
    public static final String SECTION_MARK = " › ";

    public Citation {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        section = section == null ? "" : section.strip();
        material = material == null ? "" : material.strip();
        if (title.isBlank()) {
            throw new IllegalArgumentException("title is blank for slide " + slide + " in " + source);
        }
        if (slide < 1) {
            throw new IllegalArgumentException("slide must be 1 or more but was " + slide + " in " + source);
        }
        if (source.isBlank()) {
            throw new IllegalArgumentException("source is blank for slide " + slide);
        }
    }

    /** A citation without a section, in material whose title is not known. */
    public Citation(String title, int slide, String source) {
        this(title, slide, source, "");
    }

    /** A citation in material whose title is not known: the file is named instead. */
    public Citation(String title, int slide, String source, String section) {
        this(title, slide, source, section, "");
    }

    /** The citation of a passage, with its section when its title says little on its own. */
    public static Citation of(Passage passage) {
        return new Citation(passage.title(), passage.slide(), passage.source(), passage.section(), passage.material());
    }

    /** The material as users see it named: its title, or the file when the title is not known. */
    public String materialName() {
        return material.isEmpty() ? source : material;
    }

    /**
     * The slide as users see it named: {@code «Title»}, or {@code «Section» › «Title»} when the title
     * says little on its own.
     */
    public String name() {
        return (section.isEmpty() ? "" : "«" + section + "»" + SECTION_MARK) + "«" + title + "»";
    }

    /** The slide without the file, for front ends that leave the file out: {@code «Title», lysbilde 12}. */
    public String slideReference() {
        return name() + ", lysbilde " + slide;
    }

    /**
     * The full reference users see after an answer: {@code «Title», lysbilde 12 (Material)}, or
     * {@code «Title», lysbilde 12 (deck.txt)} when the material's title is not known.
     */
    public String reference() {
        return slideReference() + " (" + materialName() + ")";
    }

    /** The short reference used in "Se også": {@code «Title» (lysbilde 12)}. */
    public String shortReference() {
        return name() + " (lysbilde " + slide + ")";
    }
}
