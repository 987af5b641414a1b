/** What `npm run entra:app` was asked to do. */
export interface EntraAppArguments {
  /** The bridge environment, as in bridge.config.json (`environments[].environment`). */
  environment: string;
  /** Origin serving the taskpane and the bridge API, such as `https://erp.example.com`. */
  origin: string;
  mode: 'delegated' | 'app-only';
  /** Tenant id or verified domain to sign in to; `organizations` (the admin's own tenant) when absent. */
  tenant?: string;
  /** Write the registration and the equivalent az / PowerShell commands instead of calling Graph. */
  print: boolean;
  /** The configuration file to create or update. */
  config: string;
  /** Where the manifests (and with --print the registration files) go; `manifests/<environment>` by default. */
  out?: string;
}

export class EntraAppArgumentError extends Error {
  override readonly name = 'EntraAppArgumentError';
}

const usage = 'npm run entra:app -- --env NAME --url https://host [--mode delegated|app-only] [--tenant ID] [--print] [--config FILE] [--out DIR]';

/**
 * Reads the command line of `npm run entra:app`.
 * @example parseEntraAppArguments(['--env', 'acme', '--url', 'https://erp.acme.com', '--mode', 'app-only'])
 */
export function parseEntraAppArguments(argv: string[]): EntraAppArguments {
  const values = new Map<string, string>();
  let print = false;
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index] ?? '';
    if (flag === '--print') {
      print = true;
      continue;
    }
    const [name, inline] = flag.startsWith('--') ? flag.slice(2).split('=', 2) : [undefined, undefined];
    if (!name) throw new EntraAppArgumentError(`unexpected argument ${flag}\nusage: ${usage}`);
    const value = inline ?? argv[(index += 1)];
    if (value === undefined) throw new EntraAppArgumentError(`--${name} needs a value`);
    values.set(name, value);
  }
  const known = new Set(['env', 'url', 'mode', 'tenant', 'config', 'out']);
  for (const name of values.keys()) if (!known.has(name)) throw new EntraAppArgumentError(`unknown option --${name}\nusage: ${usage}`);

  const environment = values.get('env') ?? '';
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(environment)) {
    throw new EntraAppArgumentError(`--env must name the environment in lower-case letters, digits and dashes (such as acme): ${environment || 'missing'}`);
  }
  const url = values.get('url');
  if (!url) throw new EntraAppArgumentError(`--url is required, such as --url https://erp.example.com\nusage: ${usage}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new EntraAppArgumentError(`--url is not a URL: ${url}`);
  }
  if (parsed.protocol !== 'https:') throw new EntraAppArgumentError(`--url must be https (Office loads add-ins only over https): ${url}`);
  const mode = values.get('mode') ?? 'delegated';
  if (mode !== 'delegated' && mode !== 'app-only') throw new EntraAppArgumentError(`--mode must be delegated or app-only: ${mode}`);
  const tenant = values.get('tenant');
  if (tenant !== undefined && !/^[A-Za-z0-9.-]+$/.test(tenant)) throw new EntraAppArgumentError(`--tenant must be a tenant id or a verified domain: ${tenant}`);
  const out = values.get('out');
  return {
    environment,
    origin: parsed.origin,
    mode,
    ...(tenant ? { tenant } : {}),
    print,
    config: values.get('config') ?? 'bridge.config.json',
    ...(out ? { out } : {}),
  };
}
