/** The root README's PostgreSQL example, compiled, run, and compared with the README. */
@NullMarked
package io.flowengine.postgres.readme;

import org.jspecify.annotations.NullMarked;
