// ali-oss (the JS SDK of browsers, React Native and mini-programs) against stsvend's emulated OSS, with credentials
// exactly as GET /credentials vends them. Each check asserts what Alibaba documents for real OSS.
// Environment: STSVEND_URL (the service), ALICE_JWT (a signed-in user whose grant is app-bucket/users/alice/).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import OSS from 'ali-oss';
import { createOssClient } from './app-client.mjs';

const { STSVEND_URL, ALICE_JWT } = process.env;
const BUCKET = 'app-bucket';
const OTHER_BUCKET = 'other-bucket';

async function vend(jwt) {
  const response = await fetch(`${STSVEND_URL}/credentials`, { headers: { Authorization: `Bearer ${jwt}` } });
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

// The client as the README says to build it: endpoint and region from the response (ali-oss wants oss-<region>).
function client(credentials, options = {}) {
  return new OSS({
    endpoint: credentials.endpoint,
    region: `oss-${credentials.region}`,
    bucket: BUCKET,
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    stsToken: credentials.securityToken,
    retryMax: 0,
    refreshSTSTokenInterval: 60 * 60 * 1000,
    ...options,
  });
}

// ali-oss refuses to build URLs for an IP endpoint ("can not get the object URL when endpoint is IP"): presigned
// URLs need a host name, here localhost, addressed path style (sldEnable) since *.localhost does not resolve in Node.
function urlClient(credentials, options) {
  const endpoint = new URL(credentials.endpoint);
  endpoint.hostname = 'localhost';
  return client(credentials, { ...options, endpoint: endpoint.origin, sldEnable: true });
}

async function refused(promise, status, code) {
  await assert.rejects(promise, (err) => {
    assert.equal(err.status, status, `${err.code}: ${err.message}`);
    assert.equal(err.code, code, err.message);
    return true;
  });
}

function sha256(buffer) {
  return createHash('sha256').update(buffer).digest('hex');
}

function flip(text, at) {
  return text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
}

function isoBasic(date) {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

for (const [version, signing] of [['V1', {}], ['V4', { authorizationV4: true }]]) {
  describe(`ali-oss signing ${version}`, () => {
    const folder = `users/alice/ali-oss-${version}/`;
    let credentials;
    let oss;

    before(async () => {
      credentials = await vend(ALICE_JWT);
      oss = client(credentials, signing);
    });

    it('put, get, head, range get and delete in the own folder', async () => {
      const body = Buffer.from('0123456789abcdef');
      const put = await oss.put(`${folder}notes.txt`, body, { mime: 'text/plain', meta: { colour: 'blue' } });
      assert.equal(put.res.status, 200);

      const got = await oss.get(`${folder}notes.txt`);
      assert.deepEqual(got.content, body);
      const head = await oss.head(`${folder}notes.txt`);
      assert.equal(head.status, 200);
      assert.equal(head.res.headers['content-length'], '16');
      assert.equal(head.res.headers['content-type'], 'text/plain');
      assert.equal(head.meta.colour, 'blue');
      const range = await oss.get(`${folder}notes.txt`, { headers: { Range: 'bytes=4-9' } });
      assert.equal(range.res.status, 206);
      assert.equal(range.content.toString(), '456789');

      const deleted = await oss.delete(`${folder}notes.txt`);
      assert.equal(deleted.res.status, 204);
      await refused(oss.get(`${folder}notes.txt`), 404, 'NoSuchKey');
    });

    it('list and listV2 page through the own folder', async () => {
      const names = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'sub/f.txt'].map((n) => `${folder}list/${n}`);
      for (const name of names) {
        await oss.put(name, Buffer.from(name));
      }
      const v1 = [];
      let marker;
      do {
        // Only defined parameters: V4 signs every query parameter it is given, an undefined one too.
        const page = await oss.list({ prefix: `${folder}list/`, 'max-keys': 2, ...(marker ? { marker } : {}) });
        assert.ok(page.objects.length <= 2);
        v1.push(...page.objects.map((o) => o.name));
        marker = page.isTruncated ? page.nextMarker : undefined;
      } while (marker);
      assert.deepEqual(v1, names);

      const v2 = [];
      let token;
      do {
        const page = await oss.listV2({ prefix: `${folder}list/`, 'max-keys': 2,
          ...(token ? { 'continuation-token': token } : {}) });
        assert.ok(page.objects.length <= 2);
        v2.push(...page.objects.map((o) => o.name));
        token = page.isTruncated ? page.nextContinuationToken : undefined;
      } while (token);
      assert.deepEqual(v2, names);

      const folders = await oss.listV2({ prefix: `${folder}list/`, delimiter: '/' });
      assert.deepEqual(folders.prefixes, [`${folder}list/sub/`]);
      assert.equal(folders.objects.length, 5);
    });

    it('multipartUpload of 12 MB reads back identical', async () => {
      const content = randomBytes(12 * 1024 * 1024);
      const result = await oss.multipartUpload(`${folder}big.bin`, content, { partSize: 5 * 1024 * 1024 });
      assert.equal(result.res.status, 200);
      const got = await oss.get(`${folder}big.bin`);
      assert.equal(sha256(got.content), sha256(content));
    });

    it('copy within the own folder, keeping or replacing metadata', async () => {
      await oss.put(`${folder}source.txt`, Buffer.from('copy me'), { mime: 'text/plain', meta: { colour: 'blue' } });

      const copied = await oss.copy(`${folder}copy.txt`, `${folder}source.txt`);
      assert.equal(copied.res.status, 200);
      assert.equal((await oss.get(`${folder}copy.txt`)).content.toString(), 'copy me');
      assert.equal((await oss.head(`${folder}copy.txt`)).meta.colour, 'blue');

      await oss.copy(`${folder}replaced.txt`, `${folder}source.txt`, { meta: { shape: 'round' } });
      const replaced = await oss.head(`${folder}replaced.txt`);
      assert.equal(replaced.meta.shape, 'round');
      assert.equal(replaced.meta.colour, undefined);
    });

    if (version === 'V1') {
      it('signatureUrl for PUT and GET', async () => {
        const links = urlClient(credentials, signing);
        const name = `${folder}presigned.bin`;
        const body = randomBytes(1000);
        const put = await fetch(links.signatureUrl(name, { method: 'PUT', expires: 600 }), { method: 'PUT', body });
        assert.equal(put.status, 200, await put.text());
        const get = await fetch(links.signatureUrl(name, { expires: 600 }));
        assert.equal(get.status, 200);
        assert.equal(sha256(Buffer.from(await get.arrayBuffer())), sha256(body));
      });
    } else {
      it('signatureUrlV4 for PUT and GET', async () => {
        const links = urlClient(credentials, signing);
        const name = `${folder}presigned.bin`;
        const body = randomBytes(1000);
        const put = await fetch(await links.signatureUrlV4('PUT', 600, {}, name), { method: 'PUT', body });
        assert.equal(put.status, 200, await put.text());
        const get = await fetch(await links.signatureUrlV4('GET', 600, {}, name));
        assert.equal(get.status, 200);
        assert.equal(sha256(Buffer.from(await get.arrayBuffer())), sha256(body));
      });
    }

    it('PostObject signed by ali-oss', async () => {
      const expiration = new Date(Date.now() + 10 * 60 * 1000).toISOString();
      const key = `${folder}form.bin`;
      const file = randomBytes(2048);
      const form = new FormData();
      if (version === 'V1') {
        const policy = {
          expiration,
          conditions: [{ bucket: BUCKET }, ['starts-with', '$key', folder], ['content-length-range', 1, 1048576]],
        };
        const signed = oss.calculatePostSignature(policy);
        form.append('key', key);
        form.append('policy', signed.policy);
        form.append('OSSAccessKeyId', signed.OSSAccessKeyId);
        form.append('Signature', signed.Signature);
      } else {
        const now = new Date();
        const date = isoBasic(now);
        const credential = `${credentials.accessKeyId}/${date.slice(0, 8)}/${credentials.region}/oss/aliyun_v4_request`;
        const policy = {
          expiration,
          conditions: [{ bucket: BUCKET }, ['starts-with', '$key', folder], ['content-length-range', 1, 1048576],
            { 'x-oss-signature-version': 'OSS4-HMAC-SHA256' }, { 'x-oss-credential': credential },
            { 'x-oss-date': date }, { 'x-oss-security-token': credentials.securityToken }],
        };
        form.append('key', key);
        form.append('policy', Buffer.from(JSON.stringify(policy), 'utf8').toString('base64'));
        form.append('x-oss-signature-version', 'OSS4-HMAC-SHA256');
        form.append('x-oss-credential', credential);
        form.append('x-oss-date', date);
        form.append('x-oss-signature', oss.signPostObjectPolicyV4(policy, now));
      }
      form.append('x-oss-security-token', credentials.securityToken);
      form.append('success_action_status', '200');
      form.append('file', new Blob([file]), 'form.bin');

      const response = await fetch(`${credentials.endpoint}/${BUCKET}`, { method: 'POST', body: form });
      assert.equal(response.status, 200, await response.text());
      assert.equal(sha256((await oss.get(key)).content), sha256(file));
    });

    describe('denials', () => {
      it("another user's prefix: AccessDenied", async () => {
        await refused(oss.put('users/bob/planted.txt', Buffer.from('x')), 403, 'AccessDenied');
        await refused(oss.get('users/bob/secret.txt'), 403, 'AccessDenied');
        await refused(oss.list({ prefix: 'users/bob/' }), 403, 'AccessDenied');
        await refused(oss.copy(`${folder}stolen.txt`, 'users/bob/secret.txt'), 403, 'AccessDenied');
      });

      it('bucket root: AccessDenied', async () => {
        await refused(oss.put('root.txt', Buffer.from('x')), 403, 'AccessDenied');
        await refused(oss.listV2({}), 403, 'AccessDenied');
      });

      it('another bucket: AccessDenied', async () => {
        const other = client(credentials, { ...signing, bucket: OTHER_BUCKET });
        await refused(other.put(`${folder}x.txt`, Buffer.from('x')), 403, 'AccessDenied');
        await refused(other.list({ prefix: folder }), 403, 'AccessDenied');
      });

      it('tampered token: InvalidSecurityToken', async () => {
        const tampered = client({ ...credentials, securityToken: flip(credentials.securityToken, 10) }, signing);
        await refused(tampered.put(`${folder}x.txt`, Buffer.from('x')), 403, 'InvalidSecurityToken');
      });

      it('tampered secret: SignatureDoesNotMatch', async () => {
        const tampered = client({ ...credentials, accessKeySecret: flip(credentials.accessKeySecret, 0) }, signing);
        await refused(tampered.put(`${folder}x.txt`, Buffer.from('x')), 403, 'SignatureDoesNotMatch');
      });

      it('unknown AccessKeyId: InvalidAccessKeyId', async () => {
        const tampered = client({ ...credentials, accessKeyId: 'NoSuchAccessKeyId', securityToken: undefined },
          signing);
        await refused(tampered.put(`${folder}x.txt`, Buffer.from('x')), 403, 'InvalidAccessKeyId');
      });

      it("a form upload into another user's prefix: AccessDenied", async () => {
        const policy = { expiration: new Date(Date.now() + 600000).toISOString(), conditions: [{ bucket: BUCKET }] };
        const signed = oss.calculatePostSignature(policy);
        const form = new FormData();
        form.append('key', 'users/bob/planted.bin');
        form.append('policy', signed.policy);
        form.append('OSSAccessKeyId', signed.OSSAccessKeyId);
        form.append('Signature', signed.Signature);
        form.append('x-oss-security-token', credentials.securityToken);
        form.append('file', new Blob([Buffer.from('x')]), 'planted.bin');
        const response = await fetch(`${credentials.endpoint}/${BUCKET}`, { method: 'POST', body: form });
        assert.equal(response.status, 403);
        assert.match(await response.text(), /<Code>AccessDenied<\/Code>/);
      });
    });
  });
}

describe('the README snippet (app-client.mjs)', () => {
  it('builds a client from GET /credentials and refreshes through it', async () => {
    let tokenRequests = 0;
    const oss = await createOssClient(STSVEND_URL, BUCKET, async () => {
      tokenRequests += 1;
      return ALICE_JWT;
    });
    assert.equal(tokenRequests, 1);
    await oss.put('users/alice/snippet/hello.txt', Buffer.from('hello'));
    assert.equal((await oss.get('users/alice/snippet/hello.txt')).content.toString(), 'hello');

    // Due for a refresh: the next request first fetches credentials again through refreshSTSToken.
    oss.options.refreshSTSTokenInterval = 0;
    await oss.put('users/alice/snippet/again.txt', Buffer.from('again'));
    assert.ok(tokenRequests >= 2, `refreshSTSToken was not called (${tokenRequests})`);
  });
});
