package io.stsvend.configcheck;

import java.util.List;

/**
 * One configuration group's startup rules (STS and grants, cache, miss limits, shared cache, JWKS, uploads,
 * callbacks, explain, admin, local mode). Implementations are CDI beans; {@link StartupCheck} asks every one of
 * them and fails the start once, listing all problems together.
 *
 * <p>Contract: {@link #problems()} reads configuration only (no I/O), never throws for a bad value (it reports it),
 * and names the property in each problem without quoting a secret.
 */
public interface ConfigurationRule {

    /** Every problem of this group, one sentence each starting with the property; empty when valid. */
    List<String> problems();
}
