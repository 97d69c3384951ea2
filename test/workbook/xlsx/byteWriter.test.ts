// The UTF-8 buffer the bulk sheets are written into: text that does not fit in one byte per
// character (labels in Japanese, a character outside the BMP) is finished after the buffer grows.
import { describe, expect, it } from "vitest";
import { ByteWriter } from "../../../src/workbook/xlsx/byteWriter";

describe("ByteWriter", () => {
  it("writes any text as UTF-8 across growth, ASCII rows and wide characters alike", () => {
    const pieces = ['<row r="1">', "部門1 & 名前", "<v>0.012345678901234567</v>", "😀x😀", "", "é".repeat(50), "a".repeat(1000)];
    for (const initial of [1, 4, 16, 64]) {
      const w = new ByteWriter(initial);
      for (const p of pieces) w.text(p);
      w.ascii("</row>");
      expect(Buffer.from(w.result()).toString("utf8")).toBe(pieces.join("") + "</row>");
      expect(w.length).toBe(Buffer.byteLength(pieces.join("") + "</row>", "utf8"));
    }
  });
});
