// upload.html in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core; never a downloaded
// browser): a file chosen on the page is posted straight to the emulated OSS and reads back byte-identical.
// Environment: STSVEND_URL (the service, local mode), ALICE_JWT (to read the upload back with ali-oss).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import OSS from 'ali-oss';

const { STSVEND_URL, ALICE_JWT } = process.env;
const CHROMIUM = process.env.STSVEND_CHROMIUM || '/usr/bin/chromium';

describe('upload.html in headless Chromium', () => {
  let profile;
  let browser;

  before(async () => {
    profile = mkdtempSync(join(tmpdir(), 'stsvend-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      timeout: 120_000,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('uploads a chosen file that reads back identical', async () => {
    const content = randomBytes(300 * 1024);
    const name = `page-${Date.now()}.bin`;
    const page = await browser.newPage();
    page.setDefaultTimeout(120_000);
    await page.goto(`${STSVEND_URL}/upload.html`);
    await page.fill('#sub', 'alice');
    await page.setInputFiles('#file', { name, mimeType: 'application/octet-stream', buffer: content });
    await page.click('#upload');
    await page.waitForFunction(() => /Uploaded|refused|Error/.test(document.getElementById('log').textContent));
    const log = await page.textContent('#log');
    assert.match(log, new RegExp(`Uploaded users/alice/${name.replace('.', '\\.')}`), log);

    const response = await fetch(`${STSVEND_URL}/credentials`, { headers: { Authorization: `Bearer ${ALICE_JWT}` } });
    const credentials = await response.json();
    const oss = new OSS({
      endpoint: credentials.endpoint,
      region: `oss-${credentials.region}`,
      bucket: 'app-bucket',
      accessKeyId: credentials.accessKeyId,
      accessKeySecret: credentials.accessKeySecret,
      stsToken: credentials.securityToken,
      refreshSTSTokenInterval: 60 * 60 * 1000,
    });
    const read = await oss.get(`users/alice/${name}`);
    assert.ok(Buffer.compare(read.content, content) === 0, 'the upload does not read back identical');
  });
});
