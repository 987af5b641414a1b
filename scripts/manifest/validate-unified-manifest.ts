import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Schema validation with the Ajv that @microsoft/app-manifest itself uses (draft-04 with the
 * uri, email and regex formats), against the schemas that package ships, so it runs offline.
 * The package's own `AppManifestUtils.validateAgainstSchema` cannot load here: it requires
 * fs-extra, which the package does not declare.
 */
interface ValidationError {
  instancePath: string;
  message?: string;
  params?: unknown;
}

interface Validate {
  (data: unknown): boolean;
  errors?: ValidationError[] | null;
}

interface Ajv {
  compile(schema: object): Validate;
}

type AjvConstructor = new (options: { allErrors: boolean; strictTypes: boolean; unicodeRegExp: boolean }) => Ajv;
type AddFormats = (ajv: Ajv, formats: string[]) => void;

const manifestPackage = createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json');
const fromManifestPackage = createRequire(manifestPackage);
const schemaDirectory = (version: string) => join(dirname(manifestPackage), 'build', 'json-schemas', 'teams', `v${version}`);

function load<T>(name: string): T {
  const module: { default?: T } & T = fromManifestPackage(name);
  return module.default ?? module;
}

/** Validates against a shipped schema file; returns "path message" lines, empty when valid. */
export function validateAgainstShippedSchema(data: unknown, version: string, file: 'MicrosoftTeams.schema.json' | 'MicrosoftTeams.Localization.schema.json'): string[] {
  const Ajv = load<AjvConstructor>('ajv-draft-04');
  const addFormats = load<AddFormats>('ajv-formats');
  // The localization schema has patterns (`\b]`) that are invalid in unicode mode.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const schema: object = JSON.parse(readFileSync(join(schemaDirectory(version), file), 'utf8'));
  const validate = ajv.compile(schema);
  return validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params ?? {})}`);
}

export function hasShippedSchema(version: string): boolean {
  try {
    readFileSync(join(schemaDirectory(version), 'MicrosoftTeams.schema.json'));
    return true;
  } catch {
    return false;
  }
}
