import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ManifestEnvironment } from './manifest-environment';
import { localizationFileOf, renderUnifiedManifest } from './render-unified-manifest';
import { renderXmlManifest } from './render-xml-manifest';

/** Writes manifest.xml, manifest.json and its es / fr localization files for one environment into `directory`. */
export function writeManifestFiles(environment: ManifestEnvironment, directory: string): void {
  mkdirSync(directory, { recursive: true });
  const { manifest, localizations } = renderUnifiedManifest(environment);
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  writeFileSync(resolve(directory, 'manifest.xml'), renderXmlManifest(environment));
  writeFileSync(resolve(directory, 'manifest.json'), json(manifest));
  for (const locale of ['es', 'fr'] as const) writeFileSync(resolve(directory, localizationFileOf(locale)), json(localizations[locale]));
}
