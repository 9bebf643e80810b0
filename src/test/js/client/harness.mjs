// What the client-module tests share: the running service (from the JUnit test's environment), a fetch that counts
// GET /credentials, a clock the test moves, and ali-oss clients built from the module as an app would build them.
import OSS from 'ali-oss';
import { createStsvendCredentials } from '../../../main/js/stsvend-ali-oss/index.js';

export const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run this file through its JUnit test (AliOssClientModuleE2eTest)`);
  }
  return value;
};

/** A credential source for `jwt` with a counted fetch and a movable clock. */
export function session({ jwt = env('STSVEND_JWT'), endpoint = env('STSVEND_URL'), ...options } = {}) {
  const state = { fetches: 0, nowMs: Date.now(), jwt };
  const countingFetch = (url, init) => {
    if (new URL(url).pathname.endsWith('/credentials')) {
      state.fetches++;
    }
    return fetch(url, init);
  };
  const credentials = createStsvendCredentials({
    endpoint, getToken: async () => state.jwt, fetch: countingFetch, now: () => state.nowMs, ...options,
  });
  return { state, credentials };
}

/** An ali-oss client on the bucket, from the first credential the way the module's README says. */
export async function ossClient(credentials) {
  const first = await credentials.credentials();
  return new OSS({
    endpoint: first.endpoint,
    bucket: env('STSVEND_BUCKET'),
    // As the README's "Use it from your app" says: ali-oss wants the oss- prefix on the region; given an IP endpoint
    // it connects to the IP and names the bucket in the Host header, as real OSS expects.
    region: `oss-${first.region}`,
    retryMax: 0,
    timeout: 60_000,
    ...credentials.ossOptions(first),
  });
}

export const ownPrefix = () => `users/${env('STSVEND_SUBJECT')}/`;
