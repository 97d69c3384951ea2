// Checksums of the inputs, written to the 方法・出典 sheet so a reviewer can tell whether a result
// came from the same data. SHA-256 in plain TypeScript: synchronous and the same in Node, the
// browser and Office (Web Crypto's digest is async, node:crypto is not available in the add-in).

import type { CellValue, Grid } from "../engine/grid";

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The platform's SHA-256 where there is a synchronous one (node:crypto, set by the command
 * line: about 30× faster than the code below); the pane keeps the code below. */
let platformSha256: ((data: Uint8Array) => string) | null = null;
export function usePlatformSha256(f: ((data: Uint8Array) => string) | null): void {
  platformSha256 = f;
}

/** SHA-256 of bytes, as 64 lowercase hex digits. */
export function sha256Hex(data: Uint8Array): string {
  return platformSha256 ? platformSha256(data) : sha256Portable(data);
}

/** SHA-256 in plain TypeScript (FIPS 180-4). */
export function sha256Portable(data: Uint8Array): string {
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  // Padding: 0x80, zeros, then the bit length as a 64-bit big-endian integer.
  const total = Math.ceil((data.length + 9) / 64) * 64;
  const buf = new Uint8Array(total);
  buf.set(data);
  buf[data.length] = 0x80;
  const view = new DataView(buf.buffer);
  const bits = data.length * 8;
  view.setUint32(total - 8, Math.floor(bits / 0x100000000));
  view.setUint32(total - 4, bits >>> 0);

  const w = new Uint32Array(64);
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15];
      const b = w[i - 2];
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i] + w[i]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, "0")).join("");
}

/** SHA-256 of a string's UTF-8 bytes. */
export function sha256Text(text: string): string {
  return sha256Hex(new TextEncoder().encode(text));
}

function canonicalCell(v: CellValue): CellValue {
  if (typeof v === "string") {
    const s = v.trim();
    return s === "" ? null : s;
  }
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  return v ?? null;
}

/**
 * Canonical serialisation of a grid's values: JSON of the rows with surrounding blanks trimmed
 * in strings, empty strings as null, and trailing empty cells and rows dropped. The sheet name and
 * position are left out, so renaming a sheet or moving the table does not change the checksum,
 * while any changed value does. Numbers are written by JSON.stringify (shortest round-trip form),
 * so a cell holding 1 and one holding "1" differ.
 */
export function canonicalGrid(grid: Grid): string {
  const rows = grid.values.map((row) => {
    const r = row.map(canonicalCell);
    while (r.length && r[r.length - 1] === null) r.pop();
    return r;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return JSON.stringify(rows);
}

/** SHA-256 of canonicalGrid(grid), "sha256:" + 64 hex digits. */
export function checksum(grid: Grid): string {
  return "sha256:" + sha256Text(canonicalGrid(grid));
}
