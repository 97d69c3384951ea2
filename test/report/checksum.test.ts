import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checksum, sha256Hex, sha256Text } from "../../src/report/checksum";
import type { Grid } from "../../src/engine/grid";

describe("sha256", () => {
  it("matches the published test vectors", () => {
    expect(sha256Text("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Text("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("matches node:crypto on random bytes of every length around the block size", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), (bytes) => {
        expect(sha256Hex(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
      }),
      { numRuns: 300 },
    );
  });
});

describe("checksum(grid)", () => {
  const g = (values: Grid["values"], sheet = "S"): Grid => ({ sheet, origin: { row: 0, col: 0 }, values });

  it("ignores sheet name, trailing blanks and surrounding spaces; sees any changed value", () => {
    const base = checksum(g([["a", 1], [null, 2.5]]));
    expect(base).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(checksum(g([[" a ", 1, null], [null, 2.5, ""], []], "Other"))).toBe(base);
    expect(checksum(g([["a", 1], [null, 2.50001]]))).not.toBe(base);
    expect(checksum(g([["a", "1"], [null, 2.5]]))).not.toBe(base);
  });
});
