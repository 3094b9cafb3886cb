/**
 * The README's code blocks, compiled and run, and the check that the README shows them line for
 * line.
 */
@NullMarked
package io.flowengine.readme;

import org.jspecify.annotations.NullMarked;
