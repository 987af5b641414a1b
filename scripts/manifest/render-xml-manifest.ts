import { apiResource, type ManifestEnvironment, taskpaneUrl } from './manifest-environment';
import { type ManifestLocale, manifestLocales, manifestSource, type ManifestStrings, type SurfaceSource, xmlLocaleOf } from './manifest-source';
import { commented, element, renderXml, type XmlElement } from './xml-builder';

const iconSizes = [16, 32, 80] as const;
const otherLocales = manifestLocales.filter((locale): locale is Exclude<ManifestLocale, 'en'> => locale !== 'en');

type StringKey = keyof ManifestStrings;
const shortStrings: StringKey[] = ['groupLabel', 'openCard', 'openCompose'];
const longStrings: StringKey[] = ['openCardTip', 'openComposeTip'];

/** A string with its es / fr overrides, as `DisplayName`, `Description` and `bt:String` carry them. */
function localized(name: string, key: StringKey, prefix = ''): XmlElement {
  return element(
    name,
    { ...(prefix ? { id: key } : {}), DefaultValue: manifestSource.strings.en[key] },
    ...otherLocales.map((locale) => element(`${prefix}Override`, { Locale: xmlLocaleOf[locale], Value: manifestSource.strings[locale][key] })),
  );
}

function button(surface: SurfaceSource): XmlElement {
  return element(
    'Control',
    { 'xsi:type': 'Button', id: `${surface.id}.OpenPane` },
    element('Label', { resid: surface.label }),
    element('Supertip', {}, element('Title', { resid: surface.label }), element('Description', { resid: `${surface.label}Tip` })),
    element('Icon', {}, ...iconSizes.map((size) => element('bt:Image', { size: String(size), resid: `Icon.${size}` }))),
    element(
      'Action',
      { 'xsi:type': 'ShowTaskpane' },
      element('SourceLocation', { resid: 'Taskpane.Url' }),
      surface.pinnable ? element('SupportsPinning', {}, 'true') : undefined,
    ),
  );
}

function extensionPoint(surface: SurfaceSource): XmlElement {
  return element(
    'ExtensionPoint',
    { 'xsi:type': surface.extensionPoint },
    element('OfficeTab', { id: 'TabDefault' }, element('Group', { id: `${surface.id}.Group` }, element('Label', { resid: 'groupLabel' }), button(surface))),
  );
}

/**
 * The add-in-only (XML) manifest for one environment: mail read and compose, appointment
 * attendee and organizer, ribbon buttons, WebApplicationInfo for legacy SSO, en / es / fr.
 */
export function renderXmlManifest(environment: ManifestEnvironment): string {
  const origin = environment.origin;
  const icon = (size: number) => new URL(`/assets/icon-${size}.png`, origin).href;
  const pane = taskpaneUrl(environment);
  const version = `${environment.version ?? manifestSource.version}.0`;
  const form = (type: 'ItemRead' | 'ItemEdit') =>
    element('Form', { 'xsi:type': type }, element('DesktopSettings', {}, element('SourceLocation', { DefaultValue: pane }), type === 'ItemRead' ? element('RequestedHeight', {}, '250') : undefined));

  const versionOverrides11 = element(
    'VersionOverrides',
    { xmlns: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1', 'xsi:type': 'VersionOverridesV1_1' },
    element('Requirements', {}, element('bt:Sets', { DefaultMinVersion: manifestSource.mailboxMinVersion }, element('bt:Set', { Name: 'Mailbox' }))),
    element('Hosts', {}, element('Host', { 'xsi:type': 'MailHost' }, element('DesktopFormFactor', {}, ...manifestSource.surfaces.map(extensionPoint)))),
    element(
      'Resources',
      {},
      element('bt:Images', {}, ...iconSizes.map((size) => element('bt:Image', { id: `Icon.${size}`, DefaultValue: icon(size) }))),
      element('bt:Urls', {}, element('bt:Url', { id: 'Taskpane.Url', DefaultValue: pane })),
      element('bt:ShortStrings', {}, ...shortStrings.map((key) => localized('bt:String', key, 'bt:'))),
      element('bt:LongStrings', {}, ...longStrings.map((key) => localized('bt:String', key, 'bt:'))),
    ),
    commented(
      'Legacy Office SSO (IdentityAPI 1.3): Office gets a token for the bridge API, which exchanges it on behalf of the user. Nested app authentication needs no manifest element.',
      element(
        'WebApplicationInfo',
        {},
        element('Id', {}, environment.appId),
        element('Resource', {}, apiResource(environment)),
        element('Scopes', {}, ...manifestSource.ssoScopes.map((scope) => element('Scope', {}, scope))),
      ),
    ),
  );

  const root = element(
    'OfficeApp',
    {
      xmlns: 'http://schemas.microsoft.com/office/appforoffice/1.1',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xmlns:bt': 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
      'xmlns:mailappor': 'http://schemas.microsoft.com/office/mailappversionoverrides/1.0',
      'xsi:type': 'MailApp',
    },
    element('Id', {}, environment.addinId ?? manifestSource.addinId),
    element('Version', {}, version),
    element('ProviderName', {}, manifestSource.provider),
    element('DefaultLocale', {}, xmlLocaleOf.en),
    localized('DisplayName', 'displayName'),
    localized('Description', 'description'),
    element('IconUrl', { DefaultValue: icon(64) }),
    element('HighResolutionIconUrl', { DefaultValue: icon(128) }),
    element('SupportUrl', { DefaultValue: new URL('/docs', origin).href }),
    element('AppDomains', {}, element('AppDomain', {}, origin)),
    element('Hosts', {}, element('Host', { Name: 'Mailbox' })),
    commented(
      'NestedAppAuth 1.1 and IdentityAPI 1.3 are feature-detected at run time (isSetSupported), not required here: Outlook clients without them still load the add-in and sign in through the dialog.',
      element('Requirements', {}, element('Sets', {}, element('Set', { Name: 'Mailbox', MinVersion: manifestSource.mailboxMinVersion }))),
    ),
    element('FormSettings', {}, form('ItemRead'), form('ItemEdit')),
    element('Permissions', {}, manifestSource.xmlPermissions),
    element(
      'Rule',
      { 'xsi:type': 'RuleCollection', Mode: 'Or' },
      element('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Message', FormType: 'Read' }),
      element('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Message', FormType: 'Edit' }),
      element('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Appointment', FormType: 'Read' }),
      element('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Appointment', FormType: 'Edit' }),
    ),
    element('DisableEntityHighlighting', {}, 'false'),
    element('VersionOverrides', { xmlns: 'http://schemas.microsoft.com/office/mailappversionoverrides', 'xsi:type': 'VersionOverridesV1_0' }, versionOverrides11),
  );
  return renderXml(root);
}
