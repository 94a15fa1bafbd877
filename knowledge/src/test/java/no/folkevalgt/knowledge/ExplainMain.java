package no.folkevalgt.knowledge;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.Passage;

/**
 * Developer tool, not a test: prints how questions are searched. Arguments are questions; with none,
 * reads questions from standard input and prints one summary line each.
 */
final class ExplainMain {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--analyze")) {
            var surfaces = new java.util.HashSet<String>();
            for (Passage p : ContentReader.of(TestPaths.bundledContent()).read(IngestProgress.NONE).passages()) {
                surfaces.addAll(NorwegianAnalysis.terms(NorwegianAnalysis.exact(), "exact", p.title() + "\n" + p.text()));
            }
            var analyzer = NorwegianAnalysis.stemming(LuceneKnowledgeBase.dictionary(surfaces));
            for (int i = 1; i < args.length; i++) {
                System.out.println(args[i] + " -> " + NorwegianAnalysis.tokens(analyzer, "body", args[i]));
            }
            return;
        }
        Path index = Files.createTempDirectory("explain");
        try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(TestPaths.bundledContent(), index)) {
            if (args.length > 0 && args[0].equals("--dump")) {
                var reader = org.apache.lucene.index.DirectoryReader.open(org.apache.lucene.store.FSDirectory.open(
                        index.resolve(Files.readString(index.resolve("CURRENT")).strip())));
                System.out.println("docs=" + reader.numDocs());
                var searcher = new org.apache.lucene.search.IndexSearcher(reader);
                for (var sd : searcher.search(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("body", args[2])), 10).scoreDocs) {
                    System.out.println("hit " + sd.doc + " " + searcher.storedFields().document(sd.doc).get("id"));
                }
                var postings = org.apache.lucene.index.MultiTerms.getTerms(reader, "body").iterator();
                System.out.println("seek " + postings.seekExact(new org.apache.lucene.util.BytesRef(args[2])) + " df=" + reader.docFreq(new org.apache.lucene.index.Term("body", args[2])));
                for (int d = 0; d < reader.maxDoc(); d++) {
                    var doc = reader.storedFields().document(d);
                    if (doc.get("id").endsWith("#" + args[1])) {
                        System.out.println(doc);
                    }
                }
                return;
            }
            if (args.length == 0) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String q = in.readLine(); q != null; q = in.readLine()) {
                    Answer a = kb.ask(q, 3);
                    System.out.printf("%-60s %s%n", q, a.answered()
                            ? a.hits().stream().map(h -> "#" + h.passage().slide() + " " + h.passage().title())
                                    .limit(2).toList() + (a.interpretedAs() == null ? "" : " [" + a.interpretedAs() + "]")
                            : "DECLINED");
                }
                return;
            }
            for (String q : args) {
                System.out.println("Q: " + q);
                System.out.println(kb.explain(q));
            }
        }
    }
}
