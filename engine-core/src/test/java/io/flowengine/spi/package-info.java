/**
 * Tests of the SPI's own logic: the listing order every store shares and the bounded selection the
 * in-memory flow store lists with. The store contract suites are in engine-tck.
 */
@NullMarked
package io.flowengine.spi;

import org.jspecify.annotations.NullMarked;
