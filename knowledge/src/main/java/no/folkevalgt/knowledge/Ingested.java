package no.folkevalgt.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.folkevalgt.core.port.Passage;

/**
 * The result of reading a content folder.
 *
 * @param passages    every passage read, in file order then slide order
 * @param problems    files that could not be read, each by name with the reason; they were skipped
 * @param contentHash hash of the material (names and bytes of the supported files and question banks)
 * @param questions   the question bank: for a passage id, the questions written for it (see {@link QuestionBank})
 */
public record Ingested(List<Passage> passages, List<Problem> problems, String contentHash,
                       Map<String, List<String>> questions) {

    public Ingested {
        passages = List.copyOf(passages);
        problems = List.copyOf(problems);
        Objects.requireNonNull(contentHash, "contentHash");
        questions = Map.copyOf(questions);
    }

    /** Material without a question bank. */
    public Ingested(List<Passage> passages, List<Problem> problems, String contentHash) {
        this(passages, problems, contentHash, Map.of());
    }

    /** The bank's questions for a passage; empty when it has none. */
    public List<String> questionsFor(Passage passage) {
        return questions.getOrDefault(passage.id(), List.of());
    }

    /**
     * A file that was skipped.
     *
     * @param file    path relative to the content folder
     * @param message why, in Norwegian, for the organiser
     */
    public record Problem(String file, String message) {

        /** Whether the problem is a line of a question bank ({@code *.sporsmal.txt}) rather than a skipped file. */
        public boolean inQuestionBank() {
            return QuestionBank.isBank(file.substring(file.lastIndexOf('/') + 1));
        }

        /** Whether the problem is a title file's ({@code *.tittel.txt}, see {@link MaterialTitle}) rather than a skipped file. */
        public boolean inTitleFile() {
            return MaterialTitle.isTitleFile(file.substring(file.lastIndexOf('/') + 1));
        }
    }
}
