import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const syncDir = join(root, 'src/sync');
const allowed = [join(root, 'src/sync'), join(root, 'src/domain')];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));

/** Every module specifier of a file: static imports, re-exports and dynamic imports. */
const specifiersOf = (text: string) => [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((match) => match[1] ?? '');

/** Code without its comments, so an `@example` may show what the code must not do. */
const codeOf = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('the sync engine (src/sync)', () => {
  const files = sourceFiles(syncDir);

  it('imports only its own files and src/domain: no package, no Graph, no store, no Node module', () => {
    const crossings = files.flatMap((file) =>
      specifiersOf(readFileSync(file, 'utf8')).flatMap((specifier) => {
        const target = specifier.startsWith('.') ? resolve(dirname(file), specifier) : undefined;
        const inside = target !== undefined && allowed.some((dir) => target === dir || target.startsWith(`${dir}/`));
        return inside ? [] : [`${relative(root, file)} imports ${specifier}`];
      }),
    );
    expect(files.length).toBeGreaterThan(40);
    expect(crossings).toEqual([]);
  });

  it('reads time and chance only through what it is given', () => {
    const clockReads = files.flatMap((file) => {
      const code = codeOf(readFileSync(file, 'utf8'));
      const found = code.match(/\bDate\.now\s*\(|\bnew Date\s*\(\s*\)|\bperformance\.now\s*\(|\bMath\.random\s*\(|\bsetTimeout\s*\(|\bprocess\./g) ?? [];
      return found.map((read) => `${relative(root, file)}: ${read}`);
    });
    expect(clockReads).toEqual([]);
  });
});
