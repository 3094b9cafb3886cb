/**
 * The command-line demo: {@link io.flowengine.samples.demo.DemoMain} runs one flow per reference
 * template on an embedded engine kept in H2, prints progress and a summary, and writes the GLBs,
 * PNG previews and an offline HTML viewer page.
 */
@NullMarked
package io.flowengine.samples.demo;

import org.jspecify.annotations.NullMarked;
