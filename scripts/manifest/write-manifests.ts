/**
 * `npm run manifest -- --url https://host --app-id GUID [--authority URL] [--addin-id GUID] [--version x.y.z] [--out DIR]`
 * writes manifest.xml, manifest.json and its es / fr localization files for one environment.
 * Without --out they replace the committed ones at the project root.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManifestArgumentError, parseManifestArguments } from './manifest-environment';
import { writeManifestFiles } from './write-manifest-files';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

try {
  const { environment, out } = parseManifestArguments(process.argv.slice(2));
  const directory = resolve(root, out ?? '.');
  writeManifestFiles(environment, directory);
  console.log(`manifests for ${environment.origin} (App ID ${environment.appId}) written to ${directory}`);
} catch (error) {
  if (!(error instanceof ManifestArgumentError || error instanceof TypeError)) throw error;
  console.error(error.message);
  process.exit(1);
}
