/**
 * The application database and the stores on it: {@link no.folkevalgt.storage.Database} opens H2
 * (the embedded default) or PostgreSQL and migrates it with Flyway; {@code Jdbc*} classes implement
 * bot-core's storage ports on it. Every write is committed before the call returns; a database that
 * cannot be reached is a {@link no.folkevalgt.core.port.StoreUnavailable}.
 */
package no.folkevalgt.storage;
