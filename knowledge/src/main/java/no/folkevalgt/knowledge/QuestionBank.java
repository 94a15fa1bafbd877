package no.folkevalgt.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.core.text.Questions;

/**
 * A question bank: the questions people would ask that each slide answers, written by the organiser
 * beside the material, so that a question in everyday words finds the slide with the formal ones.
 *
 * <p>The bank for {@code deck.pdf} (or .pptx, .txt, ...) is {@code deck.sporsmal.txt} in the same
 * folder, in UTF-8:
 *
 * <pre>
 * # a comment
 * [25] Ordfører for alle
 * Hva gjør egentlig ordføreren?
 * Kva oppgåver har ordføraren?
 * ordførerens rolle
 * </pre>
 *
 * A line {@code [N] title} starts slide N (the number the bot cites as "lysbilde N"; the title is
 * optional and only checked); every following line is one question. A section
 * {@code [ikke i materialet] reply} (in a file of what facilitators taught, see {@code LessonBank} in
 * bot-core) holds questions the material does not answer: the index skips them. Mistakes are reported by file
 * and line in the index report and skip only the line they are on.
 */
final class QuestionBank {

    /** The end of a question bank's file name. */
    static final String SUFFIX = ".sporsmal.txt";
    /** Longest question kept, in characters. */
    static final int MAX_QUESTION = 300;
    /** Most questions kept for one slide. */
    static final int MAX_PER_SLIDE = 40;

    private static final Pattern HEADER = Pattern.compile("\\[\\s*(\\d{1,5})\\s*]\\s*(.*)");
    /* Questions facilitators marked as not in the material (an exported lesson file): not a slide's questions. */
    private static final Pattern NOT_IN_MATERIAL = Pattern.compile("\\[\\s*ikke i materialet\\s*].*", Pattern.CASE_INSENSITIVE);

    private QuestionBank() {
    }

    /** Whether a file name is a question bank's. */
    static boolean isBank(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(SUFFIX) && fileName.length() > SUFFIX.length();
    }

    /**
     * Reads the banks and attaches their questions to the passages they name.
     *
     * @param banks    bank files relative to the folder
     * @param problems where mistakes are reported (Norwegian, by file and line)
     * @return questions by passage id
     */
    static Map<String, List<String>> read(Path folder, List<String> banks, List<Passage> passages,
                                          List<Ingested.Problem> problems) {
        Map<String, List<String>> questions = new HashMap<>();
        for (String bank : banks) {
            String text;
            try {
                text = ContentReader.text(folder.resolve(bank));
            } catch (ContentFailure e) {
                problems.add(new Ingested.Problem(bank, e.getMessage()));
                continue;
            }
            String base = bank.substring(0, bank.length() - SUFFIX.length());
            List<Passage> deck = passages.stream().filter(p -> ContentFiles.baseName(p.source()).equals(base)).toList();
            if (deck.isEmpty()) {
                problems.add(new Ingested.Problem(bank, "Spørsmålsbanken hører ikke til noen lysbildefil: fant ingen fil "
                        + "som heter " + base + " med en av endelsene .txt, .md, .pdf, .pptx eller .docx"));
                continue;
            }
            parse(bank, text, deck, problems).forEach((id, qs) -> questions.merge(id, qs, QuestionBank::concat));
        }
        return questions;
    }

    /** The questions of one bank by passage id, for the passages of its deck. */
    static Map<String, List<String>> parse(String bank, String text, List<Passage> deck, List<Ingested.Problem> problems) {
        Map<Integer, Passage> bySlide = new HashMap<>();
        deck.forEach(p -> bySlide.putIfAbsent(p.slide(), p));
        Map<String, Set<String>> found = new LinkedHashMap<>();
        Passage current = null;
        boolean skipping = false;
        int number = 0;
        for (String raw : text.split("\\R", -1)) {
            number++;
            String line = Questions.clean(raw);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "linje " + number + ": ";
            if (NOT_IN_MATERIAL.matcher(line).matches()) {
                current = null;
                skipping = true;
                continue;
            }
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                int slide = Integer.parseInt(header.group(1));
                current = bySlide.get(slide);
                skipping = current == null;
                if (skipping) {
                    problems.add(new Ingested.Problem(bank, where + "lysbilde " + slide + " finnes ikke eller er tomt i "
                            + deck.get(0).source() + "; spørsmålene under det er hoppet over"));
                } else if (!header.group(2).isBlank() && !sameTitle(header.group(2), current.title())) {
                    problems.add(new Ingested.Problem(bank, where + "lysbilde " + slide + " heter «" + current.title()
                            + "», ikke «" + header.group(2).strip() + "»; sjekk nummeret (spørsmålene er tatt med)"));
                }
                continue;
            }
            if (current == null) {
                if (!skipping) {
                    problems.add(new Ingested.Problem(bank, where + "spørsmål før første [lysbildenummer]; linjen er hoppet over"));
                }
                continue;
            }
            if (line.length() > MAX_QUESTION || !Questions.hasWords(line)) {
                problems.add(new Ingested.Problem(bank, where + (line.length() > MAX_QUESTION
                        ? "spørsmålet er lengre enn " + MAX_QUESTION + " tegn" : "linjen har ingen ord") + "; hoppet over"));
                continue;
            }
            Set<String> qs = found.computeIfAbsent(current.id(), k -> new LinkedHashSet<>());
            if (qs.size() < MAX_PER_SLIDE) {
                qs.add(line);
            } else if (qs.size() == MAX_PER_SLIDE) {
                problems.add(new Ingested.Problem(bank, where + "mer enn " + MAX_PER_SLIDE + " spørsmål til lysbilde "
                        + current.slide() + "; resten er hoppet over"));
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        found.forEach((id, qs) -> out.put(id, List.copyOf(qs)));
        return out;
    }

    /* A title written by hand may be shortened or differ in case, spacing and punctuation. */
    private static boolean sameTitle(String written, String actual) {
        String w = letters(written);
        String a = letters(actual);
        return !w.isEmpty() && (a.startsWith(w) || w.startsWith(a));
    }

    private static String letters(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
