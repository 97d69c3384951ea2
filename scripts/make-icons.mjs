// Writes the add-in icons (assets/icon-16.png … icon-128.png): concentric ripples on a deep
// teal rounded square. Only node:zlib is used so the icons can be regenerated anywhere:
//   node scripts/make-icons.mjs
// The PNGs are committed; this script is how they were made.

import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ICON_SIZES = [16, 32, 64, 80, 128];

const BACKGROUND = [0x0b, 0x5c, 0x6b]; // deep teal
const RIPPLE = [0xf2, 0xfb, 0xfc]; // near white
const DROP = [0xff, 0xb3, 0x2e]; // amber centre: the shock that starts the ripple

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encode RGBA pixels (Uint8Array, width*height*4) as a PNG file. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Coverage of a sample point in unit-square coordinates (0..1): background, ring or drop. */
function shade(u, v) {
  // Rounded square mask (corner radius 0.18).
  const r = 0.18;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if (Math.hypot(u - cx, v - cy) > r) return null;
  // Rings around a centred drop: the shock and the rounds of effects spreading from it.
  const d = Math.hypot(u - 0.5, v - 0.5);
  if (d < 0.1) return DROP;
  for (const [radius, half] of [
    [0.2, 0.035],
    [0.3, 0.03],
    [0.4, 0.025],
  ]) {
    if (Math.abs(d - radius) < half) return RIPPLE;
  }
  return BACKGROUND;
}

/** Render one icon with 4×4 supersampling so small sizes stay smooth. */
export function renderIcon(size) {
  const ss = 4;
  const px = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let rr = 0, gg = 0, bb = 0, aa = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (!c) continue;
          rr += c[0];
          gg += c[1];
          bb += c[2];
          aa += 1;
        }
      }
      const o = (y * size + x) * 4;
      if (aa > 0) {
        px[o] = Math.round(rr / aa);
        px[o + 1] = Math.round(gg / aa);
        px[o + 2] = Math.round(bb / aa);
      }
      px[o + 3] = Math.round((255 * aa) / (ss * ss));
    }
  }
  return encodePng(size, size, px);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const dir = resolve(root, "assets");
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = resolve(dir, `icon-${size}.png`);
    writeFileSync(file, renderIcon(size));
    console.log(`wrote ${file}`);
  }
}
