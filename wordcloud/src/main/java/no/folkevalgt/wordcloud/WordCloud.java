package no.folkevalgt.wordcloud;

import java.awt.AWTError;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.imageio.ImageIO;

import no.folkevalgt.core.port.WordCloudRenderer;
import no.folkevalgt.core.port.WordCount;

/**
 * Renders a word cloud as a PNG on the server, with Java2D, so that every platform can show it as a
 * plain image. Words are sized by how many answers use them and placed on a spiral from the middle
 * outwards, largest first, without overlapping. The layout is deterministic: the same words give
 * the same bytes. The text is set in the bundled DejaVu Sans Bold (see {@code LICENSE-DejaVu.txt}
 * beside it), so æ, ø and å render the same whatever fonts the machine has. Thread-safe.
 *
 * <pre>{@code
 * byte[] png = new WordCloud().png(List.of(new WordCount("skole", 5), new WordCount("åpenhet", 3)));
 * }</pre>
 */
public final class WordCloud implements WordCloudRenderer {

    public static final int DEFAULT_WIDTH = 1200;
    public static final int DEFAULT_HEIGHT = 675;

    /** Most words drawn; the rest would be too small to read. */
    public static final int MAX_WORDS = WordCloudRenderer.MAX_WORDS;

    /** What an image without words says. */
    static final String EMPTY_TEXT = "Ingen svar ennå";

    static final String FONT_RESOURCE = "DejaVuSans-Bold.ttf";

    /* Dark colours, each with a contrast of at least 7:1 against the white background (WCAG AAA). */
    static final List<Color> PALETTE = List.of(
            new Color(0x0B3C5D), // dark blue
            new Color(0x8B1E3F), // wine red
            new Color(0x1E5631), // forest green
            new Color(0x5B2A86), // purple
            new Color(0x7A4100), // brown
            new Color(0x1F2933)); // near black

    static final Color BACKGROUND = Color.WHITE;
    static final Color EMPTY_COLOUR = new Color(0x3E4C59);

    private static final float MIN_SIZE = 16f;
    private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

    static {
        /* A server has no display; say so before anything touches AWT (an explicit setting wins). */
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final int width;
    private final int height;

    /** A renderer of {@value #DEFAULT_WIDTH}×{@value #DEFAULT_HEIGHT} images (16:9, as a slide). */
    public WordCloud() {
        this(DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * @param width  image width in pixels, 200 to 4000
     * @param height image height in pixels, 100 to 4000
     */
    public WordCloud(int width, int height) {
        if (width < 200 || width > 4000 || height < 100 || height > 4000) {
            throw new IllegalArgumentException("a word cloud is 200 to 4000 pixels wide and 100 to 4000 high but was "
                    + width + "×" + height);
        }
        this.width = width;
        this.height = height;
    }

    @Override
    public byte[] png(List<WordCount> words) {
        Objects.requireNonNull(words, "words");
        try {
            return draw(words);
        } catch (AWTError e) {
            /* No graphics environment or fonts: the core's port speaks of runtime exceptions only. */
            throw new IllegalStateException("cannot draw a word cloud here: " + e.getMessage(), e);
        }
    }

    private byte[] draw(List<WordCount> words) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            hints(g);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, height);
            List<Placed> placed = layout(words);
            if (placed.isEmpty()) {
                drawEmpty(g);
            }
            for (Placed word : placed) {
                g.setColor(word.colour());
                g.setFont(Fonts.BOLD.deriveFont(word.size()));
                g.drawString(word.word(), word.x(), word.baseline());
            }
        } finally {
            g.dispose();
        }
        return encode(image);
    }

    /**
     * Where each word goes: largest first from the middle outwards along a spiral, each in the first
     * free spot. A word that finds no spot is tried smaller, and left out below the smallest size.
     */
    List<Placed> layout(List<WordCount> words) {
        List<WordCount> shown = words.stream().filter(Objects::nonNull).limit(MAX_WORDS).toList();
        List<Placed> placed = new ArrayList<>();
        if (shown.isEmpty()) {
            return placed;
        }
        FontRenderContext frc = new FontRenderContext(null, true, true);
        int maxCount = shown.stream().mapToInt(WordCount::count).max().orElse(1);
        int minCount = shown.stream().mapToInt(WordCount::count).min().orElse(1);
        float maxSize = Math.min(height * 0.22f, width * 0.12f);
        float margin = Math.max(8f, Math.min(width, height) * 0.025f);
        for (int i = 0; i < shown.size(); i++) {
            WordCount word = shown.get(i);
            double weight = maxCount == minCount ? (shown.size() == 1 ? 1.0 : 0.45)
                    : (double) (word.count() - minCount) / (maxCount - minCount);
            float size = (float) (MIN_SIZE + (maxSize - MIN_SIZE) * Math.sqrt(weight));
            Color colour = PALETTE.get(i % PALETTE.size());
            for (; size >= MIN_SIZE; size = size * 0.85f) {
                Placed spot = place(word.word(), size, colour, i, placed, frc, margin);
                if (spot != null) {
                    placed.add(spot);
                    break;
                }
            }
        }
        return placed;
    }

    private Placed place(String word, float size, Color colour, int index, List<Placed> placed,
                         FontRenderContext frc, float margin) {
        Font font = Fonts.BOLD.deriveFont(size);
        Rectangle2D ink = new TextLayout(word, font, frc).getBounds();
        double w = ink.getWidth();
        double h = ink.getHeight();
        if (w > width - 2 * margin || h > height - 2 * margin) {
            return null;
        }
        /* Keep about a space between words on a line, and a little air between lines. */
        double padX = Math.max(6, size * 0.3);
        double padY = Math.max(3, size * 0.08);
        double aspect = (double) width / height;
        double start = index * GOLDEN_ANGLE;
        double reach = Math.hypot(width, height) / 2;
        /* An Archimedean spiral, stretched to the image's shape; the step keeps points about 4 px apart. */
        for (double t = 0; ; ) {
            double r = 2.2 * t;
            if (r > reach) {
                return null;
            }
            double cx = width / 2.0 + r * Math.cos(t + start) * Math.sqrt(aspect);
            double cy = height / 2.0 + r * Math.sin(t + start) / Math.sqrt(aspect);
            double left = Math.rint(cx - w / 2);
            double top = Math.rint(cy - h / 2);
            Rectangle2D box = new Rectangle2D.Double(left, top, w, h);
            if (left >= margin && top >= margin && left + w <= width - margin && top + h <= height - margin
                    && placed.stream().noneMatch(p -> p.box().intersects(grow(box, padX, padY)))) {
                float x = (float) (left - ink.getX());
                float baseline = (float) (top - ink.getY());
                return new Placed(word, size, colour, box, x, baseline);
            }
            t += Math.min(0.35, 4.0 / Math.max(r, 1));
        }
    }

    private void drawEmpty(Graphics2D g) {
        Font font = Fonts.BOLD.deriveFont(Math.min(height * 0.12f, width * 0.07f));
        Rectangle2D ink = new TextLayout(EMPTY_TEXT, font, g.getFontRenderContext()).getBounds();
        g.setFont(font);
        g.setColor(EMPTY_COLOUR);
        g.drawString(EMPTY_TEXT, (float) Math.rint((width - ink.getWidth()) / 2 - ink.getX()),
                (float) Math.rint((height - ink.getHeight()) / 2 - ink.getY()));
    }

    private static Rectangle2D grow(Rectangle2D box, double byX, double byY) {
        return new Rectangle2D.Double(box.getX() - byX, box.getY() - byY, box.getWidth() + 2 * byX,
                box.getHeight() + 2 * byY);
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * A word where it is drawn.
     *
     * @param box      its ink bounds on the image
     * @param x        where {@code drawString} starts
     * @param baseline the baseline {@code drawString} uses
     */
    record Placed(String word, float size, Color colour, Rectangle2D box, float x, float baseline) {
    }

    /** The bundled font, loaded once, on first use. */
    static final class Fonts {

        static final Font BOLD = load();

        private Fonts() {
        }

        private static Font load() {
            try (InputStream in = WordCloud.class.getResourceAsStream(FONT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("bundled font missing: " + FONT_RESOURCE);
                }
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the bundled font " + FONT_RESOURCE, e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("the bundled font " + FONT_RESOURCE + " is not a TrueType font", e);
            }
        }
    }
}
