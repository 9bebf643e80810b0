// Runs the README's "A Tea SDK (Node)" snippet exactly as written (tea-sdk-snippet.mjs; StsReadmeSnippetTest
// checks the README holds it verbatim) against a running stsvend in local mode.
//
// Environment: SERVICE_URL, JWT, STS_ENDPOINT (host:port), ROLE_ARN.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);

it('the README snippet prints the assumed-role ARN of the vended credentials', async () => {
  const { stdout } = await run(process.execPath, [fileURLToPath(new URL('./tea-sdk-snippet.mjs', import.meta.url))], {
    env: { ...process.env, STSVEND_URL: process.env.SERVICE_URL, APP_JWT: process.env.JWT },
    timeout: 60_000,
  });

  const role = process.env.ROLE_ARN.replace(':role/', ':assumed-role/');
  assert.ok(stdout.trim().startsWith(`${role}/`), `unexpected output: ${stdout}`);
});
