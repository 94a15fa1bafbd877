package no.folkevalgt.knowledge;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The title a piece of material is cited by, so that users read "«Interpellasjon», lysbilde 17 (KS
 * Folkevalgtprogram, Rakkestad 2019)" rather than a file name. The title is shown only: it is stored
 * with each passage but never searched.
 *
 * <p>For a document, the first of these that gives one wins:
 * <ol>
 *   <li>the organiser's title file beside it, {@code deck.tittel.txt} for {@code deck.pdf} (or .pptx,
 *       .txt, ...): one line of at most {@value #MAX_LENGTH} characters, in UTF-8. A bad one (empty,
 *       several lines, too long, control characters) is reported and the next source is used;</li>
 *   <li>the title in the document's own metadata (dc:title, as Apache Tika reads it from a PDF, pptx or
 *       docx), unless it says nothing ("PowerPoint-presentasjon", "Slide 1", the file name ...);</li>
 *   <li>the file's name without its extension, hyphens and underscores made spaces.</li>
 * </ol>
 * The text of the first slide is never used: a deck whose first slide is «Interpellasjon» would be
 * cited as if it were about that alone.
 */
final class MaterialTitle {

    /** The end of a title file's name. */
    static final String SUFFIX = ".tittel.txt";
    /** Longest title, in characters. */
    static final int MAX_LENGTH = 100;

    /* Titles that programs put in by themselves and say nothing of the material (compared lowercased). */
    private static final Set<String> USELESS = Set.of(
            "powerpoint presentation", "powerpoint-presentasjon", "powerpoint-presentation", "powerpoint",
            "microsoft powerpoint", "microsoft word", "word", "presentation", "presentasjon", "document",
            "dokument", "slide", "lysbilde", "title", "tittel", "untitled", "uten tittel", "no title", "ingen tittel",
            "click to add title", "klikk for å legge til tittel", "title of the presentation", "presentasjonstittel");
    /* "Presentation1", "Dokument2", "Slide 1", "Lysbilde 1": a program's numbered default. */
    private static final Pattern NUMBERED_DEFAULT = Pattern.compile(
            "(presentation|presentasjon|document|dokument|lysbilde|slide|untitled|uten tittel)\\s*\\d*");
    /* What printing to PDF from Office writes: "Microsoft Word - referat.docx". */
    private static final Pattern PRINTED = Pattern.compile("microsoft (word|powerpoint|excel)\\s*-.*");
    /* A title that is itself a file name. */
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(pdf|pptx?|docx?|odp|odt|txt|md|key)");
    /* Characters a title may not hold: control characters and the invisible ones that turn text around. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    /**
     * An organiser's title file.
     *
     * @param file    the title file, relative to the content folder
     * @param title   its title, or null when it is bad
     * @param problem why it is bad (Norwegian, for the organiser), or null
     */
    record TitleFile(String file, String title, String problem) {
    }

    private MaterialTitle() {
    }

    /** Whether a file name is a title file's. */
    static boolean isTitleFile(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(SUFFIX) && fileName.length() > SUFFIX.length();
    }

    /**
     * Reads the title files beside the material.
     *
     * @param titleFiles title files relative to the folder
     * @param files      the material's files relative to the folder
     * @param problems   where a title file that belongs to no file is reported
     * @return the title files by the name of the material they are for (its path without extension)
     */
    static Map<String, TitleFile> read(Path folder, List<String> titleFiles, List<String> files,
                                      List<Ingested.Problem> problems) {
        Set<String> bases = new HashSet<>();
        files.forEach(f -> bases.add(ContentFiles.baseName(f)));
        Map<String, TitleFile> out = new HashMap<>();
        for (String rel : titleFiles) {
            String base = rel.substring(0, rel.length() - SUFFIX.length());
            if (!bases.contains(base)) {
                problems.add(new Ingested.Problem(rel, "Tittelfilen hører ikke til noen fil i materialet: fant ingen fil som heter "
                        + base + " med en av endelsene .txt, .md, .pdf, .pptx eller .docx"));
                continue;
            }
            String text;
            try {
                text = ContentReader.text(folder.resolve(rel));
            } catch (ContentFailure e) {
                out.put(base, new TitleFile(rel, null, e.getMessage()));
                continue;
            }
            out.put(base, parse(rel, text));
        }
        return out;
    }

    /** A title file's title, or why it cannot be used. */
    static TitleFile parse(String rel, String text) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return new TitleFile(rel, null, "Tittelfilen er tom");
        }
        if (stripped.lines().count() > 1) {
            return new TitleFile(rel, null, "Tittelfilen har mer enn én linje; tittelen skal stå på én linje");
        }
        if (CONTROL.matcher(stripped).find()) {
            return new TitleFile(rel, null, "Tittelen inneholder kontrolltegn eller usynlige tegn");
        }
        String title = stripped.replaceAll("\\s+", " ");
        if (title.codePointCount(0, title.length()) > MAX_LENGTH) {
            return new TitleFile(rel, null, "Tittelen er lengre enn " + MAX_LENGTH + " tegn");
        }
        return new TitleFile(rel, title, null);
    }

    /**
     * The title the document's own metadata gives, when it says something: not blank, not a
     * program's default ("PowerPoint-presentasjon", "Slide 1"), not the file's name, at most
     * {@value #MAX_LENGTH} characters. Empty when it says nothing.
     */
    static String fromMetadata(String title, String rel) {
        if (title == null) {
            return "";
        }
        String t = CONTROL.matcher(title).replaceAll(" ").replaceAll("[\\s\\u00A0]+", " ").strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.codePointCount(0, t.length()) > MAX_LENGTH || USELESS.contains(lower)
                || NUMBERED_DEFAULT.matcher(lower).matches() || PRINTED.matcher(lower).matches()
                || FILE_NAME.matcher(lower).matches() || letters(t).isEmpty()) {
            return "";
        }
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        String key = letters(t);
        if (key.equals(letters(name)) || key.equals(letters(stem(name)))) {
            return "";
        }
        return t;
    }

    /** The file's name made readable, for material that has no better title: "ks-program_2019.pdf" is "ks program 2019". */
    static String fromFileName(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        String readable = stem(name).replaceAll("[-_\\s]+", " ").strip();
        return readable.isEmpty() ? name : readable;
    }

    /** The title a document is cited by: its title file's, else its metadata's, else its file name's. */
    static String choose(String rel, TitleFile titleFile, String metadataTitle) {
        if (titleFile != null && titleFile.title() != null) {
            return titleFile.title();
        }
        String fromMetadata = fromMetadata(metadataTitle, rel);
        return fromMetadata.isEmpty() ? fromFileName(rel) : fromMetadata;
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String letters(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
