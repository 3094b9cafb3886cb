/**
 * The PostgreSQL storage's module descriptor from outside: a consumer module compiled with javac
 * and run in a child JVM on the module path, running a flow on PostgreSQL.
 */
@NullMarked
package io.flowengine.postgres.module;

import org.jspecify.annotations.NullMarked;
