/**
 * The H2 storage's module descriptor from outside: a consumer module compiled with javac and run in
 * a child JVM on the module path, running a flow on an H2 file.
 */
@NullMarked
package io.flowengine.h2.module;

import org.jspecify.annotations.NullMarked;
