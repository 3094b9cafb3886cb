/**
 * Tests of the software renderer: the model drawn in the middle of the picture and nothing outside
 * it, the same pixels for the same model.
 */
@NullMarked
package io.flowengine.samples.demo.render;

import org.jspecify.annotations.NullMarked;
