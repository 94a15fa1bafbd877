package no.folkevalgt.wordcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import no.folkevalgt.core.port.WordCount;
import org.junit.jupiter.api.Test;

class WordCloudTest {

    private static final List<WordCount> WORDS = List.of(
            new WordCount("åpenhet", 12), new WordCount("økonomi", 9), new WordCount("ærlighet", 7),
            new WordCount("skole", 6), new WordCount("innbyggerne", 5), new WordCount("samarbeid", 4),
            new WordCount("e-post", 3), new WordCount("dialog", 2), new WordCount("tillit", 2),
            new WordCount("budsjett", 1), new WordCount("kommunestyret", 1), new WordCount("barnehage", 1));

    private final WordCloud cloud = new WordCloud();

    @Test
    void png_decodes_withTheSize_andIsNotBlank() throws IOException {
        BufferedImage image = decode(cloud.png(WORDS));

        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(675);
        assertThat(colours(image)).as("distinct colours").hasSizeGreaterThan(20);
        assertThat(inkShare(image)).as("share of pixels that are not background").isBetween(0.03, 0.8);
    }

    @Test
    void sameWords_giveIdenticalBytes() {
        assertThat(cloud.png(WORDS)).isEqualTo(new WordCloud().png(List.copyOf(WORDS)));
        assertThat(cloud.png(WORDS)).isNotEqualTo(cloud.png(WORDS.subList(0, 6)));
    }

    @Test
    void everyWord_isPlaced_insideTheImage_withoutOverlap() {
        List<WordCloud.Placed> placed = cloud.layout(WORDS);

        assertThat(placed).extracting(WordCloud.Placed::word)
                .containsExactlyElementsOf(WORDS.stream().map(WordCount::word).toList());
        for (int i = 0; i < placed.size(); i++) {
            var box = placed.get(i).box();
            assertThat(box.getMinX()).isGreaterThanOrEqualTo(0);
            assertThat(box.getMinY()).isGreaterThanOrEqualTo(0);
            assertThat(box.getMaxX()).isLessThanOrEqualTo(1200);
            assertThat(box.getMaxY()).isLessThanOrEqualTo(675);
            for (int j = 0; j < i; j++) {
                assertThat(box.intersects(placed.get(j).box()))
                        .as("%s overlaps %s", placed.get(i).word(), placed.get(j).word()).isFalse();
            }
        }
        assertThat(placed.get(0).size()).as("the most used word is the largest")
                .isGreaterThan(placed.get(placed.size() - 1).size());
    }

    @Test
    void norwegianLetters_areInTheBundledFont() {
        assertThat(WordCloud.Fonts.BOLD.canDisplayUpTo("æøåÆØÅéü«»–")).isEqualTo(-1);
        assertThat(WordCloud.Fonts.BOLD.getFontName()).startsWith("DejaVu Sans");
    }

    @Test
    void noWords_renderAFriendlyImage() throws IOException {
        BufferedImage image = decode(cloud.png(List.of()));

        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(inkShare(image)).isGreaterThan(0.005);
        assertThat(cloud.png(List.of())).isEqualTo(cloud.png(List.of()));
    }

    @Test
    void manyLongWords_areRendered_andTheOverflowIsLeftOut() throws IOException {
        List<WordCount> many = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            many.add(new WordCount("kommuneplanens-samfunnsdel-" + i, 1));
        }
        /* Speed is not asserted here (timed unit tests fail on a busy machine); only the result. */
        byte[] png = cloud.png(many);

        assertThat(decode(png).getWidth()).isEqualTo(1200);
        assertThat(cloud.layout(many)).hasSizeBetween(5, WordCloud.MAX_WORDS);
    }

    @Test
    void oneHugeWord_isShrunkToFit() {
        List<WordCloud.Placed> placed = cloud.layout(List.of(new WordCount(
                "interkommunaltsamarbeidsutvalgsmedlemsrepresentantskapsmøte", 3)));

        assertThat(placed).hasSize(1);
        assertThat(placed.get(0).box().getMaxX()).isLessThanOrEqualTo(1200);
    }

    @Test
    void otherSizes_work_andSillySizesAreRefused() throws IOException {
        assertThat(decode(new WordCloud(400, 300).png(WORDS)).getHeight()).isEqualTo(300);
        assertThatThrownBy(() -> new WordCloud(10, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a decodable PNG").isNotNull();
        return image;
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours;
    }

    private static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }
}
