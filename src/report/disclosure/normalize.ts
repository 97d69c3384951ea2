// Finding a confidential name however it was typed: "例示磁石株式会社Ａ" (full-width letter),
// "例示 磁石株式会社A" (an extra space), "hidden rare earth kk" (case), "ﾚｱｱｰｽ" (half-width kana)
// and "P‐01" (another dash) all match. Both sides are compared after compatibility
// decomposition (NFKD, per character so positions map back), case folding, dash unification
// and removal of white space; the match is then replaced in the original text.

const DASHES = /[\u2010-\u2015\u2212\uff0d]/;

/** A character as compared: NFKD, lower case, dashes as "-", "" for white space. */
function fold(ch: string): string {
  if (/\s/u.test(ch)) return "";
  if (DASHES.test(ch)) return "-";
  return ch.normalize("NFKD").toLowerCase();
}

export function normalizeName(s: string): string {
  return [...s].map(fold).join("");
}

const ALNUM = /[0-9a-z]/;

/** [start, end) ranges of `text` (UTF-16 offsets) where one of the names occurs. A name that
 * begins or ends with a letter or digit must not continue a longer word ("P-01" is not found
 * in "P-010"). */
export function findNames(text: string, names: string[]): [number, number][] {
  const folded: string[] = [];
  const at: number[] = [];
  let offset = 0;
  for (const ch of text) {
    for (const f of fold(ch)) {
      folded.push(f);
      at.push(offset);
    }
    offset += ch.length;
  }
  const hay = folded.join("");
  // UTF-16 positions in `hay` → index into `folded` (one entry per folded code unit group).
  const unitToIdx: number[] = [];
  folded.forEach((f, i) => {
    for (let k = 0; k < f.length; k++) unitToIdx.push(i);
  });
  const ranges: [number, number][] = [];
  for (const name of names) {
    const needle = normalizeName(name);
    if (!needle) continue;
    for (let pos = hay.indexOf(needle); pos >= 0; pos = hay.indexOf(needle, pos + 1)) {
      const before = pos > 0 ? hay[pos - 1] : "";
      const after = hay[pos + needle.length] ?? "";
      if ((ALNUM.test(needle[0]) && ALNUM.test(before)) || (ALNUM.test(needle[needle.length - 1]) && ALNUM.test(after))) continue;
      const first = unitToIdx[pos];
      const last = unitToIdx[pos + needle.length - 1];
      const lastChar = text.codePointAt(at[last])!;
      ranges.push([at[first], at[last] + (lastChar > 0xffff ? 2 : 1)]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const m = merged[merged.length - 1];
    if (m && r[0] <= m[1]) m[1] = Math.max(m[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** The text with every occurrence of the names replaced by `mask`. */
export function maskNames(text: string, names: string[], mask: string): string {
  const ranges = findNames(text, names);
  let out = text;
  for (const [s, e] of ranges.reverse()) out = out.slice(0, s) + mask + out.slice(e);
  return out;
}
