/**
 * Tests of the API through a real engine: operations, validation, state rules, listing, running
 * flows, accounts and keys, limits and hostile input, plus the architecture rules of the packages.
 */
@NullMarked
package io.flowengine;

import org.jspecify.annotations.NullMarked;
