package no.folkevalgt.knowledge;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import no.folkevalgt.core.port.Hit;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.core.text.Questions;

/**
 * Developer tool, not a test: for each question on standard input, prints one JSON line with the
 * ranked candidates and the measures {@link Scoring} decides from, so the ranking and the thresholds
 * can be calibrated offline (scripts/search/calibrate.py).
 */
final class TuneDump {
    public static void main(String[] args) throws Exception {
        Path index = Files.createTempDirectory("tune");
        Path content = args.length > 0 ? Path.of(args[0]) : TestPaths.bundledContent();
        try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(content, index)) {
            LuceneKnowledgeBase.Generation g = kb.generationForTools();
            PassageSearcher searcher = g.searcher;
            var stored = g.reader.storedFields();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder();
            for (String q = in.readLine(); q != null; q = in.readLine()) {
                PassageSearcher.Search s = searcher.search(Questions.clean(q), PassageSearcher.CANDIDATES);
                out.setLength(0);
                out.append("{\"q\":").append(json(q)).append(",\"offTopic\":").append(OffTopic.matches(Questions.clean(q))
                        || OffTopic.offDomainWord(Questions.clean(q), g.vocabulary.surfaces()::contains) != null);
                if (s != null) {
                    out.append(",\"rewritten\":").append(json(s.rewritten()));
                    out.append(String.format(Locale.ROOT, ",\"total\":%.4f,\"content\":%.4f", s.total(), s.contentWeight()));
                    out.append(",\"concepts\":[");
                    for (int i = 0; i < s.concepts().size(); i++) {
                        var c = s.concepts().get(i);
                        int df = c.docFreq(g.reader);
                        boolean word = c.alternatives().stream().anyMatch(x -> x.size() == 1 && NorwegianWords.bundled().contains(x.get(0)));
                        out.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                                "{\"w\":%.4f,\"light\":%b,\"df\":%d,\"word\":%b,\"term\":%b,\"alt\":%s}",
                                s.weights()[i], c.light(), df, word, c.term(), json(c.alternatives().toString())));
                    }
                    out.append("],\"cands\":[");
                    boolean first = true;
                    var docs = s.candidates().stream().map(c -> new org.apache.lucene.search.ScoreDoc(c.doc(), 0))
                            .toArray(org.apache.lucene.search.ScoreDoc[]::new);
                    java.util.Set<String> stems = new java.util.HashSet<>();
                    for (var c : s.concepts()) {
                        c.alternatives().forEach(stems::addAll);
                        c.parts().forEach(part -> part.forEach(stems::addAll));
                    }
                    var inText = PassageSearcher.present(g.reader, docs, stems, List.of("title", "body"));
                    var inBank = PassageSearcher.present(g.reader, docs, stems, List.of("questions"));
                    for (PassageSearcher.Candidate c : s.candidates()) {
                        StringBuilder credits = new StringBuilder("[");
                        for (int i = 0; i < s.concepts().size(); i++) {
                            var k = s.concepts().get(i);
                            double cr = Math.max(k.credit(inText.get(c.doc())), k.credit(inBank.get(c.doc())));
                            credits.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", cr));
                        }
                        credits.append("]");
                        var doc = stored.document(c.doc());
                        Passage p = new Passage(doc.get("source"), doc.getField("slide").numericValue().intValue(),
                                doc.get("title"), doc.get("body"), doc.get("part"), doc.getField("day").numericValue().intValue());
                        List<String> lines = LineHighlighter.lines(p, s.concepts(), s.weights(), g.stemming);
                        String text = new Hit(p, lines, 0).text();
                        out.append(first ? "" : ",").append(String.format(Locale.ROOT,
                                "{\"slide\":%d,\"title\":%s,\"text\":%s,\"bm25\":%.4f,\"covText\":%.4f,\"covAll\":%.4f,"
                                        + "\"covContent\":%.4f,\"bankCov\":%.4f,\"bankPrec\":%.4f,\"empty\":%b,\"cred\":%s}",
                                p.slide(), json(p.title()), json(text), c.bm25(), c.covText(), c.covAll(), c.covContent(),
                                c.bankCoverage(), c.bankPrecision(), c.emptyBody(), credits));
                        first = false;
                    }
                    out.append("]");
                }
                out.append("}");
                System.out.println(out);
            }
        }
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
