package no.folkevalgt.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * The result of reading a content folder.
 *
 * @param passages    every passage read, in file order then slide order
 * @param problems    files that could not be read, each by name with the reason; they were skipped
 * @param contentHash hash of the material (names and bytes of the supported files)
 */
public record Ingested(List<Passage> passages, List<Problem> problems, String contentHash) {

    public Ingested {
        passages = List.copyOf(passages);
        problems = List.copyOf(problems);
        Objects.requireNonNull(contentHash, "contentHash");
    }

    /**
     * A file that was skipped.
     *
     * @param file    path relative to the content folder
     * @param message why, in Norwegian, for the organiser
     */
    public record Problem(String file, String message) {
    }
}
