// seedrandom's default generator (ARC4, its bytes made into doubles as seedrandom 3.0.5 does),
// with the byte loop on a Uint8Array and inlined: a Monte Carlo of 100,000 draws asks it for
// millions of numbers, and seedrandom's per-call property reads and nested calls were a tenth of
// the run. The key schedule is seedrandom's own (its state after seeding), so a seed gives the
// same stream to the last bit (test/engine/market/arc4.test.ts compares them).
import seedrandom from "seedrandom";

const TWO_48 = 281474976710656;
const TWO_52 = 4503599627370496;
const TWO_53 = 9007199254740992;

/** seedrandom's ARC4 state after seeding, stepped here; fields, not closed-over variables, and
 * the byte step written out twice rather than called (about half seedrandom's time a number). */
class Arc4Stream {
  private readonly s: Uint8Array;
  private i: number;
  private j: number;

  constructor(seed: string) {
    const start = seedrandom(seed, { state: true }).state();
    this.s = Uint8Array.from(start.S);
    this.i = start.i;
    this.j = start.j;
  }

  /** seedrandom's prng, step for step: six bytes as a 48-bit numerator, then one byte at a time
   * until 52 significant bits, halved back below 2^53 so that adding the last byte does not round. */
  next(): number {
    const s = this.s;
    let i = this.i;
    let j = this.j;
    let n = 0;
    for (let c = 0; c < 6; c++) {
      i = (i + 1) & 255;
      const t = s[i];
      j = (j + t) & 255;
      const u = s[j];
      s[i] = u;
      s[j] = t;
      n = n * 256 + s[(u + t) & 255];
    }
    let d = TWO_48;
    let x = 0;
    while (n < TWO_52) {
      n = (n + x) * 256;
      d *= 256;
      i = (i + 1) & 255;
      const t = s[i];
      j = (j + t) & 255;
      const u = s[j];
      s[i] = u;
      s[j] = t;
      x = s[(u + t) & 255];
    }
    this.i = i;
    this.j = j;
    while (n >= TWO_53) {
      n /= 2;
      d /= 2;
      x >>>= 1;
    }
    return (n + x) / d;
  }
}

/** Uniform numbers in [0, 1): the numbers seedrandom(seed) gives, in the same order. */
export function arc4Uniform(seed: string): () => number {
  const g = new Arc4Stream(seed);
  return () => g.next();
}
