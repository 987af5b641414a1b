/**
 * Writes the add-in icons into assets/: icon-16/32/64/80/128.png for the ribbon and the XML
 * manifest, color-192.png and outline-32.png for the unified manifest.
 * Run: npx tsx scripts/manifest/write-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawIcon } from './draw-icon';
import { encodePng } from './encode-png';

export const ribbonIconSizes = [16, 32, 64, 80, 128] as const;

const assets = resolve(dirname(fileURLToPath(import.meta.url)), '../../assets');
for (const size of ribbonIconSizes) writeFileSync(resolve(assets, `icon-${size}.png`), encodePng(size, size, drawIcon(size)));
writeFileSync(resolve(assets, 'color-192.png'), encodePng(192, 192, drawIcon(192)));
writeFileSync(resolve(assets, 'outline-32.png'), encodePng(32, 32, drawIcon(32, 'outline')));
console.log(`icons written to ${assets}`);
