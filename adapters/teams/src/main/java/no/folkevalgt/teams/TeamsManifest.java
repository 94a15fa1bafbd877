package no.folkevalgt.teams;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/**
 * Builds the Teams app package to upload (Teams admin center or "Upload a custom app"): manifest.json
 * with the bot's app id and the organiser's web, privacy and terms addresses filled in, and its two
 * icons drawn here.
 *
 * <pre>{@code
 * TeamsManifest.buildZip(TeamsSettings.fromEnvironment(System.getenv()),
 *         new TeamsManifest.Links(URI.create("https://bot.kommune.no/"), URI.create("https://www.kommune.no/personvern"),
 *                 URI.create("https://www.kommune.no/vilkar")),
 *         "1.2.0", Path.of("folkevalgt-teams.zip"));
 * }</pre>
 */
public final class TeamsManifest {

    /** The version form Teams takes: three numbers, no leading zeros, nothing after. */
    private static final Pattern VERSION = Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Color BLUE = new Color(0x1F, 0x4E, 0x79);

    private TeamsManifest() {
    }

    /**
     * The addresses Teams shows on the app's page; Teams requires all three, over https.
     *
     * @param website the organiser's page for the bot (the developer's website)
     * @param privacy the privacy statement (personvernerklæring)
     * @param terms   the terms of use (vilkår for bruk)
     */
    public record Links(URI website, URI privacy, URI terms) {
        public Links {
            check("nettside", website);
            check("personvernerklæring", privacy);
            check("vilkår for bruk", terms);
        }

        private static void check(String what, URI uri) {
            Objects.requireNonNull(uri, what);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("Teams krever en https-adresse for " + what + ", men fikk «" + uri + "».");
            }
        }
    }

    /**
     * Writes the zip; the app id must be the Azure Bot's Microsoft App ID (a GUID), and the version
     * three numbers (Teams admins can roll out an uploaded app only as a higher version than the last).
     */
    public static Path buildZip(TeamsSettings settings, Links links, String version, Path out) throws IOException {
        Objects.requireNonNull(settings, "settings");
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("Versjonen til Teams-appen må være tre tall, som 1.2.0, men er «" + version + "».");
        }
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(out, "out");
        if (!GUID.matcher(settings.appId()).matches()) {
            throw new IllegalArgumentException("MICROSOFT_APP_ID må være app-ID-en (en GUID) fra Azure Bot-registreringen, men var «"
                    + settings.appId() + "»");
        }
        String manifest = template().replace("${APP_ID}", settings.appId().toLowerCase(java.util.Locale.ROOT))
                .replace("${VERSION}", version)
                .replace("${WEBSITE_URL}", json(links.website()))
                .replace("${PRIVACY_URL}", json(links.privacy()))
                .replace("${TERMS_URL}", json(links.terms()));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
            put(zip, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
            put(zip, "color.png", png(colorIcon()));
            put(zip, "outline.png", png(outlineIcon()));
        }
        return out;
    }

    /* A URI inside a JSON string: ASCII (toASCIIString), with the two characters JSON escapes. */
    /** The project's version as Teams takes it: {@code 0.1.0-SNAPSHOT} gives {@code 0.1.0}; null when it has no such start. */
    public static String versionOf(String projectVersion) {
        if (projectVersion == null) {
            return null;
        }
        java.util.regex.Matcher numbers = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)").matcher(projectVersion.strip());
        return numbers.find() ? Integer.parseInt(numbers.group(1)) + "." + Integer.parseInt(numbers.group(2)) + "."
                + Integer.parseInt(numbers.group(3)) : null;
    }

    private static String json(URI uri) {
        return uri.toASCIIString().replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static String template() {
        try (InputStream in = TeamsManifest.class.getResourceAsStream("manifest/manifest.template.json")) {
            if (in == null) {
                throw new IllegalStateException("manifest/manifest.template.json is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 192×192, full colour: a white "F" on the accent colour. */
    static BufferedImage colorIcon() {
        BufferedImage image = new BufferedImage(192, 192, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(BLUE);
        g.fillRect(0, 0, 192, 192);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 128));
        g.drawString("F", 58, 140);
        g.dispose();
        return image;
    }

    /** 32×32, white on transparent, as Teams requires for the outline icon. */
    static BufferedImage outlineIcon() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(3f));
        g.drawLine(10, 6, 10, 26);
        g.drawLine(10, 7, 23, 7);
        g.drawLine(10, 16, 20, 16);
        g.dispose();
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
