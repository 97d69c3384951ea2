// The command line hashes with node:crypto, the pane with the portable code: same digests.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Portable } from "../../src/report/checksum";

describe("SHA-256: portable code = node:crypto", () => {
  it("on lengths around the block and padding boundaries", () => {
    let seed = 1;
    for (const len of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 100_003]) {
      const data = new Uint8Array(len).map(() => (seed = (seed * 48271) % 2147483647) & 255);
      expect(sha256Portable(data), String(len)).toBe(createHash("sha256").update(data).digest("hex"));
    }
  });
});
