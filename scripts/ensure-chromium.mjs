#!/usr/bin/env node
// Makes sure a Chromium is there before e2e tests or `npm start` run.
// Branded Chrome 137+ ignores --load-extension, so we want Chromium (Debian's package here).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChrome } from './chrome-path.mjs';

const found = findChrome();
if (found) process.exit(0);

if (process.env.CHROME_PATH) {
  console.error(`CHROME_PATH=${process.env.CHROME_PATH} does not exist. Point CHROME_PATH at a Chromium binary.`);
  process.exit(1);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version')) {
  console.error('Chromium not found: installing Debian\'s chromium package (apt-get install chromium)…');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } catch {
    console.error('Installing chromium failed. Install it yourself, or set CHROME_PATH to a Chromium binary.');
    process.exit(1);
  }
  if (findChrome()) process.exit(0);
}

console.error(
  'Chromium was not found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH\n' +
  'to a Chromium or Chrome for Testing binary (branded Google Chrome ignores --load-extension).',
);
process.exit(1);
