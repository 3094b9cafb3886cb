/**
 * The module descriptor from outside: a consumer module compiled with javac and run in a child JVM
 * on the module path, which can use the API and cannot reach the implementation.
 */
@NullMarked
package io.flowengine.module;

import org.jspecify.annotations.NullMarked;
