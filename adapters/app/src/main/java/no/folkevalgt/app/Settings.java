package no.folkevalgt.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import no.folkevalgt.core.port.Facilitators;

/**
 * The app's settings, from the environment or a {@code .env} file. The environment wins over
 * {@code .env} in the working folder, which wins over {@code .env} in {@code BOT_HOME}. Relative
 * paths are resolved against {@code BOT_HOME}.
 *
 * <pre>{@code
 * Settings settings = Settings.load(System.getenv(), Path.of("").toAbsolutePath());
 * }</pre>
 *
 * @param botHome     where the launcher lives ({@code BOT_HOME}, default the working folder)
 * @param contentDir  the programme material ({@code CONTENT_DIR}, default {@code $BOT_HOME/content})
 * @param indexDir    the search index ({@code INDEX_DIR}, default {@code $BOT_HOME/data/index})
 * @param port        the HTTP port ({@code PORT}, default 8080)
 * @param synonyms    the organiser's synonyms file ({@code SYNONYMS_FILE}); empty for the bundled one
 * @param databaseUrl the JDBC URL ({@code DATABASE_URL}); secret, never logged
 * @param logLevel    {@code LOG_LEVEL}: error, warn (default), info, debug, trace or off
 * @param problems    lines of {@code .env} files that were ignored
 * @param dataDir     where the embedded database lives ({@code DATA_DIR}, default {@code $BOT_HOME/data})
 * @param programme   the organiser's programme file ({@code PROGRAMME_FILE}); empty for the bundled one
 * @param facilitators who may see summaries and exports ({@code FACILITATORS})
 * @param demo        {@code DEMO}: move the programme so that day 1 starts in a few minutes
 * @param demoStart   {@code DEMO_START}: the instant the demo is planned from (ISO-8601), so that several
 *                    instances plan the same demo; empty for "now"
 * @param host        {@code HOST}: the address the HTTP server listens on, default 127.0.0.1 (this machine only)
 * @param facilitatorToken {@code FACILITATOR_TOKEN}: required for the facilitator page from other machines; secret
 * @param values      every setting as read (environment over .env), for the platform adapters' own settings;
 *                    holds secrets, never logged
 */
record Settings(Path botHome, Path contentDir, Path indexDir, Optional<Path> synonyms, int port,
                Optional<String> databaseUrl,
                String logLevel, List<String> problems, Path dataDir, Optional<Path> programme,
                Facilitators facilitators, boolean demo, Optional<java.time.Instant> demoStart, String host,
                Optional<String> facilitatorToken, Map<String, String> values) {

    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_HOST = "127.0.0.1";
    static final String DEFAULT_LOG_LEVEL = "warn";
    static final Set<String> LOG_LEVELS = Set.of("error", "warn", "info", "debug", "trace", "off");

    Settings {
        problems = List.copyOf(problems);
    }

    /**
     * Reads the settings.
     *
     * @param env        the process environment
     * @param workingDir the folder the app was started from
     * @throws UserError naming the setting that is wrong and what it should be
     */
    static Settings load(Map<String, String> env, Path workingDir) {
        Path botHome = Optional.ofNullable(blankToNull(env.get("BOT_HOME")))
                .map(home -> workingDir.resolve(home).normalize())
                .orElse(workingDir);
        List<String> problems = new ArrayList<>();
        Map<String, String> merged = new HashMap<>();
        DotEnv home = DotEnv.read(botHome.resolve(".env"));
        merged.putAll(home.values());
        problems.addAll(home.problems());
        if (!workingDir.normalize().equals(botHome.normalize())) {
            DotEnv local = DotEnv.read(workingDir.resolve(".env"));
            merged.putAll(local.values());
            problems.addAll(local.problems());
        }
        env.forEach((key, value) -> {
            if (value != null) {
                merged.put(key, value);
            }
        });

        Path contentDir = path(merged, "CONTENT_DIR", botHome, botHome.resolve("content"));
        Path indexDir = path(merged, "INDEX_DIR", botHome, botHome.resolve("data").resolve("index"));
        Optional<Path> synonyms = Optional.ofNullable(blankToNull(merged.get("SYNONYMS_FILE")))
                .map(file -> path(merged, "SYNONYMS_FILE", botHome, null));
        int port = port(blankToNull(merged.get("PORT")));
        String logLevel = logLevel(blankToNull(merged.get("LOG_LEVEL")));
        Path dataDir = path(merged, "DATA_DIR", botHome, botHome.resolve("data"));
        Optional<Path> programme = Optional.ofNullable(blankToNull(merged.get("PROGRAMME_FILE")))
                .map(file -> path(merged, "PROGRAMME_FILE", botHome, null));
        Facilitators facilitators;
        try {
            facilitators = Facilitators.parse(merged.get("FACILITATORS"));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        boolean demo = bool(merged, "DEMO");
        Optional<java.time.Instant> demoStart = Optional.ofNullable(blankToNull(merged.get("DEMO_START"))).map(value -> {
            try {
                return java.time.OffsetDateTime.parse(value.strip()).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new UserError("DEMO_START må være et tidspunkt som 2026-11-26T09:00:00+01:00, men er «" + value + "».");
            }
        });
        publicHost(merged);
        trustedProxies(merged);
        retentionDays(merged);
        logFormat(merged);
        return new Settings(botHome, contentDir, indexDir, synonyms, port,
                Optional.ofNullable(blankToNull(merged.get("DATABASE_URL"))), logLevel, problems, dataDir,
                programme, facilitators, demo, demoStart,
                Optional.ofNullable(blankToNull(merged.get("HOST"))).map(String::strip).orElse(DEFAULT_HOST),
                Optional.ofNullable(blankToNull(merged.get("FACILITATOR_TOKEN"))).map(String::strip), Map.copyOf(merged));
    }

    /** The host name of {@code PUBLIC_URL} (such as {@code https://bot.kommune.no}), when it is set. */
    Optional<String> publicHost() {
        return publicHost(values);
    }

    /** {@code TRUSTED_PROXIES}: the reverse proxies whose forwarding headers name the client; none by default. */
    no.folkevalgt.core.http.TrustedProxies trustedProxies() {
        return trustedProxies(values);
    }

    private static Optional<String> publicHost(Map<String, String> values) {
        String url = blankToNull(values.get("PUBLIC_URL"));
        if (url == null) {
            return Optional.empty();
        }
        try {
            java.net.URI uri = new java.net.URI(url.strip());
            if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new java.net.URISyntaxException(url, "no host");
            }
            return Optional.of(uri.getHost());
        } catch (java.net.URISyntaxException e) {
            throw new UserError("PUBLIC_URL må være adressen brukerne åpner boten på, som https://bot.kommune.no, men er «"
                    + url + "».");
        }
    }

    private static no.folkevalgt.core.http.TrustedProxies trustedProxies(Map<String, String> values) {
        try {
            return no.folkevalgt.core.http.TrustedProxies.parse(values.get("TRUSTED_PROXIES"));
        } catch (IllegalArgumentException e) {
            throw new UserError("TRUSTED_PROXIES: " + e.getMessage() + ". Skriv adresser og nettverk skilt med komma, "
                    + "som 127.0.0.1, 10.0.0.0/8.");
        }
    }

    /** {@code RETENTION_DAYS}: how many days members' answers, feedback and gap questions are kept; 0 keeps them. */
    int retentionDays() {
        return retentionDays(values);
    }

    /** {@code METRICS_TOKEN}: when set, {@code /metrics} requires {@code Authorization: Bearer <token>}; secret. */
    Optional<String> metricsToken() {
        return Optional.ofNullable(blankToNull(values.get("METRICS_TOKEN"))).map(String::strip);
    }

    /** {@code LOG_FORMAT}: {@code text} (default) or {@code json}, one JSON object per line. */
    String logFormat() {
        return logFormat(values);
    }

    static final int DEFAULT_RETENTION_DAYS = 90;
    static final Set<String> LOG_FORMATS = Set.of("text", "json");

    private static int retentionDays(Map<String, String> values) {
        String value = blankToNull(values.get("RETENTION_DAYS"));
        if (value == null) {
            return DEFAULT_RETENTION_DAYS;
        }
        try {
            int days = Integer.parseInt(value.strip());
            if (days >= 0 && days <= 36_500) {
                return days;
            }
        } catch (NumberFormatException e) {
            /* reported below */
        }
        throw new UserError("RETENTION_DAYS må være et helt antall dager fra 0 (ta vare på alt) til 36500, men er «"
                + value + "».");
    }

    private static String logFormat(Map<String, String> values) {
        String value = blankToNull(values.get("LOG_FORMAT"));
        if (value == null) {
            return "text";
        }
        String format = value.strip().toLowerCase(Locale.ROOT);
        if (!LOG_FORMATS.contains(format)) {
            throw new UserError("LOG_FORMAT må være text eller json, men er «" + value + "».");
        }
        return format;
    }

    boolean debug() {
        return logLevel.equals("debug") || logLevel.equals("trace");
    }

    /* Records print every component; the database URL may carry a password. */
    @Override
    public String toString() {
        return "Settings[botHome=" + botHome + ", contentDir=" + contentDir + ", indexDir=" + indexDir
                + ", synonyms=" + synonyms.map(Path::toString).orElse("(innebygd)") + ", port=" + port + ", databaseUrl=" + databaseUrl.map(url -> "(satt)").orElse("(ikke satt)")
                + ", logLevel=" + logLevel + ", dataDir=" + dataDir
                + ", programme=" + programme.map(Path::toString).orElse("(innebygd)") + ", demo=" + demo
                + ", host=" + host + ", facilitatorToken=" + facilitatorToken.map(t -> "(satt)").orElse("(ikke satt)") + "]";
    }

    private static Path path(Map<String, String> values, String name, Path botHome, Path fallback) {
        String value = blankToNull(values.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            return botHome.resolve(value).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new UserError(name + " er ikke en gyldig sti: «" + value + "»");
        }
    }

    private static boolean bool(Map<String, String> values, String name) {
        String value = blankToNull(values.get(name));
        if (value == null) {
            return false;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "ja", "yes", "on":
                return true;
            case "false", "0", "nei", "no", "off":
                return false;
            default:
                throw new UserError(name + " må være true eller false, men er «" + value + "».");
        }
    }

    private static int port(String value) {
        if (value == null) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            /* reported below */
        }
        throw new UserError("PORT må være et heltall fra 0 (en ledig port) til 65535, men er «" + value + "».");
    }

    private static String logLevel(String value) {
        if (value == null) {
            return DEFAULT_LOG_LEVEL;
        }
        String level = value.strip().toLowerCase(Locale.ROOT);
        if (level.equals("warning")) {
            level = "warn";
        }
        if (!LOG_LEVELS.contains(level)) {
            throw new UserError("LOG_LEVEL må være en av error, warn, info, debug, trace og off, men er «" + value + "».");
        }
        return level;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
