// Writes site/public/favicon.ico from the same drawing as site/public/favicon.svg (a white tick on a
// near-black square): browsers and hosts that ask for /favicon.ico get a real icon (issue 14 §4).
// 16, 32 and 48 px images, 32-bit BMP entries, 4×4 supersampled. Deterministic: run it again after
// changing the SVG's drawing here. `node_modules/.bin/node scripts/make-favicon.ts`
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BG = [0x0b, 0x0c, 0x0c];
const TICK: [number, number][] = [[8, 17], [14, 23], [24, 9]]; // the SVG's path, in its 32-unit box
const HALF = 2; // stroke-width 4

function distToSegment(px: number, py: number, [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** BGRA rows bottom-up, as a BMP inside an ICO stores them. */
function draw(size: number): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let ink = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const ux = ((x + (sx + 0.5) / S) * 32) / size;
          const uy = ((y + (sy + 0.5) / S) * 32) / size;
          const d = Math.min(distToSegment(ux, uy, TICK[0]!, TICK[1]!), distToSegment(ux, uy, TICK[1]!, TICK[2]!));
          if (d <= HALF) ink++;
        }
      }
      const a = ink / (S * S);
      const o = ((size - 1 - y) * size + x) * 4;
      px[o] = Math.round(BG[2]! + (255 - BG[2]!) * a);
      px[o + 1] = Math.round(BG[1]! + (255 - BG[1]!) * a);
      px[o + 2] = Math.round(BG[0]! + (255 - BG[0]!) * a);
      px[o + 3] = 255;
    }
  }
  return px;
}

function bmpEntry(size: number): Buffer {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, draw(size), Buffer.alloc(maskRow * size)]);
}

export function favicon(sizes = [16, 32, 48]): Buffer {
  const images = sizes.map(bmpEntry);
  const dir = Buffer.alloc(6 + 16 * sizes.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2); // icon
  dir.writeUInt16LE(sizes.length, 4);
  let offset = dir.length;
  sizes.forEach((s, i) => {
    const e = 6 + 16 * i;
    dir.writeUInt8(s % 256, e);
    dir.writeUInt8(s % 256, e + 1);
    dir.writeUInt16LE(1, e + 4);
    dir.writeUInt16LE(32, e + 6);
    dir.writeUInt32LE(images[i]!.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += images[i]!.length;
  });
  return Buffer.concat([dir, ...images]);
}

if (import.meta.main) {
  const to = join(import.meta.dirname, '..', 'site', 'public', 'favicon.ico');
  writeFileSync(to, favicon());
  console.log(`wrote ${to}`);
}
