package io.stsvend.cloudbox.oss;

import io.stsvend.cloudbox.SessionClaims;

/** The outcome of a verified request: the STS session it was signed for and the AccessKeyId used. */
record Authentication(SessionClaims session, String accessKeyId) {
}
