/**
 * Tests of the H2 storage: the engine-tck contract suites on a file and in memory, opening and
 * migrating, recovery on open, crashes of a real child process, disk faults, retention, listing
 * plans and large streamed assets.
 */
@NullMarked
package io.flowengine.h2;

import org.jspecify.annotations.NullMarked;
