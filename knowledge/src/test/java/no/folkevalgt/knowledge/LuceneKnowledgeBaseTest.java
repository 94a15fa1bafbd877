package no.folkevalgt.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.Hit;
import no.folkevalgt.core.port.Passage;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuceneKnowledgeBaseTest {

    /** Questions against the bundled programme material, as a council member would ask them. */
    @Nested
    class BundledMaterial {

        @TempDir
        static Path indexDir;
        static LuceneKnowledgeBase kb;

        @BeforeAll
        static void open() throws IOException {
            kb = LuceneKnowledgeBase.open(TestPaths.bundledContent(), indexDir);
        }

        @AfterAll
        static void close() {
            kb.close();
        }

        @Test
        void bokmaalQuestion_isAnsweredWithTheSlideAndItsNumber() {
            Answer a = kb.ask("Hvordan kan jeg reise en sak i kommunestyret?", 3);
            assertThat(a.answered()).isTrue();
            Passage best = a.hits().get(0).passage();
            assertThat(best.title()).isEqualTo("Hvordan utøve folkevalgt lederskap i praksis?");
            assertThat(best.slide()).isEqualTo(17);
            assertThat(best.source()).isEqualTo("ks-folkevalgtprogram-rakkestad-2019.txt");
            assertThat(best.material()).isEqualTo("KS Folkevalgtprogram, Rakkestad 2019");
            assertThat(a.hits()).hasSizeLessThanOrEqualTo(3);
        }

        @Test
        void nynorskQuestion_findsTheBokmaalSlide() {
            Answer a = kb.ask("Kven fastset løna til dei tilsette?", 3);
            assertThat(a.answered()).isTrue();
            assertThat(a.hits().get(0).text()).contains("Fastsette lønn");
        }

        @Test
        void oldTitle_rådmann_findsKommunedirektoren() {
            Answer a = kb.ask("Kva oppgåver har rådmannen?", 3);
            assertThat(a.answered()).isTrue();
            assertThat(a.hits().get(0).passage().title()).contains("Kommunedirektøren");
        }

        @Test
        void typo_isCorrectedAndShown() {
            Answer a = kb.ask("hva er en interpelasjon", 3);
            assertThat(a.answered()).isTrue();
            assertThat(a.interpretedAs()).isEqualTo("hva er en interpellasjon");
            assertThat(a.hits().get(0).text()).contains("Interpellasjon");
        }

        @Test
        void compoundTypedAsTwoWords_isJoined() {
            Answer a = kb.ask("hvem har personal ansvaret", 3);
            assertThat(a.interpretedAs()).isEqualTo("hvem har personalansvaret");
            Hit best = a.hits().get(0);
            assertThat(best.passage().title() + " " + best.text()).contains("løpende personalansvaret");
        }

        @Test
        void correctQuestion_isSearchedAsTyped() {
            assertThat(kb.ask("Hva er rammetilskudd?", 3).interpretedAs()).isNull();
        }

        @Test
        void longSlide_showsOnlyTheLinesThatAnswer() {
            Answer a = kb.ask("Hvem intervjuet ordføreren mens han var på ferie i Italia?", 1);
            assertThat(a.answered()).isTrue();
            Hit hit = a.hits().get(0);
            assertThat(hit.passage().text().length()).isGreaterThan(LineHighlighter.SHORT_CHARS);
            assertThat(hit.lines()).hasSizeLessThan((int) hit.passage().text().lines().count());
            assertThat(String.join("\n", hit.lines())).contains("ferie i Italia");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Hva blir været i morgen?", "Hvordan bestiller jeg ny bankterminal?",
            "Hvem vant Melodi Grand Prix?", "Hva koster en pizza?", "qwerty uiop", "What is the capital of Peru?"})
        void outOfScopeQuestion_isDeclined(String question) {
            Answer a = kb.ask(question, 3);
            assertThat(a.answered()).as(question).isFalse();
            assertThat(a.hits()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"AND (", "*", "interpellasjon~", "title:x", "\"", "\\", "((((", "møteplikt OR",
            "?*?", "[1 TO 5]", "+-!^:", "/regex/"})
        void luceneQuerySyntax_isPlainText(String question) {
            Answer a = kb.ask(question, 3);
            assertThat(a.question()).isEqualTo(question);
            if (question.contains("interpellasjon")) {
                assertThat(a.answered()).isTrue();
            }
        }

        @Test
        void badInput_isDeclinedWithoutError() {
            assertThat(kb.ask("", 3).answered()).isFalse();
            assertThat(kb.ask("   \t\n", 3).answered()).isFalse();
            assertThat(kb.ask("?!.,;:-", 3).answered()).isFalse();
            assertThat(kb.ask("interpellasjon ".repeat(700), 3).answered()).isFalse();
            Answer controls = kb.ask("Hva er en\u0000 interpel\u200Blasjon\u0007?", 3);
            assertThat(controls.answered()).isTrue();
        }

        @Test
        void top_limitsTheHitsAndMustBePositive() {
            assertThat(kb.ask("Hva er KS?", 1).hits()).hasSize(1);
            assertThatThrownBy(() -> kb.ask("Hva er KS?", 0)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void repeatedQuestion_isAnsweredFromTheCache() {
            long hits = kb.stats().cacheHits();
            Answer first = kb.ask("Hva er frie inntekter?", 3);
            Answer second = kb.ask("  hva er FRIE inntekter? ", 3);
            assertThat(kb.stats().cacheHits()).isEqualTo(hits + 1);
            assertThat(second.hits()).isEqualTo(first.hits());
            assertThat(second.question()).isEqualTo("  hva er FRIE inntekter? ");
        }

        @Test
        void topics_areThePartsOfTheProgramme() {
            assertThat(kb.topics()).contains("Samspillet med administrasjonen", "Samspillet med innbyggerne");
        }
    }

    /** The index on disk and the organiser's own material. */
    @Nested
    class OwnMaterial {

        @TempDir
        Path content;
        @TempDir
        Path index;

        @Test
        void index_isRebuiltOnlyWhenTheMaterialChanged() throws IOException {
            deck("a.txt", "Bobleteppe\n\nEt bobleteppe beskytter skjøre ting.");
            IndexReport first = LuceneKnowledgeBase.index(content, index, IngestProgress.NONE, false);
            IndexReport again = LuceneKnowledgeBase.index(content, index, IngestProgress.NONE, false);
            assertThat(first.rebuilt()).isTrue();
            assertThat(first.passages()).isEqualTo(1);
            assertThat(again.rebuilt()).isFalse();
            assertThat(again.passages()).isEqualTo(1);
            deck("b.txt", "Hoppetau\n\nEt hoppetau er til trening.");
            IndexReport changed = LuceneKnowledgeBase.index(content, index, IngestProgress.NONE, false);
            assertThat(changed.rebuilt()).isTrue();
            assertThat(changed.passages()).isEqualTo(2);
            assertThat(changed.files()).isEqualTo(2);
        }

        @Test
        void brokenFile_isReportedAndTheRestIndexed() throws IOException {
            deck("a.txt", "Bobleteppe\n\nEt bobleteppe beskytter skjøre ting.");
            Files.write(content.resolve("ødelagt.pdf"), new byte[] {1, 2, 3, 4, 5});
            IndexReport report = LuceneKnowledgeBase.index(content, index, IngestProgress.NONE, false);
            assertThat(report.passages()).isEqualTo(1);
            assertThat(report.problems()).extracting(Ingested.Problem::file).containsExactly("ødelagt.pdf");
        }

        @Test
        void newMaterial_isPickedUpWithoutRestart() throws IOException {
            deck("a.txt", "Bobleteppe\n\nEt bobleteppe beskytter skjøre ting.");
            try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(content, index)) {
                assertThat(kb.ask("Hva er et hoppetau?", 3).answered()).isFalse();
                assertThat(kb.refresh()).isFalse();
                deck("b.txt", "Hoppetau\n\nEt hoppetau er til trening i gymsalen.");
                assertThat(kb.refresh()).isTrue();
                Answer a = kb.ask("Hva er et hoppetau?", 3);
                assertThat(a.answered()).isTrue();
                assertThat(a.hits().get(0).passage().source()).isEqualTo("b.txt");
                assertThat(kb.stats().passages()).isEqualTo(2);
            }
        }

        @Test
        void watch_picksUpNewMaterialInTheBackground() throws Exception {
            deck("a.txt", "Bobleteppe\n\nEt bobleteppe beskytter skjøre ting.");
            try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.builder(content, index).cacheSize(0).open()) {
                kb.watch(java.time.Duration.ofMillis(50));
                deck("b.txt", "Hoppetau\n\nEt hoppetau er til trening i gymsalen.");
                await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(50))
                        .until(() -> kb.ask("Hva er et hoppetau?", 3).answered());
            }
        }

        @Test
        void refresh_whileQuestionsAreAsked_neverFailsAQuestion() throws Exception {
            deck("a.txt", "Bobleteppe\n\nEt bobleteppe beskytter skjøre ting.");
            try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.builder(content, index).cacheSize(0).open()) {
                ExecutorService pool = Executors.newFixedThreadPool(4);
                List<Future<Boolean>> asked = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    asked.add(pool.submit(() -> {
                        boolean all = true;
                        for (int i = 0; i < 300; i++) {
                            all &= kb.ask("Hva er et bobleteppe?", 3).answered();
                        }
                        return all;
                    }));
                }
                for (int i = 0; i < 5; i++) {
                    deck("n" + i + ".txt", "Tema " + i + "\n\nNoe nytt nummer " + i + " om ballonger.");
                    kb.refresh();
                }
                for (Future<Boolean> f : asked) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
                }
                pool.shutdown();
                assertThat(kb.stats().passages()).isEqualTo(6);
            }
        }

        @Test
        void materialTitle_comesWithEveryHit_andAChangedTitleFileIsPickedUpWithoutRestart() throws IOException {
            deck("a.txt", "Bobleteppe\n\nEt bobleteppe beskytter skjøre ting.");
            deck("a.tittel.txt", "Pakkekurs 2024");
            try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.builder(content, index).open()) {
                assertThat(kb.ask("Hva er et bobleteppe?", 3).hits().get(0).passage().material()).isEqualTo("Pakkekurs 2024");
                assertThat(kb.passages()).extracting(Passage::material).containsOnly("Pakkekurs 2024");
                assertThat(kb.refresh()).isFalse();

                deck("a.tittel.txt", "Pakkekurs 2025, Rakkestad");
                assertThat(kb.refresh()).isTrue();
                Hit hit = kb.ask("Hva er et bobleteppe?", 3).hits().get(0);
                assertThat(hit.passage().material()).isEqualTo("Pakkekurs 2025, Rakkestad");
                assertThat(Citation.of(hit.passage()).reference())
                        .isEqualTo("«Bobleteppe», lysbilde 1 (Pakkekurs 2025, Rakkestad)");

                Files.delete(content.resolve("a.tittel.txt"));
                assertThat(kb.refresh()).isTrue();
                assertThat(kb.ask("Hva er et bobleteppe?", 3).hits().get(0).passage().material()).isEqualTo("a");
            }
        }

        @Test
        void materialTitle_isShownOnly_neverSearched() throws IOException {
            deck("a.txt", "Bobleteppe\n\nEt bobleteppe beskytter skjøre ting.");
            deck("a.tittel.txt", "Sjokoladefabrikken");
            try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.builder(content, index).open()) {
                assertThat(kb.ask("Hva er sjokoladefabrikken?", 3).hits()).isEmpty();
                assertThat(kb.ask("Hva er sjokoladefabrikken?", 3).suggestions()).isEmpty();
                assertThat(kb.ask("Hva er et bobleteppe?", 3).answered()).isTrue();
            }
        }

        @Test
        void indexOfThePreviousVersion_withoutMaterialTitles_isRebuilt() throws IOException {
            deck("a.txt", "Bobleteppe\n\nEt bobleteppe beskytter skjøre ting.");
            deck("a.tittel.txt", "Pakkekurs 2024");
            LuceneKnowledgeBase.index(content, index, IngestProgress.NONE, false);
            /* Rewrite the index as version 11 wrote it: the same material, but no material title stored. */
            Path generation = index.resolve(Files.readString(index.resolve("CURRENT")).strip());
            try (Directory directory = FSDirectory.open(generation);
                 IndexWriter writer = new IndexWriter(directory,
                         new IndexWriterConfig(LuceneKnowledgeBase.analyzer(LuceneKnowledgeBase.dictionary(Set.of())))
                                 .setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
                Map<String, String> data = new HashMap<>();
                writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
                writer.deleteAll();
                Document doc = new Document();
                doc.add(new StringField(LuceneKnowledgeBase.ID, "a.txt#1", Field.Store.YES));
                doc.add(new TextField(LuceneKnowledgeBase.TITLE, "Bobleteppe", Field.Store.YES));
                doc.add(new TextField(LuceneKnowledgeBase.BODY, "Et bobleteppe beskytter skjøre ting.", Field.Store.YES));
                doc.add(new StoredField(LuceneKnowledgeBase.SOURCE, "a.txt"));
                doc.add(new StoredField(LuceneKnowledgeBase.SLIDE, 1));
                doc.add(new StoredField(LuceneKnowledgeBase.PART, ""));
                doc.add(new StoredField(LuceneKnowledgeBase.DAY, 0));
                doc.add(new StoredField(LuceneKnowledgeBase.SECTION, ""));
                writer.addDocument(doc);
                data.put("analysisVersion", "11-" + NorwegianAnalysis.resourcesChecksum());
                writer.setLiveCommitData(data.entrySet());
                writer.commit();
            }

            assertThat(LuceneKnowledgeBase.index(content, index, IngestProgress.NONE, false).rebuilt()).isTrue();
            try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.open(content, index)) {
                assertThat(kb.ask("Hva er et bobleteppe?", 3).hits().get(0).passage().material()).isEqualTo("Pakkekurs 2024");
            }
        }

        @Test
        void organisersSynonyms_areUsed() throws IOException {
            deck("a.txt", "Bobleteppe\n\nEt bobleteppe beskytter skjøre ting.");
            Path synonyms = content.resolveSibling(content.getFileName() + "-synonymer.txt");
            Files.writeString(synonyms, "# egne ord\nplastpute, bobleteppe\n", StandardCharsets.UTF_8);
            try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.builder(content, index).synonyms(synonyms).open()) {
                assertThat(kb.ask("Hva er en plastpute?", 3).answered()).isTrue();
            } finally {
                Files.delete(synonyms);
            }
        }

        @Test
        void brokenSynonymsLine_isRefusedWithItsLineNumber() throws IOException {
            deck("a.txt", "Bobleteppe\n\nEt bobleteppe beskytter skjøre ting.");
            Path synonyms = content.resolveSibling(content.getFileName() + "-synonymer.txt");
            Files.writeString(synonyms, "plastpute, bobleteppe\na => b => c\n", StandardCharsets.UTF_8);
            try {
                assertThatThrownBy(() -> LuceneKnowledgeBase.builder(content, index).synonyms(synonyms).open())
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("linje 2");
            } finally {
                Files.delete(synonyms);
            }
        }

        @Test
        void missingContentFolder_isAClearError() {
            assertThatThrownBy(() -> LuceneKnowledgeBase.open(content.resolve("finnes-ikke"), index))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("finnes ikke");
        }

        private void deck(String name, String text) throws IOException {
            Files.writeString(content.resolve(name), text, StandardCharsets.UTF_8);
        }
    }
}
