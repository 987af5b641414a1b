/** What differs between environments: where the add-in is served and which Entra app signs in to it. */
export interface ManifestEnvironment {
  /** The origin serving dist/ and the bridge API, such as `https://erp.example.com`. */
  origin: string;
  /** The bridge's Entra application (client) id. */
  appId: string;
  /** A private identity server's authority; absent means Entra ID. */
  authority?: string;
  /** Overrides the add-in id, so two environments can sit in one tenant. */
  addinId?: string;
  version?: string;
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class ManifestArgumentError extends Error {
  override readonly name = 'ManifestArgumentError';
}

/**
 * Reads `--url https://host --app-id GUID [--authority URL] [--addin-id GUID] [--version x.y.z] [--out DIR]`.
 * @example parseManifestArguments(['--url', 'https://erp.example.com', '--app-id', '6e1d…'])
 */
export function parseManifestArguments(argv: string[]): { environment: ManifestEnvironment; out?: string } {
  const values = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index] ?? '';
    const [name, inline] = flag.startsWith('--') ? flag.slice(2).split('=', 2) : [undefined, undefined];
    if (!name) throw new ManifestArgumentError(`unexpected argument ${flag}`);
    const value = inline ?? argv[(index += 1)];
    if (value === undefined) throw new ManifestArgumentError(`--${name} needs a value`);
    values.set(name, value);
  }
  const known = new Set(['url', 'app-id', 'authority', 'addin-id', 'version', 'out']);
  for (const name of values.keys()) if (!known.has(name)) throw new ManifestArgumentError(`unknown option --${name}`);

  const url = values.get('url');
  if (!url) throw new ManifestArgumentError('--url is required, such as --url https://erp.example.com');
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') throw new ManifestArgumentError(`--url must be https (Office loads add-ins only over https): ${url}`);
  const appId = values.get('app-id') ?? '';
  if (!guid.test(appId)) throw new ManifestArgumentError(`--app-id must be the Entra application (client) id, a GUID: ${appId}`);
  const addinId = values.get('addin-id');
  if (addinId !== undefined && !guid.test(addinId)) throw new ManifestArgumentError(`--addin-id must be a GUID: ${addinId}`);
  const version = values.get('version');
  if (version !== undefined && !/^\d+\.\d+\.\d+$/.test(version)) throw new ManifestArgumentError(`--version must be major.minor.patch: ${version}`);
  const authority = values.get('authority');
  if (authority !== undefined && new URL(authority).protocol !== 'https:') throw new ManifestArgumentError(`--authority must be https: ${authority}`);

  const out = values.get('out');
  return {
    environment: {
      origin: parsed.origin,
      appId: appId.toLowerCase(),
      ...(authority ? { authority } : {}),
      ...(addinId ? { addinId: addinId.toLowerCase() } : {}),
      ...(version ? { version } : {}),
    },
    ...(out ? { out } : {}),
  };
}

/** The taskpane URL carries the App ID (and authority), so one bundle serves every environment. */
export function taskpaneUrl(environment: ManifestEnvironment): string {
  const url = new URL('/taskpane.html', environment.origin);
  url.searchParams.set('appId', environment.appId);
  if (environment.authority) url.searchParams.set('authority', environment.authority);
  return url.href;
}

/** Legacy Office SSO's resource: `api://<host>/<appId>`, on the add-in's own host (DESIGN §3). */
export function apiResource(environment: ManifestEnvironment): string {
  return `api://${new URL(environment.origin).host}/${environment.appId}`;
}
