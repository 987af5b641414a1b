import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawIcon } from '../../scripts/manifest/draw-icon';
import { encodePng } from '../../scripts/manifest/encode-png';

const assets = resolve(import.meta.dirname, '../../assets');

function readPng(file: Buffer) {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20), bitDepth: file[24], colourType: file[25] };
}

describe('the add-in icons', () => {
  it.each([16, 32, 64, 80, 128])('icon-%i.png is a %i px RGBA PNG, as the drawing makes it', (size) => {
    const file = readFileSync(resolve(assets, `icon-${size}.png`));
    expect(readPng(file)).toEqual({ width: size, height: size, bitDepth: 8, colourType: 6 });
    expect(file.equals(encodePng(size, size, drawIcon(size)))).toBe(true);
  });

  it('has the unified manifest’s 192 px colour and 32 px outline icons', () => {
    expect(readPng(readFileSync(resolve(assets, 'color-192.png')))).toMatchObject({ width: 192, height: 192 });
    expect(readPng(readFileSync(resolve(assets, 'outline-32.png')))).toMatchObject({ width: 32, height: 32 });
  });

  it('encodes pixels that decode back unchanged', () => {
    const pixels = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 10, 20, 30, 40]);
    const png = encodePng(2, 2, pixels);
    const idatLength = png.readUInt32BE(33);
    const rows = inflateSync(png.subarray(41, 41 + idatLength));
    expect([...rows]).toEqual([0, ...pixels.subarray(0, 8), 0, ...pixels.subarray(8)]);
  });

  it('draws the outline icon in white only', () => {
    const pixels = drawIcon(32, 'outline');
    for (let index = 0; index < pixels.length; index += 4) expect([pixels[index], pixels[index + 1], pixels[index + 2]]).toEqual([255, 255, 255]);
  });
});
