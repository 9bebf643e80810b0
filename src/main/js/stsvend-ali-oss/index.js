// stsvend-ali-oss: temporary OSS credentials from stsvend's GET /credentials for ali-oss apps (browser, React Native,
// mini-programs). No dependencies: it needs a fetch (the platform's, or one the app passes in) and nothing else.

const DEFAULT_MIN_VALIDITY_SECONDS = 300;
const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_BODY_CHARS = 64 * 1024;
const STILL_USABLE_MS = 30_000;
const DEFAULT_BACKOFF_SECONDS = 5;
// An admin's block lasts minutes to days: after a subject-blocked answer, ask again no sooner than this.
const BLOCKED_PAUSE_MS = 60_000;

/**
 * Refusals that asking again cannot change: the app must act (sign in again, tell the user). `subject-blocked`
 * means an administrator suspended the user's credentials: the held credential is dropped, and for the next 60 s
 * (or until invalidate()) every call rejects with the same error without asking the service, so an app that calls
 * in a loop (ali-oss refreshes before each request) does not hammer it.
 */
export const NON_RETRYABLE_CODES = Object.freeze(['unauthenticated', 'invalid-claim', 'no-grants', 'forbidden',
  'subject-blocked', 'bad-request', 'policy-too-large', 'validity-unavailable', 'no-token', 'bad-response']);

// Failures worth riding out on a still-valid credential; a refusal (401, 403, 400) is the app's to handle at once.
function transient(error) {
  return error instanceof StsvendError && (error.code === 'unreachable' || error.code === 'timeout'
    || error.status === 429 || error.status >= 500);
}

/**
 * A refusal or failure of GET /credentials. `status` is the HTTP status (absent when no answer came), `code` the
 * service's stable problem code (`unauthenticated`, `invalid-claim`, `no-grants`, `forbidden`, `rate-limited`,
 * `sts-throttled`, `sts-unavailable`, ...) or one of this module's (`unreachable`, `timeout`, `no-token`,
 * `bad-response`, `validity-unavailable`). Messages never contain the JWT or any credential.
 */
export class StsvendError extends Error {
  constructor(message, { status, code, retryAfterSeconds, cause } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'StsvendError';
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
    /** False for a refusal in NON_RETRYABLE_CODES (and any other 4xx but 429): retrying cannot help. */
    this.retryable = !NON_RETRYABLE_CODES.includes(code) && (status === undefined || status === 429 || status >= 500);
  }
}

/**
 * Creates a credential source for one user session. See README.md for the contract; in short:
 * - `credentials()` resolves to a credential with more than `minValiditySeconds` left, from memory while the last
 *   one has, else from GET /credentials; concurrent callers share exactly one request in flight;
 * - `credentials({ minValiditySeconds: n })` asks for at least n seconds for a long operation, and rejects with
 *   `validity-unavailable` when even a fresh answer expires sooner;
 * - `refreshSTSToken` and `ossOptions()` plug it into ali-oss;
 * - after a passing failure the held credential is served while it has 30 s left, with a backoff;
 * - `invalidate()` (sign-out, user switch) forgets the held credential and any request in flight.
 */
export function createStsvendCredentials(options) {
  const config = checkOptions(options);
  let current = null;
  let inFlight = null;

  function remainingMs(credential) {
    return credential.expiration.getTime() - config.now();
  }

  // Bumped by invalidate(): a request started for the previous user never becomes the held credential.
  let generation = 0;
  // A subject-blocked refusal, answered again without asking until blockedUntil (see NON_RETRYABLE_CODES).
  let blocked = null;
  let blockedUntil = 0;

  function fetchShared() {
    if (inFlight === null) {
      const started = generation;
      const flight = fetchCredential(config).then((fresh) => {
        // Refresh minValidity before expiry; a credential that came with less than that left (the service's
        // cache keeps less margin than asked for) is kept for half of what it had, so callers never loop on it.
        const left = remainingMs(fresh);
        const margin = Math.min(config.minValidityMs, Math.max(0, left) / 2);
        const entry = { ...fresh, refreshAt: fresh.expiration.getTime() - margin };
        if (generation === started) {
          current = entry;
        }
        return entry;
      }, (error) => {
        if (error instanceof StsvendError && error.code === 'subject-blocked' && generation === started) {
          // An admin revoked this user: stop handing out the credential held for them, and stop asking.
          current = null;
          blocked = error;
          blockedUntil = config.now() + BLOCKED_PAUSE_MS;
        }
        throw error;
      }).finally(() => {
        if (inFlight === flight) {
          inFlight = null;
        }
      });
      inFlight = flight;
    }
    return inFlight;
  }

  // After a transient failure (unreachable, timeout, 429, 5xx) the held credential keeps being served while it
  // is still valid for at least STILL_USABLE_MS, and the service is asked again only after a backoff.
  let retryAt = 0;
  function checkBlocked() {
    if (blocked !== null && config.now() < blockedUntil) {
      throw blocked;
    }
    blocked = null;
  }

  async function refreshOrKeep() {
    checkBlocked();
    const held = current;
    if (held !== null && config.now() < retryAt && remainingMs(held) >= STILL_USABLE_MS) {
      return held;
    }
    try {
      return await fetchShared();
    } catch (error) {
      if (!transient(error) || held === null || held !== current || remainingMs(held) < STILL_USABLE_MS) {
        throw error;
      }
      retryAt = config.now() + 1000 * (error.retryAfterSeconds ?? DEFAULT_BACKOFF_SECONDS);
      return held;
    }
  }

  async function credentials({ minValiditySeconds } = {}) {
    if (minValiditySeconds === undefined) {
      const held = current !== null && config.now() < current.refreshAt ? current : await refreshOrKeep();
      return publicView(held);
    }
    const wantedMs = checkSeconds(minValiditySeconds, 'minValiditySeconds') * 1000;
    checkBlocked();
    if (current !== null && remainingMs(current) >= wantedMs) {
      return publicView(current);
    }
    // A request already in flight may have been answered from the service's cache with less left than this
    // caller wants: join it, and if it falls short, ask once more.
    const joined = inFlight !== null;
    let fresh = await fetchShared();
    if (joined && remainingMs(fresh) < wantedMs) {
      fresh = await fetchShared();
    }
    if (remainingMs(fresh) < wantedMs) {
      throw new StsvendError(`stsvend issued credentials valid for ${Math.floor(remainingMs(fresh) / 1000)} s,`
        + ` less than the ${minValiditySeconds} s asked for: split the work (ali-oss refreshes between parts) or`
        + ' ask the operator for a longer stsvend.sts.duration', { code: 'validity-unavailable' });
    }
    return publicView(fresh);
  }

  async function refreshSTSToken() {
    const { accessKeyId, accessKeySecret, securityToken } = await credentials();
    // Only these keys: ali-oss copies whatever this returns into its options (a `region` would replace its own).
    return { accessKeyId, accessKeySecret, stsToken: securityToken };
  }

  function ossOptions(credential) {
    if (!credential || !credential.accessKeyId) {
      throw new TypeError('ossOptions(credential) needs a credential from credentials()');
    }
    return {
      accessKeyId: credential.accessKeyId,
      accessKeySecret: credential.accessKeySecret,
      stsToken: credential.securityToken,
      refreshSTSToken,
      // ali-oss asks before every request once this interval has passed; asking is free while the held
      // credential is fresh, so ask every time and let the expiry (not a timer) decide.
      refreshSTSTokenInterval: 0,
    };
  }

  function invalidate() {
    generation++;
    current = null;
    inFlight = null;
    retryAt = 0;
    blocked = null;
  }

  return { credentials, refreshSTSToken, ossOptions, invalidate };
}

function publicView(credential) {
  const { accessKeyId, accessKeySecret, securityToken, expiration, region, endpoint, grants } = credential;
  return { accessKeyId, accessKeySecret, securityToken, expiration: new Date(expiration), region, endpoint, grants };
}

async function fetchCredential(config) {
  let token;
  try {
    token = await config.getToken();
  } catch (cause) {
    throw new StsvendError('getToken() failed: no JWT to ask stsvend with', { code: 'no-token', cause });
  }
  if (typeof token !== 'string' || token.length === 0) {
    throw new StsvendError('getToken() returned no JWT', { code: 'no-token' });
  }
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (controller) {
      controller.abort();
    }
  }, config.timeoutMs);
  try {
    let response;
    try {
      response = await config.fetch(config.url, {
        method: 'GET',
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        ...(controller ? { signal: controller.signal } : {}),
      });
    } catch (cause) {
      throw timedOut
        ? new StsvendError(`stsvend did not answer within ${config.timeoutMs} ms`, { code: 'timeout' })
        : new StsvendError('stsvend is unreachable', { code: 'unreachable', cause: safeCause(cause) });
    }
    const text = await response.text();
    if (timedOut) {
      throw new StsvendError(`stsvend did not answer within ${config.timeoutMs} ms`, { code: 'timeout' });
    }
    if (!response.ok) {
      throw refusal(response, text);
    }
    return parseCredential(response.status, text);
  } finally {
    clearTimeout(timer);
  }
}

// A network error's message may quote the URL, which is the app's own; never anything this module was given.
function safeCause(cause) {
  return cause instanceof Error ? new Error(cause.message) : undefined;
}

function refusal(response, text) {
  const problem = parseJson(text);
  const code = problem && typeof problem.code === 'string' ? problem.code : 'http-' + response.status;
  const detail = problem && typeof problem.detail === 'string' ? problem.detail
    : problem && typeof problem.title === 'string' ? problem.title : '';
  const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
  return new StsvendError(`stsvend refused credentials: ${response.status} ${code}${detail ? ': ' + detail : ''}`,
    { status: response.status, code, retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined });
}

function parseCredential(status, text) {
  const body = parseJson(text);
  const expiration = body && typeof body.expiration === 'string' ? new Date(body.expiration) : null;
  const valid = body && ['accessKeyId', 'accessKeySecret', 'securityToken'].every(
    (key) => typeof body[key] === 'string' && body[key].length > 0);
  if (!valid || expiration === null || Number.isNaN(expiration.getTime())) {
    // Name no field value: a half-parsed body may hold a secret.
    throw new StsvendError('stsvend answered without accessKeyId, accessKeySecret, securityToken and expiration'
      + ' (is the endpoint the service\'s base URL, and format native?)', { status, code: 'bad-response' });
  }
  return {
    accessKeyId: body.accessKeyId,
    accessKeySecret: body.accessKeySecret,
    securityToken: body.securityToken,
    expiration,
    region: body.region,
    endpoint: body.endpoint,
    grants: Array.isArray(body.grants) ? body.grants : [],
  };
}

function parseJson(text) {
  if (typeof text !== 'string' || text.length > MAX_BODY_CHARS) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function checkSeconds(value, name) {
  if (!Number.isInteger(value) || value < 0 || value > 43_200) {
    throw new TypeError(`${name} must be a whole number of seconds from 0 to 43200`);
  }
  return value;
}

function checkOptions(options) {
  const { endpoint, getToken, access, prefix } = options ?? {};
  if (typeof endpoint !== 'string' || !/^https?:\/\//.test(endpoint)) {
    throw new TypeError('endpoint must be the stsvend base URL, e.g. https://sts.example.com');
  }
  if (typeof getToken !== 'function') {
    throw new TypeError('getToken must be a function returning the app\'s JWT (or a promise of it)');
  }
  // The platform's fetch must be called on globalThis (browsers throw 'Illegal invocation' otherwise).
  const fetchImpl = options.fetch ?? (typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : null);
  if (typeof fetchImpl !== 'function') {
    throw new TypeError('no fetch on this platform: pass options.fetch (see README for mini-programs)');
  }
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') {
    throw new TypeError('now must be a function returning epoch milliseconds');
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 120_000) {
    throw new TypeError('timeoutMs must be a whole number from 1 to 120000');
  }
  const url = new URL('credentials', endpoint.endsWith('/') ? endpoint : endpoint + '/');
  if (access !== undefined) {
    url.searchParams.set('access', Array.isArray(access) ? access.join(',') : String(access));
  }
  if (prefix !== undefined) {
    url.searchParams.set('prefix', String(prefix));
  }
  return {
    url: url.toString(),
    getToken,
    fetch: fetchImpl,
    now,
    timeoutMs,
    minValidityMs: checkSeconds(options.minValiditySeconds ?? DEFAULT_MIN_VALIDITY_SECONDS, 'minValiditySeconds')
      * 1000,
  };
}
