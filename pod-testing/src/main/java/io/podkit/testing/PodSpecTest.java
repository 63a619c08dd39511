package io.podkit.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class about pod specs: shorthand for {@code @ExtendWith(PodSpecs.class)}, which
 * lets its test methods take {@link PodFile @PodFile} parameters. The test methods themselves are
 * ordinary {@code @Test} methods.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(PodSpecs.class)
public @interface PodSpecTest {}
