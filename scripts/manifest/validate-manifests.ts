/**
 * `npm run validate [-- --dir DIR] [-- --offline]`: checks the manifests of one environment (the
 * committed ones, or those `npm run manifest -- --out DIR` wrote). Offline: the unified manifest and
 * its localizations against the schemas @microsoft/app-manifest ships, and the XML manifest's
 * well-formedness. Then, unless --offline, `office-addin-manifest validate` sends manifest.xml to
 * Microsoft's validation service, the check AppSource and the admin center apply.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkXmlWellFormed } from './check-xml-well-formed';
import { localizationFileOf, unifiedManifestVersion } from './render-unified-manifest';
import { validateAgainstShippedSchema } from './validate-unified-manifest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs a command and gives back whether it succeeded and what it printed. */
export type RunCommand = (command: string, args: string[]) => Promise<{ ok: boolean; output: string }>;

export interface ManifestValidation {
  ok: boolean;
  /** One line per check, in the order they ran. */
  lines: string[];
}

const runCommand: RunCommand = (command, args) =>
  new Promise((done) => {
    execFile(command, args, { cwd: root, timeout: 120_000 }, (error, stdout, stderr) => done({ ok: !error, output: `${stdout}${stderr}`.trim() }));
  });

/**
 * Validates manifest.json (with manifest.es.json and manifest.fr.json) and manifest.xml in `directory`.
 * @example const { ok, lines } = await validateManifests('.', { offline: true });
 */
export async function validateManifests(directory: string, options: { offline: boolean; run?: RunCommand }): Promise<ManifestValidation> {
  const lines: string[] = [];
  let ok = true;
  const check = (file: string, problems: string[], passed: string) => {
    if (problems.length === 0) lines.push(`ok    ${file}: ${passed}`);
    else {
      ok = false;
      lines.push(`FAIL  ${file}:`, ...problems.map((problem) => `        ${problem}`));
    }
  };
  const read = (file: string): string | undefined => {
    const path = join(directory, file);
    if (existsSync(path)) return readFileSync(path, 'utf8');
    ok = false;
    lines.push(`FAIL  ${file}: not found in ${directory} (write it with npm run manifest)`);
    return undefined;
  };
  const json = (file: string, text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (error) {
      check(file, [`not JSON: ${(error as Error).message}`], '');
      return undefined;
    }
  };

  const schemaNote = `valid against the unified manifest schema ${unifiedManifestVersion} (shipped with @microsoft/app-manifest)`;
  const unified = read('manifest.json');
  const manifest = unified === undefined ? undefined : json('manifest.json', unified);
  if (manifest !== undefined) check('manifest.json', validateAgainstShippedSchema(manifest, unifiedManifestVersion, 'MicrosoftTeams.schema.json'), schemaNote);
  for (const locale of ['es', 'fr'] as const) {
    const file = localizationFileOf(locale);
    const text = read(file);
    const localization = text === undefined ? undefined : json(file, text);
    if (localization !== undefined) check(file, validateAgainstShippedSchema(localization, unifiedManifestVersion, 'MicrosoftTeams.Localization.schema.json'), `valid against the localization schema ${unifiedManifestVersion}`);
  }
  const xml = read('manifest.xml');
  if (xml !== undefined) check('manifest.xml', checkXmlWellFormed(xml), 'well-formed XML');

  if (options.offline) {
    lines.push('skip  manifest.xml: Microsoft’s validation service (--offline)');
  } else if (xml !== undefined) {
    const cli = join(root, 'node_modules', 'office-addin-manifest', 'cli.js');
    const answer = await (options.run ?? runCommand)(process.execPath, [cli, 'validate', join(resolve(directory), 'manifest.xml')]);
    const unreachable = /Unable to contact the manifest validation service/.test(answer.output);
    check(
      'manifest.xml',
      answer.ok
        ? []
        : [unreachable ? 'Microsoft’s validation service cannot be reached (it needs the internet); run with --offline for the local checks only' : answer.output || 'office-addin-manifest validate failed'],
      'accepted by Microsoft’s validation service (office-addin-manifest validate)',
    );
  }
  return { ok, lines };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dirAt = args.indexOf('--dir');
  const directory = resolve(root, dirAt >= 0 ? (args[dirAt + 1] ?? '.') : '.');
  const { ok, lines } = await validateManifests(directory, { offline: args.includes('--offline') });
  console.log(lines.join('\n'));
  process.exit(ok ? 0 : 1);
}
