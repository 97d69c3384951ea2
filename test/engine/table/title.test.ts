import { describe, expect, it } from "vitest";
import { unitFrom } from "../../../src/engine/table/title";

describe("unit of a table from its title", () => {
  it("reads the unit whichever way round the publisher writes it", () => {
    expect(unitFrom("平成23年産業連関表 13部門　単位：百万円")).toBe("百万円");
    expect(unitFrom("Domestic use table at basic prices (million EUR)")).toBe("million EUR");
    expect(unitFrom("Domestic use table at basic prices, 2019, EUR million")).toBe("EUR million");
    expect(unitFrom("Input-output analytical table 2019 (£ million)")).toBe("£ million");
    expect(unitFrom("Use table, USD billions")).toBe("USD billions");
  });

  it("finds no unit where the title names none", () => {
    expect(unitFrom("Domestic use table, 2019")).toBeNull();
    expect(unitFrom("Euro area, 2019")).toBeNull();
  });
});
