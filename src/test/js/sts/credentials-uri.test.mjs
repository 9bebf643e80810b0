// @alicloud/credentials with type credentials_uri reading GET /credentials?format=credentials-uri of a running
// stsvend. The SDK sends a bare GET (no headers, no hook to add one), so it cannot present the app user's JWT
// itself: the first test shows the service refusing it, the others put a loopback agent the test controls in
// between (it adds `Authorization: Bearer <jwt>` and changes nothing else) and check that the SDK reads the §7.3
// body, caches it until 15 minutes before Expiration, then fetches again, and that the credentials it hands out
// sign for a Tea client.
//
// Environment: SERVICE_URL, JWT, STS_ENDPOINT (host:port), ROLE_ARN.
import { describe, it, before, after, mock } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import CredentialsPackage from '@alicloud/credentials';
import * as OpenApiCore from '@alicloud/openapi-core';
import Sts from '@alicloud/sts20150401';

const Credential = CredentialsPackage.default;
const { Config } = CredentialsPackage;
const env = (name) => {
  const value = process.env[name];
  assert.ok(value, `${name} must be set`);
  return value;
};
const SERVICE = `${env('SERVICE_URL')}/credentials?format=credentials-uri`;

let agent;
let agentUrl;
let fetches = 0;

before(async () => {
  agent = http.createServer(async (request, response) => {
    fetches++;
    const upstream = await fetch(SERVICE, { headers: { Authorization: `Bearer ${env('JWT')}` } });
    response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/plain' });
    response.end(await upstream.text());
  });
  await new Promise((resolve) => agent.listen(0, '127.0.0.1', resolve));
  agentUrl = `http://127.0.0.1:${agent.address().port}/credentials`;
});

after(() => agent.close());

async function direct() {
  const response = await fetch(SERVICE, { headers: { Authorization: `Bearer ${env('JWT')}` } });
  assert.equal(response.status, 200);
  return response.json();
}

describe('@alicloud/credentials credentials_uri', () => {
  it('cannot present the JWT itself: a bare GET to the service is refused', async () => {
    const credential = new Credential(new Config({ type: 'credentials_uri', credentialsURI: SERVICE }));

    await assert.rejects(credential.getCredential(), /httpStatus: 401/);
  });

  it('reads what the service vends', async () => {
    const expected = await direct();
    const credential = new Credential(new Config({ type: 'credentials_uri', credentialsURI: agentUrl }));

    const model = await credential.getCredential();

    assert.equal(expected.Code, 'Success');
    assert.equal(model.accessKeyId, expected.AccessKeyId);
    assert.equal(model.accessKeySecret, expected.AccessKeySecret);
    assert.equal(model.securityToken, expected.SecurityToken);
    assert.equal(model.type, 'credentials_uri');
  });

  it('keeps the credentials until 15 minutes before Expiration, then fetches again', async (t) => {
    const { Expiration } = await direct();
    const expiresAt = Date.parse(Expiration);
    assert.ok(expiresAt - Date.now() > 20 * 60 * 1000, `the service should vend > 20 minutes, got ${Expiration}`);
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const credential = new Credential(new Config({ type: 'credentials_uri', credentialsURI: agentUrl }));
    const before = fetches;

    await credential.getCredential();
    await credential.getCredential();
    assert.equal(fetches - before, 1, 'a fresh credential is served from the SDK cache');

    t.mock.timers.setTime(expiresAt - 14 * 60 * 1000);
    const refreshed = await credential.getCredential();

    assert.equal(fetches - before, 2, 'within 15 minutes of Expiration the SDK fetches again');
    assert.match(refreshed.accessKeyId, /^STS\./);
  });

  it('hands out credentials a Tea client signs with, which still cannot assume the role', async () => {
    const credential = new Credential(new Config({ type: 'credentials_uri', credentialsURI: agentUrl }));
    const client = new Sts.default(new OpenApiCore.$OpenApiUtil.Config({ credential, endpoint: env('STS_ENDPOINT'),
      protocol: 'http' }));

    const identity = (await client.getCallerIdentity()).body;
    const refused = await client.assumeRole(new Sts.AssumeRoleRequest({ roleArn: env('ROLE_ARN'),
      roleSessionName: 'escalate' })).then(() => assert.fail('AssumeRole must be refused'), (e) => e);

    assert.equal(identity.identityType, 'AssumedRoleUser');
    assert.equal(refused.code, 'NoPermission');
    assert.equal(refused.statusCode, 403);
  });
});
