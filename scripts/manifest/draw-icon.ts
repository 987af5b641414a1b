/**
 * The add-in's icon, drawn in code so every size is sharp: a rounded square in the Fluent brand
 * blue carrying a white bridge (a deck on two piers under an arch). `outline` draws the same
 * shapes in white on transparency, as the unified manifest's outline icon must be.
 */
export function drawIcon(size: number, style: 'color' | 'outline' = 'color'): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4; // 4×4 supersampling for smooth edges
  const brand = [15, 108, 189]; // #0F6CBD, Fluent's brand 80
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let inSquare = 0;
      let inGlyph = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const u = (x + (sx + 0.5) / samples) / size;
          const v = (y + (sy + 0.5) / samples) / size;
          if (roundedSquare(u, v)) inSquare += 1;
          if (bridge(u, v)) inGlyph += 1;
        }
      }
      const square = inSquare / samples ** 2;
      const glyph = inGlyph / samples ** 2;
      const offset = (y * size + x) * 4;
      if (style === 'outline') {
        pixels.set([255, 255, 255, Math.round(255 * glyph)], offset);
      } else {
        const [red = 0, green = 0, blue = 0] = brand.map((channel) => Math.round(channel + (255 - channel) * glyph));
        pixels.set([red, green, blue, Math.round(255 * square)], offset);
      }
    }
  }
  return pixels;
}

function roundedSquare(u: number, v: number): boolean {
  const radius = 0.2;
  const dx = Math.max(radius - u, u - (1 - radius), 0);
  const dy = Math.max(radius - v, v - (1 - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

function bridge(u: number, v: number): boolean {
  const deck = v >= 0.52 && v <= 0.62 && u >= 0.14 && u <= 0.86;
  const piers = v >= 0.52 && v <= 0.82 && ((u >= 0.24 && u <= 0.34) || (u >= 0.66 && u <= 0.76));
  // An arch from pier to pier, 0.08 thick, its top at v = 0.22.
  const distance = Math.hypot((u - 0.5) / 0.36, (v - 0.56) / 0.34);
  const arch = v <= 0.56 && distance >= 0.78 && distance <= 1;
  return deck || piers || arch;
}
