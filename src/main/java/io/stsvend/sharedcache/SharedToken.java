package io.stsvend.sharedcache;

import io.stsvend.sts.TemporaryCredentials;

import java.time.Instant;

/** A token and the instant its refresh is due, as it travels sealed through the shared cache. */
public record SharedToken(TemporaryCredentials credentials, Instant refreshAt) {
}
