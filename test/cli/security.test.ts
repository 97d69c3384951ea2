// The `security` block (RESILIENCE.md 6) of `ripple demo --json` and of `analyze --projects …
// --market …`: its fields, the severe scenario losing output without the plans and less with
// them, "none" losing nothing, the expectation Σ p × avoided, the B/C as the ratio of its two
// present values, and the reference ratio renamed.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { repoRoot, run } from "./helpers";

const samplePath = () => join(repoRoot, "assets", "ripple-sample.xlsx");

interface SecurityBlock {
  scenarios: {
    id: string;
    probability: number;
    shortfallTonnes: { without: number; with: number };
    lostOutput: { without: number; with: number };
    lostValueAdded: { without: number; with: number };
    avoidedValueAdded: number;
  }[];
  expectedAnnualAvoidedValueAdded: number[];
  pvExpectedAvoidedValueAdded: number;
  pvSubsidy: number;
  benefitCostRatio: number;
  inducedValueAddedPerSubsidy: number;
}

function checkBlock(s: SecurityBlock, detail: { years: number[]; scenarios: { byYear: { avoided: { valueAdded: number } }[] }[] }, projects: { years: number[]; baseYear: number; pv: { subsidy: number }; inducedValueAddedPerSubsidy: number }) {
  expect(Object.keys(s).sort()).toEqual(
    ["benefitCostRatio", "expectedAnnualAvoidedValueAdded", "inducedValueAddedPerSubsidy", "pvExpectedAvoidedValueAdded", "pvSubsidy", "scenarios"].sort(),
  );
  const ids = s.scenarios.map((x) => x.id);
  expect(ids).toEqual(["none", "april2025", "severe"]);
  const none = s.scenarios[0];
  expect([none.shortfallTonnes.without, none.lostOutput.without, none.lostValueAdded.without, none.avoidedValueAdded]).toEqual([0, 0, 0, 0]);
  const severe = s.scenarios[2];
  expect(severe.lostOutput.without).toBeGreaterThan(0);
  expect(severe.lostOutput.with).toBeLessThan(severe.lostOutput.without);
  expect(severe.avoidedValueAdded).toBeCloseTo(severe.lostValueAdded.without - severe.lostValueAdded.with, 6);
  expect(s.scenarios.reduce((a, x) => a + x.probability, 0)).toBeCloseTo(1, 12);
  // Σ p × avoided by year (the block's scenarios are totals over years; the detail has each year)
  expect(s.expectedAnnualAvoidedValueAdded).toHaveLength(detail.years.length);
  detail.years.forEach((_, t) => {
    const e = s.scenarios.reduce((a, x, i) => a + x.probability * detail.scenarios[i].byYear[t].avoided.valueAdded, 0);
    expect(s.expectedAnnualAvoidedValueAdded[t]).toBeCloseTo(e, 6);
  });
  const pv = detail.years.reduce((a, y, t) => a + s.expectedAnnualAvoidedValueAdded[t] / Math.pow(1.04, y - projects.baseYear), 0);
  expect(s.pvExpectedAvoidedValueAdded).toBeCloseTo(pv, 6);
  expect(s.pvSubsidy).toBe(projects.pv.subsidy);
  expect(s.benefitCostRatio).toBe(s.pvExpectedAvoidedValueAdded / s.pvSubsidy);
  expect(s.inducedValueAddedPerSubsidy).toBe(projects.inducedValueAddedPerSubsidy);
}

describe("security block", () => {
  it("ripple demo --json -", async () => {
    const r = await run(["demo", "--json", "-"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    checkBlock(j.security, j.securityDetail, j.projects);
    expect(j.securityDetail.concordance.every((c: { sectorLabel: string }) => c.sectorLabel.includes("製造業"))).toBe(true);
  }, 60_000);

  it("ripple analyze --projects … --market … --json - on the sample", async () => {
    const r = await run(["analyze", samplePath(), "--projects", "事業計画", "--market", "磁石パラメータ", "--json", "-"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const d = await run(["demo", "--json", "-"]);
    const demo = JSON.parse(d.out);
    checkBlock(j.security, j.securityDetail, demo.projects);
    // the same workbook gives the same numbers through both commands
    expect(j.security).toEqual(demo.security);
  }, 90_000);
});
