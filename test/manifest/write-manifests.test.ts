import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseManifestArguments } from '../../scripts/manifest/manifest-environment';

const root = resolve(import.meta.dirname, '../..');
const appId = '6E1D2C3B-4A59-4876-9A1B-2C3D4E5F6A7B';

describe('the manifest arguments', () => {
  it('read the URL as an origin and the App ID as a lower-case GUID', () => {
    expect(parseManifestArguments(['--url', 'https://erp.example.com/some/path', '--app-id', appId, '--version=2.0.1'])).toEqual({
      environment: { origin: 'https://erp.example.com', appId: appId.toLowerCase(), version: '2.0.1' },
    });
  });

  it.each([
    [['--app-id', appId], /--url is required/],
    [['--url', 'http://erp.example.com', '--app-id', appId], /must be https/],
    [['--url', 'https://erp.example.com', '--app-id', 'contoso'], /--app-id must be/],
    [['--url', 'https://erp.example.com', '--app-id', appId, '--version', 'v2'], /--version/],
    [['--url', 'https://erp.example.com', '--app-id', appId, '--colour', 'blue'], /unknown option --colour/],
    [['--url'], /needs a value/],
  ])('refuse %j', (argv, message) => {
    expect(() => parseManifestArguments(argv)).toThrow(message);
  });
});

describe('npm run manifest', () => {
  const out = mkdtempSync(join(tmpdir(), 'manifests-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes both manifests and the localization files for an environment', () => {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/manifest/write-manifests.ts', '--url', 'https://erp.example.com', '--app-id', appId, '--out', out], { cwd: root, stdio: 'pipe' });
    const xml = readFileSync(join(out, 'manifest.xml'), 'utf8');
    expect(xml).toContain(`<Resource>api://erp.example.com/${appId.toLowerCase()}</Resource>`);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toMatchObject({ validDomains: ['https://erp.example.com'] });
    expect(JSON.parse(readFileSync(join(out, 'manifest.fr.json'), 'utf8'))).toMatchObject({ 'name.short': 'ERP Bridge' });
  });

  it('stops with a one-line reason on a bad argument', () => {
    const run = () => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/manifest/write-manifests.ts', '--url', 'http://erp.example.com', '--app-id', appId], { cwd: root, stdio: 'pipe' });
    expect(run).toThrow(/must be https/);
  });
});
