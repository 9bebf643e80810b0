package io.stsvend.cloudbox.oss;

import io.stsvend.cloudbox.SessionTokenCodec;

import java.time.Clock;

/**
 * What every signature verifier of the emulator checks against: the STS sessions behind temporary keys, the
 * emulator clock's signing-time window, and the region a V4 credential scope must name. Built once per emulator so
 * header, presigned-URL and PostObject-form signatures are judged by the same rules.
 */
record SigningRules(SessionCredentials credentials, SigningTime time, String region) {

    static SigningRules of(SessionTokenCodec codec, Clock clock, String region) {
        return new SigningRules(new SessionCredentials(codec, clock), new SigningTime(clock), region);
    }
}
