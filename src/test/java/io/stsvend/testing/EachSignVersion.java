package io.stsvend.testing;

import com.aliyun.oss.common.comm.SignVersion;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs the test once with each signature version the SDK and the emulator speak (V1 and V4), passing the
 * {@link SignVersion}: every OSS behaviour must hold whichever way the request was signed.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest
@EnumSource(value = SignVersion.class, names = {"V1", "V4"})
public @interface EachSignVersion {
}
