// Installs the pinned test clients (package-lock.json) into node_modules, only when the lockfile changed since the
// last install: the build runs this before the tests, so a fresh checkout needs nothing but Node and npm.
// Install scripts are off: no package may fetch anything (a browser, a toolchain) beyond what the lockfile names.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const lock = readFileSync(join(here, 'package-lock.json'));
const digest = createHash('sha256').update(lock).digest('hex');
const stamp = join(here, 'node_modules', '.stsvend-lock-sha256');

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
execFileSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
  { cwd: here, stdio: 'inherit' });
writeFileSync(stamp, digest);
