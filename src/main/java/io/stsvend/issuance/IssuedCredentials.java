package io.stsvend.issuance;

import io.stsvend.grant.Grant;
import io.stsvend.sts.TemporaryCredentials;

import java.util.List;

/** What a caller receives: the temporary credentials, the grants they carry, and how they were obtained. */
public record IssuedCredentials(TemporaryCredentials credentials, List<Grant> grants, CacheOutcome outcome) {
}
