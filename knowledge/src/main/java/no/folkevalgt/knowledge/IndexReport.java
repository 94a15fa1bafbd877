package no.folkevalgt.knowledge;

import java.util.List;

/**
 * What building (or checking) the index did.
 *
 * @param files    supported files in the content folder
 * @param passages passages in the index
 * @param problems files that were skipped, with the reason
 * @param millis   time taken
 * @param rebuilt  false when the index was already up to date with the material
 */
public record IndexReport(int files, int passages, List<Ingested.Problem> problems, long millis, boolean rebuilt) {

    public IndexReport {
        problems = List.copyOf(problems);
    }
}
