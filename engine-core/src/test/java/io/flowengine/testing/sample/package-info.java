/**
 * A complete example of a host application ({@code ModelStudio}) tested with {@code
 * io.flowengine.testing}, as the README describes it: no sleeps, every wait on the event itself.
 */
@NullMarked
package io.flowengine.testing.sample;

import org.jspecify.annotations.NullMarked;
