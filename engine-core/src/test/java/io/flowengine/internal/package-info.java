/**
 * Tests of the engine's implementation from inside its package: transitions, races between
 * finishing and aborting, recovery, ids, and a randomized check of the state machine.
 */
@NullMarked
package io.flowengine.internal;

import org.jspecify.annotations.NullMarked;
