/** What GET /credentials returned, with `expiration` parsed. */
export interface StsvendCredential {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  expiration: Date;
  /** The OSS region the service names (e.g. `cn-hangzhou`). */
  region?: string;
  /** The OSS endpoint the app should use. */
  endpoint?: string;
  /** What the credential allows: `[{bucket, prefix, access[, objects]}]`. */
  grants: Array<{ bucket: string; prefix: string; access: string[]; objects?: string[] }>;
}

export interface StsvendCredentialsOptions {
  /** The service's base URL; the module calls `<endpoint>/credentials`. */
  endpoint: string;
  /** The app's current JWT for the signed-in user; called once per request to the service. */
  getToken: () => string | Promise<string>;
  /**
   * Refresh when the held credential has less than this left, in seconds (0 – 43200, default 300). Keep it at or
   * below the service's `stsvend.cache.min-remaining` (default 5 min).
   */
  minValiditySeconds?: number;
  /** Narrow the credential: `GET /credentials?access=...` (`read`, `write`, `delete`, `list`). */
  access?: string | string[];
  /** Narrow the credential to a prefix under the user's grants: `GET /credentials?prefix=...`. */
  prefix?: string;
  /** A WHATWG fetch; default the platform's. Mini-programs pass an adapter over their request API. */
  fetch?: (url: string, init: { method: string; headers: Record<string, string>; signal?: AbortSignal }) =>
    Promise<{ ok: boolean; status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;
  /** The clock, epoch milliseconds; default `Date.now`. Tests move it instead of waiting. */
  now?: () => number;
  /** Deadline of one request to the service, in ms (1 – 120000, default 10000). */
  timeoutMs?: number;
}

/** The options ali-oss needs to sign with, and to refresh through this module. */
export interface AliOssCredentialOptions {
  accessKeyId: string;
  accessKeySecret: string;
  stsToken: string;
  refreshSTSToken: () => Promise<{ accessKeyId: string; accessKeySecret: string; stsToken: string }>;
  refreshSTSTokenInterval: number;
}

export interface StsvendCredentials {
  /**
   * A credential with more than `minValiditySeconds` left: the held one, or one fresh request shared by every
   * concurrent caller. After a passing failure (unreachable, timeout, 429, 5xx) the held credential is served while
   * it has 30 s left, and the service is asked again after Retry-After (else 5 s). With `{ minValiditySeconds: n }`, one with at least n seconds left, or a rejection with
   * code `validity-unavailable` when even a fresh answer expires sooner.
   */
  credentials(request?: { minValiditySeconds?: number }): Promise<StsvendCredential>;
  /** ali-oss's `refreshSTSToken` option. */
  refreshSTSToken(): Promise<{ accessKeyId: string; accessKeySecret: string; stsToken: string }>;
  /** Spread into `new OSS({...})`: the credential plus `refreshSTSToken` and `refreshSTSTokenInterval: 0`. */
  ossOptions(credential: StsvendCredential): AliOssCredentialOptions;
  /** Forget the held credential (sign-out, user switch): the next call asks the service. */
  invalidate(): void;
}

export function createStsvendCredentials(options: StsvendCredentialsOptions): StsvendCredentials;

/**
 * Refusals asking again cannot change, `subject-blocked` among them (an admin suspended the user: the held
 * credential is dropped and calls reject without asking the service for 60 s or until invalidate()).
 */
export const NON_RETRYABLE_CODES: readonly string[];

/** A refusal or failure of GET /credentials; never carries the JWT or a credential. */
export class StsvendError extends Error {
  readonly name: 'StsvendError';
  /** HTTP status; undefined when the service did not answer. */
  readonly status?: number;
  /**
   * The service's problem code (`unauthenticated`, `invalid-claim`, `no-grants`, `forbidden`, `rate-limited`,
   * `sts-throttled`, `sts-unavailable`, ...) or this module's: `unreachable`, `timeout`, `no-token`,
   * `bad-response`, `validity-unavailable`.
   */
  readonly code: string;
  /** The service's Retry-After, in seconds, on 429 and 503. */
  readonly retryAfterSeconds?: number;
  /** False for NON_RETRYABLE_CODES and any other 4xx but 429: retrying cannot help, the app must act. */
  readonly retryable: boolean;
}
