/**
 * The three reference templates of the hosted Flows API implemented for real, locally and
 * deterministically: {@link io.flowengine.samples.SampleTemplates} registers {@code
 * model_generate_fromprompt}, {@code model_generate_fromimage} and {@code model_optimize} on a
 * {@code FlowEngine.Builder}. Each template is a step class here; the geometry, image and
 * file-format work lives in the subpackages. Every output is a glTF 2.0 binary.
 */
@NullMarked
package io.flowengine.samples;

import org.jspecify.annotations.NullMarked;
