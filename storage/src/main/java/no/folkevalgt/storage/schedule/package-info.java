/**
 * Planned posts on a persistent, cluster-safe scheduler (db-scheduler) in the application database:
 * {@link no.folkevalgt.storage.schedule.PostScheduler} (the wiring, {@code schedule()}, liveness; set up
 * with {@link no.folkevalgt.storage.schedule.PostSchedulerBuilder}), {@code ChannelDelivery} (one due
 * post's run, under the rules of {@link no.folkevalgt.core.delivery.DeliveryPolicy}) and
 * {@code ChannelLeaseKeeper} (one instance per channel at a time; recovery after a crash).
 */
package no.folkevalgt.storage.schedule;
