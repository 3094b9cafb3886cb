/**
 * Storage on a PostgreSQL database: {@link io.flowengine.postgres.PostgresStorage} opens it and is
 * the only entry point; the flow, asset and API-key stores behind it, the statements they write
 * with, the schema and its migrations are package-private. Nothing in this package may be null
 * unless it is annotated {@code @Nullable}.
 */
@NullMarked
package io.flowengine.postgres;

import org.jspecify.annotations.NullMarked;
