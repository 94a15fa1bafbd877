/**
 * Planned posts on a persistent, cluster-safe scheduler (db-scheduler) in the application database:
 * {@link no.folkevalgt.storage.schedule.PostScheduler}.
 */
package no.folkevalgt.storage.schedule;
