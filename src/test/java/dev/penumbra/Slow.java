package dev.penumbra;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test (or a test class whose setup trains or generates a full data set) as slow: it trains models for many
 * steps, runs the demo, or starts a separate JVM. {@code mvn test -Pfast} (or {@code -DexcludedGroups=slow}) leaves
 * these out for a quick check while developing; {@code mvn -B verify} and CI run everything. Tag by measurement
 * (target/surefire-reports on a quiet machine), not by guess: a test of about a second or more, or a class whose
 * setup takes several seconds.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
}
