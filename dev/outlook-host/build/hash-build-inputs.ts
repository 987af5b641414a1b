import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What the add-in build reads besides node_modules (package-lock.json stands for those). */
const inputs = ['src', 'assets', 'dev/outlook-host/office-stand-in', 'dev/outlook-host/page', 'dev/outlook-host/host-protocol.ts', 'dev/outlook-host/host-page-config.ts', 'dev/outlook-host/build', 'webpack.config.js', 'package-lock.json', 'tsconfig.json'];

/** One hash over the build's inputs, path and content, in a stable order. */
export function hashBuildInputs(root: string, extra: string): string {
  const hash = createHash('sha256').update(extra);
  const files = inputs
    .map((input) => join(root, input))
    .filter((path) => existsSync(path))
    .flatMap((path) => (statSync(path).isDirectory() ? readdirSync(path, { recursive: true, encoding: 'utf8' }).map((file) => join(path, file)) : [path]))
    .filter((path) => statSync(path).isFile())
    .map((path) => relative(root, path).split('\\').join('/'))
    .sort();
  for (const file of files) hash.update(`\0${file}\0`).update(readFileSync(join(root, file)));
  return hash.digest('hex');
}
