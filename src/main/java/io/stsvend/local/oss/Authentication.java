package io.stsvend.local.oss;

import io.stsvend.local.SessionClaims;

/** The outcome of a verified request: the STS session it was signed for and the AccessKeyId used. */
record Authentication(SessionClaims session, String accessKeyId) {
}
