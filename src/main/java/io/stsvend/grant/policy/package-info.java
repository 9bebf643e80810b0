/**
 * RAM policy language (spec §3) for the embedded STS and OSS emulators and for least-privilege tests: a strict
 * parser ({@link io.stsvend.grant.policy.PolicyDocument}), request model
 * ({@link io.stsvend.grant.policy.AccessRequest}) and the §3.5 evaluator
 * ({@link io.stsvend.grant.policy.PolicyEvaluator}). Plain Java + Jackson, no CDI.
 *
 * <p>Decisions taken where the Alibaba documents are silent, each pinned by a test:
 * <ul>
 * <li>Grammar is strict: exact member names, no {@code Principal} outside resource policies, no
 * {@code NotResource}/{@code IfExists}/{@code Null}, duplicate JSON members rejected, and condition values must be
 * JSON strings (bare {@code 10} / {@code true} are rejected).</li>
 * <li>A condition key missing from the request: positive operators do not match; negated operators
 * (StringNotEquals, StringNotEqualsIgnoreCase, StringNotLike, NumericNotEquals, DateNotEquals, NotIpAddress) do
 * match — AWS semantics, no Alibaba source says otherwise. Condition key names are case-insensitive.</li>
 * <li>Resource ARNs match field by field ({@code acs}, service, region, account), then the relative id as a whole
 * with {@code *} crossing {@code /}; an account {@code *} matches any concrete account id.</li>
 * <li>Object keys are compared raw: {@code users/alice/../bob/x} is inside {@code users/alice/*}, as in OSS, which
 * does not normalise {@code ..}. Keeping {@code ..} out of keys a user may name is the grant layer's job.</li>
 * <li>Building the request context is the caller's job: for ListObjects the OSS emulator passes
 * {@code oss:Prefix = ""} when the request had no prefix (spec §3.6), and the requester's ids under
 * {@link io.stsvend.grant.policy.AccessRequest#PRINCIPAL_KEY} for bucket policies with a Principal.</li>
 * </ul>
 */
package io.stsvend.grant.policy;
