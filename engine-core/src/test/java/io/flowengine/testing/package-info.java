/** Tests of the test support: the fake engine's modes and the reference templates' GLB output. */
@NullMarked
package io.flowengine.testing;

import org.jspecify.annotations.NullMarked;
