import { apiResource, type ManifestEnvironment, taskpaneUrl } from './manifest-environment';
import { type ManifestLocale, manifestSource, unifiedLocaleOf } from './manifest-source';

/** A schema the installed @microsoft/app-manifest ships, so validation runs offline. */
export const unifiedManifestVersion = '1.22';
export const unifiedSchemaUrl = `https://developer.microsoft.com/json-schemas/teams/v${unifiedManifestVersion}/MicrosoftTeams.schema.json`;
export const localizationSchemaUrl = `https://developer.microsoft.com/json-schemas/teams/v${unifiedManifestVersion}/MicrosoftTeams.Localization.schema.json`;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Localization files sit next to manifest.json in the app package. */
export const localizationFileOf = (locale: Exclude<ManifestLocale, 'en'>) => `manifest.${locale}.json`;

const ribbonIconSizes = [16, 32, 80] as const;

/**
 * The unified (JSON) manifest for one environment, from the same source as the XML one, and its
 * es / fr localization files (keys are JSON paths into the manifest).
 */
export function renderUnifiedManifest(environment: ManifestEnvironment): { manifest: JsonObject; localizations: Record<'es' | 'fr', JsonObject> } {
  const { origin } = environment;
  const en = manifestSource.strings.en;
  const icon = (size: number) => new URL(`/assets/icon-${size}.png`, origin).href;
  const actionOf = (pinnable: boolean) => (pinnable ? 'openPanePinnable' : 'openPane');
  const requirements = { capabilities: [{ name: 'Mailbox', minVersion: manifestSource.mailboxMinVersion }] };

  const manifest: JsonObject = {
    $schema: unifiedSchemaUrl,
    manifestVersion: unifiedManifestVersion,
    version: environment.version ?? manifestSource.version,
    id: environment.addinId ?? manifestSource.addinId,
    localizationInfo: {
      defaultLanguageTag: unifiedLocaleOf.en,
      additionalLanguages: (['es', 'fr'] as const).map((locale) => ({ languageTag: unifiedLocaleOf[locale], file: localizationFileOf(locale) })),
    },
    developer: {
      name: manifestSource.provider,
      websiteUrl: new URL('/docs', origin).href,
      privacyUrl: new URL('/docs', origin).href,
      termsOfUseUrl: new URL('/docs', origin).href,
    },
    name: { short: en.displayName, full: en.displayName },
    description: { short: en.shortDescription, full: en.description },
    icons: { outline: 'assets/outline-32.png', color: 'assets/color-192.png' },
    accentColor: manifestSource.accentColor,
    validDomains: [origin],
    // Admins consent at deployment; the same ids serve legacy Office SSO. NAA needs nothing here.
    webApplicationInfo: { id: environment.appId, resource: apiResource(environment) },
    authorization: { permissions: { resourceSpecific: [{ name: manifestSource.unifiedPermission, type: 'Delegated' }] } },
    extensions: [
      {
        requirements: { ...requirements, scopes: ['mail'] },
        runtimes: [
          {
            requirements,
            id: 'TaskpaneRuntime',
            type: 'general',
            code: { page: taskpaneUrl(environment) },
            lifetime: 'short',
            actions: [
              { id: actionOf(true), type: 'openPage', displayName: en.openCard, pinnable: true, view: 'erp' },
              { id: actionOf(false), type: 'openPage', displayName: en.openCard, pinnable: false, view: 'erp' },
            ],
          },
        ],
        ribbons: manifestSource.surfaces.map((surface) => ({
          requirements: { ...requirements, formFactors: ['desktop'] },
          contexts: [surface.context],
          tabs: [
            {
              builtInTabId: 'TabDefault',
              groups: [
                {
                  id: `${surface.id}.Group`,
                  label: en.groupLabel,
                  icons: ribbonIconSizes.map((size) => ({ size, url: icon(size) })),
                  controls: [
                    {
                      id: `${surface.id}.OpenPane`,
                      type: 'button',
                      label: en[surface.label],
                      icons: ribbonIconSizes.map((size) => ({ size, url: icon(size) })),
                      supertip: { title: en[surface.label], description: en[`${surface.label}Tip`] },
                      actionId: actionOf(surface.pinnable),
                    },
                  ],
                },
              ],
            },
          ],
        })),
        alternates: [{ alternateIcons: { icon: { size: 64, url: icon(64) }, highResolutionIcon: { size: 64, url: icon(128) } } }],
      },
    ],
  };

  const localizationOf = (locale: 'es' | 'fr'): JsonObject => {
    const strings = manifestSource.strings[locale];
    const ribbonKeys = Object.fromEntries(
      manifestSource.surfaces.flatMap((surface, index) => {
        const group = `extensions[0].ribbons[${index}].tabs[0].groups[0]`;
        return [
          [`${group}.label`, strings.groupLabel],
          [`${group}.controls[0].label`, strings[surface.label]],
          [`${group}.controls[0].supertip.title`, strings[surface.label]],
          [`${group}.controls[0].supertip.description`, strings[`${surface.label}Tip`]],
        ];
      }),
    );
    return {
      $schema: localizationSchemaUrl,
      'name.short': strings.displayName,
      'name.full': strings.displayName,
      'description.short': strings.shortDescription,
      'description.full': strings.description,
      ...ribbonKeys,
    };
  };

  return { manifest, localizations: { es: localizationOf('es'), fr: localizationOf('fr') } };
}
