#!/usr/bin/env node
// Makes sure the system packages the tests need are on this machine: installs them with apt
// when running as root on Debian, otherwise stops with one line naming what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
const postgresInstalled = () =>
  hasCommand('pg_ctl') ||
  (existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/pg_ctl`)));

/** name shown to people → [Debian package, check] */
const needed = [];
if (!process.env.DATABASE_URL) needed.push({ label: 'PostgreSQL server', debian: 'postgresql', present: postgresInstalled });
// The add-in's end-to-end tests drive the system's Chromium (no browser download at install time).
if (!process.env.CHROMIUM_PATH) needed.push({ label: 'Chromium', debian: 'chromium', present: () => hasCommand('chromium') || existsSync('/usr/bin/chromium') });

const missing = needed.filter((item) => !item.present());
if (missing.length === 0) process.exit(0);

const packages = missing.map((item) => item.debian);
const canApt = process.getuid?.() === 0 && hasCommand('apt-get');
if (!canApt) {
  console.error(`Missing ${missing.map((item) => item.label).join(' and ')}: install with "sudo apt-get install ${packages.join(' ')}" (or set DATABASE_URL to a PostgreSQL server, CHROMIUM_PATH to a Chromium).`);
  process.exit(1);
}
console.log(`Installing ${packages.join(', ')} with apt-get…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
const still = missing.filter((item) => !item.present());
if (still.length) {
  console.error(`apt-get ran but ${still.map((item) => item.label).join(', ')} is still missing.`);
  process.exit(1);
}
