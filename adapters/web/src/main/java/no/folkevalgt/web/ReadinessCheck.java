package no.folkevalgt.web;

/**
 * What one part of the application says about itself for {@code /readyz}, without the web adapter
 * knowing the part (the post scheduler lives in storage): {@code ok} and, in words, what was seen.
 *
 * <pre>{@code
 * .schedulerCheck(() -> {
 *     PostScheduler.Liveness l = scheduler.liveness();
 *     return new ReadinessCheck(l.alive(), l.detail());
 * })
 * }</pre>
 *
 * @param ok     whether the part works; false makes {@code /readyz} answer 503
 * @param detail what was seen, shown in {@code /readyz} ({@code detail} when ok, {@code error} when not)
 */
public record ReadinessCheck(boolean ok, String detail) {

    public ReadinessCheck {
        detail = detail == null ? "" : detail;
    }

    public static ReadinessCheck ok(String detail) {
        return new ReadinessCheck(true, detail);
    }

    public static ReadinessCheck failing(String detail) {
        return new ReadinessCheck(false, detail);
    }
}
