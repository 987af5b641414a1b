import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ManifestEnvironment } from '../../scripts/manifest/manifest-environment';
import { renderXmlManifest } from '../../scripts/manifest/render-xml-manifest';
import { checkXmlWellFormed, parseXml } from '../../scripts/manifest/check-xml-well-formed';

const root = resolve(import.meta.dirname, '../..');
const production: ManifestEnvironment = { origin: 'https://erp.contoso.example', appId: '6e1d2c3b-4a59-4876-9a1b-2c3d4e5f6a7b' };
/** The committed manifest.xml is the local demo's: npm run manifest -- --url https://localhost:3000 --app-id <demo bridge app>. */
const localDemo: ManifestEnvironment = { origin: 'https://localhost:3000', appId: 'b7e1c0de-4a2f-4c3b-9d1e-5f6a7b8c9d0e' };

type XmlDocument = ReturnType<typeof parseXml>;
type XmlNode = ReturnType<XmlDocument['getElementsByTagName']>[number];

const all = (document: XmlDocument | XmlNode, name: string): XmlNode[] => [...document.getElementsByTagName(name)];
const text = (document: XmlDocument | XmlNode, name: string) => all(document, name)[0]?.textContent?.trim();

describe.each([
  ['a production environment', production, renderXmlManifest(production)],
  ['the committed manifest.xml', localDemo, readFileSync(resolve(root, 'manifest.xml'), 'utf8')],
])('the XML manifest of %s', (_name, environment, xml) => {
  const document = parseXml(xml);

  it('is well-formed XML', () => {
    expect(checkXmlWellFormed(xml)).toEqual([]);
  });

  it('has the OfficeApp elements Office requires, in schema order', () => {
    const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'FormSettings', 'Permissions', 'Rule', 'DisableEntityHighlighting', 'VersionOverrides'];
    expect([...document.documentElement.children].map((child) => child.tagName)).toEqual(order);
    expect(document.documentElement.getAttribute('xsi:type')).toBe('MailApp');
    expect(text(document, 'Id')).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
    expect(text(document, 'Version')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(all(document, 'Host')[0]?.getAttribute('Name')).toBe('Mailbox');
    expect(text(document, 'Permissions')).toBe('ReadWriteItem');
  });

  it('needs Mailbox 1.5, and leaves NestedAppAuth and IdentityAPI to run-time detection', () => {
    const sets = all(document, 'Set').map((set) => [set.getAttribute('Name'), set.getAttribute('MinVersion')]);
    expect(sets).toEqual([['Mailbox', '1.5']]);
    expect(all(document, 'bt:Sets')[0]?.getAttribute('DefaultMinVersion')).toBe('1.5');
    expect(xml).not.toMatch(/Name="(NestedAppAuth|IdentityAPI)"/);
  });

  it('activates on mail read and compose, and on appointments for attendees and organizers', () => {
    const rules = all(document, 'Rule').filter((rule) => rule.getAttribute('xsi:type') === 'ItemIs');
    expect(rules.map((rule) => `${rule.getAttribute('ItemType')} ${rule.getAttribute('FormType')}`)).toEqual(['Message Read', 'Message Edit', 'Appointment Read', 'Appointment Edit']);
    const outer = document.documentElement.lastElementChild;
    expect(outer?.getAttribute('xsi:type')).toBe('VersionOverridesV1_0');
    const inner = outer?.firstElementChild;
    expect(inner?.getAttribute('xsi:type')).toBe('VersionOverridesV1_1');
    expect(inner?.getAttribute('xmlns')).toBe('http://schemas.microsoft.com/office/mailappversionoverrides/1.1');
    const points = all(document, 'ExtensionPoint').map((point) => point.getAttribute('xsi:type'));
    expect(points).toEqual(['MessageReadCommandSurface', 'MessageComposeCommandSurface', 'AppointmentAttendeeCommandSurface', 'AppointmentOrganizerCommandSurface']);
  });

  it('has a ribbon button with 16, 32 and 80 px icons on every surface, pinnable where the user moves through items', () => {
    for (const point of all(document, 'ExtensionPoint')) {
      const control = all(point, 'Control')[0];
      expect(control?.getAttribute('xsi:type')).toBe('Button');
      expect(all(point, 'bt:Image').map((image) => image.getAttribute('size'))).toEqual(['16', '32', '80']);
      const action = all(point, 'Action')[0];
      expect(action?.getAttribute('xsi:type')).toBe('ShowTaskpane');
      const pinnable = ['MessageReadCommandSurface', 'AppointmentAttendeeCommandSurface'].includes(point.getAttribute('xsi:type') ?? '');
      expect(text(point, 'SupportsPinning')).toBe(pinnable ? 'true' : undefined);
    }
    const ids = all(document, 'Control').map((control) => control.getAttribute('id'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names the bridge API for legacy Office SSO in WebApplicationInfo', () => {
    const info = all(document, 'WebApplicationInfo')[0];
    expect(info?.parentElement?.getAttribute('xsi:type')).toBe('VersionOverridesV1_1');
    expect(text(info ?? document, 'Id')).toBe(environment.appId);
    expect(text(info ?? document, 'Resource')).toBe(`api://${new URL(environment.origin).host}/${environment.appId}`);
    expect(all(info ?? document, 'Scope').map((scope) => scope.textContent)).toEqual(['openid', 'profile', 'offline_access']);
  });

  it('resolves every resid to a resource of the right kind', () => {
    const ids = (kind: string) => new Set(all(document, kind).flatMap((list) => [...list.children].map((child) => child.getAttribute('id'))));
    const images = ids('bt:Images');
    const urls = ids('bt:Urls');
    const short = ids('bt:ShortStrings');
    const long = ids('bt:LongStrings');
    const references = all(document, '*').filter((node) => node.hasAttribute('resid'));
    expect(references.length).toBeGreaterThan(20);
    for (const node of references) {
      const resid = node.getAttribute('resid') ?? '';
      const kind = node.tagName === 'bt:Image' ? images : node.tagName === 'SourceLocation' ? urls : node.tagName === 'Description' ? long : short;
      expect(kind.has(resid), `${node.tagName} resid="${resid}"`).toBe(true);
      expect(resid.length).toBeLessThanOrEqual(32);
    }
  });

  it('serves every URL over https from its AppDomain', () => {
    const domains = all(document, 'AppDomain').map((domain) => domain.textContent?.trim() ?? '');
    expect(domains).toEqual([environment.origin]);
    const urls = all(document, '*')
      .filter((node) => ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'bt:Image', 'bt:Url'].includes(node.tagName))
      .flatMap((node) => node.getAttribute('DefaultValue') ?? []);
    expect(urls.length).toBe(9);
    for (const url of urls) {
      expect(new URL(url).protocol, url).toBe('https:');
      expect(domains.some((domain) => new URL(url).origin === domain), url).toBe(true);
    }
  });

  it('opens the taskpane with the environment’s App ID', () => {
    const pane = all(document, 'bt:Url')[0]?.getAttribute('DefaultValue') ?? '';
    expect(new URL(pane).pathname).toBe('/taskpane.html');
    expect(new URL(pane).searchParams.get('appId')).toBe(environment.appId);
  });

  it('has every visible string in English, Spanish and French', () => {
    const localized = all(document, '*').filter((node) => ['DisplayName', 'Description', 'bt:String'].includes(node.tagName) && node.hasAttribute('DefaultValue'));
    expect(localized.length).toBe(7);
    for (const node of localized) {
      const overrides = [...node.children].filter((child) => child.tagName.endsWith('Override'));
      expect(overrides.map((override) => override.getAttribute('Locale')), node.getAttribute('id') ?? node.tagName).toEqual(['es-ES', 'fr-FR']);
      for (const override of overrides) expect(override.getAttribute('Value')?.trim()).toBeTruthy();
    }
    expect(text(document, 'DefaultLocale')).toBe('en-US');
    const tooLong = all(document, '*').filter((node) => node.parentElement?.tagName === 'bt:ShortStrings' && (node.getAttribute('DefaultValue') ?? '').length > 125);
    expect(tooLong).toEqual([]);
  });
});

describe('the committed manifest.xml', () => {
  it('is what the generator writes for the local demo, so the two never drift', () => {
    expect(readFileSync(resolve(root, 'manifest.xml'), 'utf8')).toBe(renderXmlManifest(localDemo));
  });
});

describe('the XML well-formedness check', () => {
  it.each([
    ['<a><b></a>', 'mismatched tags'],
    ['<a x="1" x="2"/>', 'duplicate attribute'],
    ['<a x=1/>', 'unquoted attribute'],
    ['<a>fish & chips</a>', 'bare ampersand'],
    ['<a>&nbsp;</a>', 'undefined entity'],
    ['<a/><b/>', 'two roots'],
    ['<a x="<b>"/>', '< in an attribute'],
    ['<a><b></b>', 'unclosed element'],
  ])('rejects %s (%s)', (xml) => {
    expect(checkXmlWellFormed(`<?xml version="1.0"?>\n${xml}`)).not.toEqual([]);
  });

  it('escapes strings that contain markup characters', () => {
    const xml = renderXmlManifest({ ...production, authority: 'https://login.example/t?x=1&y=<2>' });
    expect(checkXmlWellFormed(xml)).toEqual([]);
    expect(xml).toContain('&amp;authority=');
  });
});
