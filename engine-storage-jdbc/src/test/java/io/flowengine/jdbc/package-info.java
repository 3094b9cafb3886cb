/** Tests of the grouped write path, on a real (in-memory H2) database. */
@NullMarked
package io.flowengine.jdbc;

import org.jspecify.annotations.NullMarked;
