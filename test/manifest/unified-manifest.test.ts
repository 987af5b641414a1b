import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ManifestEnvironment } from '../../scripts/manifest/manifest-environment';
import { localizationFileOf, renderUnifiedManifest, unifiedManifestVersion } from '../../scripts/manifest/render-unified-manifest';
import { hasShippedSchema, validateAgainstShippedSchema } from '../../scripts/manifest/validate-unified-manifest';

const root = resolve(import.meta.dirname, '../..');
const production: ManifestEnvironment = { origin: 'https://erp.contoso.example', appId: '6e1d2c3b-4a59-4876-9a1b-2c3d4e5f6a7b', version: '1.4.2' };
const localDemo: ManifestEnvironment = { origin: 'https://localhost:3000', appId: 'b7e1c0de-4a2f-4c3b-9d1e-5f6a7b8c9d0e' };
const readJson = (file: string): unknown => JSON.parse(readFileSync(resolve(root, file), 'utf8'));

/** Follows `extensions[0].ribbons[1].tabs[0].label`-style keys into the manifest. */
function at(value: unknown, path: string): unknown {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), value);
}

describe('the unified manifest', () => {
  it('targets a schema version the installed @microsoft/app-manifest ships', () => {
    expect(hasShippedSchema(unifiedManifestVersion)).toBe(true);
  });

  it.each([
    ['a production environment', renderUnifiedManifest(production)],
    ['the committed files', { manifest: readJson('manifest.json'), localizations: { es: readJson(localizationFileOf('es')), fr: readJson(localizationFileOf('fr')) } }],
  ])('of %s is valid against the shipped schemas, localizations included', (_name, { manifest, localizations }) => {
    expect(validateAgainstShippedSchema(manifest, unifiedManifestVersion, 'MicrosoftTeams.schema.json')).toEqual([]);
    for (const localization of Object.values(localizations)) {
      expect(validateAgainstShippedSchema(localization, unifiedManifestVersion, 'MicrosoftTeams.Localization.schema.json')).toEqual([]);
    }
  });

  it('is refused by the same validation when broken, so a pass means something', () => {
    const { manifest } = renderUnifiedManifest(production);
    const { developer: _developer, ...withoutDeveloper } = manifest;
    expect(validateAgainstShippedSchema(withoutDeveloper, unifiedManifestVersion, 'MicrosoftTeams.schema.json').join('\n')).toMatch(/developer/);
    expect(validateAgainstShippedSchema({ ...manifest, extensions: [{ ribbons: [{ contexts: ['mailReed'], tabs: [] }] }] }, unifiedManifestVersion, 'MicrosoftTeams.schema.json')).not.toEqual([]);
  });

  const { manifest, localizations } = renderUnifiedManifest(production);

  it('carries the environment: version, https URLs on the valid domain, the App ID for consent', () => {
    expect(manifest).toMatchObject({
      version: '1.4.2',
      validDomains: ['https://erp.contoso.example'],
      webApplicationInfo: { id: production.appId, resource: `api://erp.contoso.example/${production.appId}` },
      authorization: { permissions: { resourceSpecific: [{ name: 'MailboxItem.ReadWrite.User', type: 'Delegated' }] } },
    });
    const urls = JSON.stringify(manifest).match(/"https?:\/\/[^"]+"/g) ?? [];
    const own = urls.map((url) => JSON.parse(url) as string).filter((url) => !url.startsWith('https://developer.microsoft.com/json-schemas/'));
    expect(own.length).toBeGreaterThan(20);
    for (const url of own) expect(new URL(url).origin, url).toBe('https://erp.contoso.example');
    expect(at(manifest, 'extensions[0].runtimes[0].code.page')).toBe(`https://erp.contoso.example/taskpane.html?appId=${production.appId}`);
  });

  it('has the same four surfaces as the XML manifest, pinnable in read and attendee views', () => {
    const ribbons = at(manifest, 'extensions[0].ribbons');
    expect(Array.isArray(ribbons) ? ribbons.map((ribbon) => [at(ribbon, 'contexts[0]'), at(ribbon, 'tabs[0].groups[0].controls[0].actionId')]) : []).toEqual([
      ['mailRead', 'openPanePinnable'],
      ['mailCompose', 'openPane'],
      ['meetingDetailsAttendee', 'openPanePinnable'],
      ['meetingDetailsOrganizer', 'openPane'],
    ]);
    expect(at(manifest, 'extensions[0].runtimes[0].actions[0]')).toMatchObject({ id: 'openPanePinnable', pinnable: true });
    expect(at(manifest, 'extensions[0].requirements.capabilities[0]')).toEqual({ name: 'Mailbox', minVersion: '1.5' });
  });

  it('translates every string it shows into Spanish and French, at paths that exist', () => {
    expect(at(manifest, 'localizationInfo.additionalLanguages')).toEqual([
      { languageTag: 'es-es', file: 'manifest.es.json' },
      { languageTag: 'fr-fr', file: 'manifest.fr.json' },
    ]);
    for (const localization of [localizations.es, localizations.fr]) {
      const keys = Object.keys(localization).filter((key) => key !== '$schema');
      expect(keys).toHaveLength(4 + 4 * 4);
      for (const key of keys.filter((key) => key.startsWith('extensions'))) expect(typeof at(manifest, key), key).toBe('string');
    }
    expect(localizations.es['extensions[0].ribbons[1].tabs[0].groups[0].controls[0].label']).toBe('Contactos del ERP');
    expect(localizations.fr['extensions[0].ribbons[0].tabs[0].groups[0].controls[0].label']).toBe('Fiche ERP');
  });

  it('is committed as the generator writes it for the local demo', () => {
    const demo = renderUnifiedManifest(localDemo);
    expect(readJson('manifest.json')).toEqual(demo.manifest);
    expect(readJson(localizationFileOf('es'))).toEqual(demo.localizations.es);
    expect(readJson(localizationFileOf('fr'))).toEqual(demo.localizations.fr);
  });
});
