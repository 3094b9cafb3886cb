/** Tests of the Spring Boot auto-configuration. */
@NullMarked
package io.flowengine.spring;

import org.jspecify.annotations.NullMarked;
