import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ManifestEnvironment } from '../../scripts/manifest/manifest-environment';
import { localizationFileOf, renderUnifiedManifest } from '../../scripts/manifest/render-unified-manifest';
import { renderXmlManifest } from '../../scripts/manifest/render-xml-manifest';
import { type RunCommand, validateManifests } from '../../scripts/manifest/validate-manifests';

const root = resolve(import.meta.dirname, '../..');
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Two environments of one customer, side by side in one tenant: staging and production. */
const staging: ManifestEnvironment = { origin: 'https://erp-staging.contoso.example', appId: '0b4c7f2e-1a3d-4e5f-8a9b-0c1d2e3f4a5b', addinId: '5f0e9d8c-7b6a-4594-8372-615049382716' };
const production: ManifestEnvironment = { origin: 'https://erp.contoso.example', appId: '6e1d2c3b-4a59-4876-9a1b-2c3d4e5f6a7b', addinId: '2a3b4c5d-6e7f-4081-9213-a4b5c6d7e8f9' };

/** The four files `npm run manifest -- --out DIR` writes, for `environment`. */
function render(environment: ManifestEnvironment): Record<string, string> {
  const { manifest, localizations } = renderUnifiedManifest(environment);
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return { 'manifest.xml': renderXmlManifest(environment), 'manifest.json': json(manifest), [localizationFileOf('es')]: json(localizations.es), [localizationFileOf('fr')]: json(localizations.fr) };
}

function write(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'manifests-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

/** What is left of a file once an environment's URLs and ids are replaced by placeholders. */
const withoutEnvironment = (text: string, environment: ManifestEnvironment) =>
  text
    .replaceAll(environment.origin, '{origin}')
    .replaceAll(new URL(environment.origin).host, '{host}')
    .replaceAll(environment.appId, '{appId}')
    .replaceAll(environment.addinId ?? '', '{addinId}');

describe('npm run validate', () => {
  it('passes the committed manifests offline', async () => {
    const { ok, lines } = await validateManifests(root, { offline: true });
    expect(lines).toEqual([
      'ok    manifest.json: valid against the unified manifest schema 1.22 (shipped with @microsoft/app-manifest)',
      'ok    manifest.es.json: valid against the localization schema 1.22',
      'ok    manifest.fr.json: valid against the localization schema 1.22',
      'ok    manifest.xml: well-formed XML',
      'skip  manifest.xml: Microsoft’s validation service (--offline)',
    ]);
    expect(ok).toBe(true);
  });

  it('passes the manifests of two environments, which differ only in their URLs and ids', async () => {
    const files = { staging: render(staging), production: render(production) };
    for (const environment of [files.staging, files.production]) expect((await validateManifests(write(environment), { offline: true })).ok).toBe(true);
    // The localization files hold strings only, the same for both.
    for (const name of ['manifest.xml', 'manifest.json']) expect(files.staging[name]).not.toBe(files.production[name]);
    for (const name of Object.keys(files.staging)) {
      expect(withoutEnvironment(files.staging[name] ?? '', staging), name).toBe(withoutEnvironment(files.production[name] ?? '', production));
    }
  });

  it('fails, naming the file and the problem, on a broken or missing manifest', async () => {
    const files = render(production);
    const { developer: _developer, ...withoutDeveloper } = JSON.parse(files['manifest.json'] ?? '{}') as Record<string, unknown>;
    const folder = write({ 'manifest.json': JSON.stringify(withoutDeveloper), 'manifest.xml': '<OfficeApp><Id>x</OfficeApp>', [localizationFileOf('es')]: files[localizationFileOf('es')] ?? '' });
    const { ok, lines } = await validateManifests(folder, { offline: true });
    expect(ok).toBe(false);
    expect(lines.join('\n')).toMatch(/FAIL {2}manifest\.json:\n.*developer/);
    expect(lines).toContain(`FAIL  manifest.fr.json: not found in ${folder} (write it with npm run manifest)`);
    expect(lines.join('\n')).toMatch(/FAIL {2}manifest\.xml:\n/);
  });

  it('sends manifest.xml to Microsoft’s service with office-addin-manifest, and says so when the service cannot be reached', async () => {
    const calls: string[][] = [];
    const unreachable: RunCommand = (command, args) => {
      calls.push([command, ...args]);
      return Promise.resolve({ ok: false, output: 'Error: Unable to contact the manifest validation service.\nFetchError: getaddrinfo ENOTFOUND validationgateway.omex.office.net' });
    };
    const { ok, lines } = await validateManifests(root, { offline: false, run: unreachable });
    expect(calls).toEqual([[process.execPath, join(root, 'node_modules/office-addin-manifest/cli.js'), 'validate', join(root, 'manifest.xml')]]);
    expect(ok).toBe(false);
    expect(lines.slice(-2)).toEqual(['FAIL  manifest.xml:', '        Microsoft’s validation service cannot be reached (it needs the internet); run with --offline for the local checks only']);

    const accepted: RunCommand = () => Promise.resolve({ ok: true, output: 'The manifest is valid.' });
    expect((await validateManifests(root, { offline: false, run: accepted })).lines.at(-1)).toBe('ok    manifest.xml: accepted by Microsoft’s validation service (office-addin-manifest validate)');
  });
});
