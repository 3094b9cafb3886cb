/**
 * Durable storage on an embedded H2 database file: {@link io.flowengine.h2.H2Storage} opens it and
 * is the only entry point; the flow, asset and API-key stores behind it, the group commit, the read
 * cache, the schema and its migrations are package-private. Nothing in this package may be null
 * unless it is annotated {@code @Nullable}.
 */
@NullMarked
package io.flowengine.h2;

import org.jspecify.annotations.NullMarked;
