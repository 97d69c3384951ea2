// One Monte Carlo draw of the security evaluation (montecarlo.ts) needs two numbers: the PV of the
// expected avoided gross value added and the B/C. evaluateSecurity builds every case's record
// (objects, a map, spread copies, the key of each parameter) and took about a millisecond a draw:
// 100,000 draws ran for minutes. Here what does not depend on the drawn parameters (demand,
// imports after the cut, each application's sector and unit loss, the discount factors) is
// computed once, and a draw does the same operations in the same order as evaluateSecurity for the
// gross value added — the same numbers to the bit (test/engine/security/drawEvaluator.test.ts).
// A draw the full evaluation would refuse (a lost output above what a sector makes) returns null,
// and the caller runs the full evaluation, which refuses it as always; so does the dynamic path.

import { checkSecurityParameters, scenarioProbabilities, type SecurityInput } from "./evaluate";
import type { DisruptionEvent, YearFlows } from "./supply";

/** One scenario × year × case (without / with the plans): what eventSupply computes without the
 * parameters, as it computes it. */
interface Case {
  years: number;
  demandYear: number;
  demand: number;
  imports: number;
  flows: YearFlows;
  months: number;
}

export interface DrawValue {
  benefitCostRatio: number;
  pvValueAdded: number;
}

const sum = (a: number[]): number => a.reduce((s, v) => s + v, 0);

function caseOf(f: YearFlows, e: DisruptionEvent): Case {
  const years = e.months / 12;
  const demandYear = sum(f.demandByApplication);
  const imports = sum(f.importsByOrigin.map((m, o) => m * (1 - (e.cutByOrigin[o] ?? 0)))) * years;
  return { years, demandYear, demand: demandYear * years, imports, flows: f, months: e.months };
}

/** The draw's value for the static loss path, or null where the full evaluation must decide. */
export function securityDrawEvaluator(input: SecurityInput): (p: Record<string, number>) => DrawValue | null {
  const apps = input.applications.map((a, i) => {
    const j = input.sectorOfApplication[i];
    return { key: `dependent:${a}`, sector: j, unitValueAdded: input.unit.bySector.get(j)!.valueAdded };
  });
  const sectors = [...new Set(apps.map((a) => a.sector))];
  const slotOf = apps.map((a) => sectors.indexOf(a.sector));
  const outputOf = sectors.map((j) => input.unit.output.get(j));
  const lost = new Float64Array(sectors.length);
  const touched = new Uint8Array(sectors.length);
  const cases = input.scenarios.map((s) => input.years.map((_, t) => [caseOf(input.without[t], s.event), caseOf(input.with[t], s.event)]));
  const discountFactors = input.years.map((y) => 1 / Math.pow(1 + input.discountRate, y - input.baseYear));
  const expected = new Float64Array(input.years.length);
  // A scenario without an event (0 months) loses nothing in any draw, and a case without a
  // shortfall loses nothing: each application's lost output is 0 × finite numbers. So both are
  // skipped — exactly, as long as every number of the flows is finite (else the full evaluation
  // decides every draw; the drawn parameters are checked finite by checkSecurityParameters).
  const finiteFlows = [...input.without, ...input.with].every((f) => f.demandByApplication.every(Number.isFinite)) && Number.isFinite(input.tableUnitsPerMillionYen);
  const eventless = input.scenarios.map((s) => s.event.months === 0);
  // The draw's parameters, read once per draw (the record is looked up by key).
  const dependent = new Float64Array(apps.length);
  let surge = 0;
  let plan = 0;
  let inventoryMonths = 0;
  let otherSpare = 0;

  /** Lost gross value added of one case (lossesOf's valueAdded), or NaN where it would refuse. */
  function caseValueAdded(c: Case): number {
    const f = c.flows;
    const domesticYear = Math.max(0, f.existingCapacity * surge + f.supportedCapacity * plan - f.exports);
    const domestic = domesticYear * c.years;
    const otherOrigins = otherSpare * c.years;
    const inventory = c.months > 0 ? (inventoryMonths * c.demandYear) / 12 : 0;
    const gap = c.demand - domestic - c.imports - otherOrigins - inventory;
    const shortfall = gap > 1e-12 * c.demand ? gap : 0;
    const unmetShare = c.demand > 0 ? shortfall / c.demand : 0;
    if (unmetShare === 0 && Number.isFinite(c.years)) return 0;
    let losses = 0;
    lost.fill(0);
    touched.fill(0);
    for (let a = 0; a < apps.length; a++) {
      const dx = f.demandByApplication[a] * c.years * unmetShare * dependent[a] * input.tableUnitsPerMillionYen;
      if (dx === 0) continue;
      lost[slotOf[a]] += dx;
      touched[slotOf[a]] = 1;
      losses += dx * apps[a].unitValueAdded;
    }
    for (let k = 0; k < sectors.length; k++) {
      const o = outputOf[k];
      if (!touched[k] || !o) continue;
      if (!(lost[k] <= ((o.x * c.months) / 12) * (1 + 1e-12))) return NaN;
    }
    return losses;
  }

  return (p) => {
    if (p.lossPath === 1 || !finiteFlows) return null;
    checkSecurityParameters(input, p);
    const probs = scenarioProbabilities(input, p);
    for (let a = 0; a < apps.length; a++) dependent[a] = p[apps[a].key];
    surge = p.surgeUtilization;
    plan = p.planUtilization;
    inventoryMonths = p.inventoryMonths;
    otherSpare = p.otherOriginsSpare;
    expected.fill(0);
    for (let s = 0; s < cases.length; s++) {
      if (eventless[s]) continue;
      for (let t = 0; t < cases[s].length; t++) {
        const without = caseValueAdded(cases[s][t][0]);
        const withPlans = caseValueAdded(cases[s][t][1]);
        if (Number.isNaN(without) || Number.isNaN(withPlans)) return null;
        let avoided = 0;
        avoided += 1 * without;
        avoided += -1 * withPlans;
        expected[t] += probs[s] * avoided;
      }
    }
    let pv = 0;
    for (let t = 0; t < expected.length; t++) pv += discountFactors[t] * expected[t];
    return { benefitCostRatio: pv / input.pvSubsidy, pvValueAdded: pv };
  };
}
