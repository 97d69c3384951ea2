// Errors cross the worker boundary as data and come back as the same RippleError: code, kind,
// both languages, sheet and cell, and every problem of a list; other errors keep their message.

import { describe, expect, it } from "vitest";
import { RippleError, RippleErrorList, cancelledError } from "../../src/engine/errors";
import { fromWire, toWire } from "../../src/taskpane/worker/protocol";
import { runJob, workersAvailable } from "../../src/taskpane/worker/client";

/** What a structured clone keeps: data, no classes. */
const clone = <T>(v: T): T => structuredClone(v);

describe("compute worker protocol", () => {
  it("rebuilds a RippleError with its place and both languages", () => {
    const e = new RippleError("x", { ja: "値が不正です", en: "bad value" }, { sheet: "磁石パラメータ", cell: "C5" }, "numeric");
    const back = fromWire(clone(toWire(e)));
    expect(back).toBeInstanceOf(RippleError);
    const r = back as RippleError;
    expect([r.code, r.kind, r.where, r.text]).toEqual(["x", "numeric", { sheet: "磁石パラメータ", cell: "C5" }, e.text]);
    expect(r.format("ja")).toBe("シート「磁石パラメータ」 セル C5: 値が不正です");
  });

  it("rebuilds a list with every problem, and a cancel as a cancel", () => {
    const list = new RippleErrorList("projects-invalid", [
      new RippleError("a", { ja: "一", en: "one" }, { sheet: "事業計画", cell: "B3" }),
      new RippleError("b", { ja: "二", en: "two" }, { sheet: "事業計画", cell: "D7" }),
    ]);
    const back = fromWire(clone(toWire(list)));
    expect(back).toBeInstanceOf(RippleErrorList);
    expect((back as RippleErrorList).problems.map((p) => p.format("en"))).toEqual(list.problems.map((p) => p.format("en")));
    expect((back as RippleErrorList).format("ja")).toBe(list.format("ja"));
    expect((fromWire(clone(toWire(cancelledError()))) as RippleError).kind).toBe("cancelled");
  });

  it("keeps an unexpected error's name and message", () => {
    const back = fromWire(clone(toWire(new TypeError("x is undefined"))));
    expect(back).not.toBeInstanceOf(RippleError);
    expect([back.name, back.message]).toEqual(["TypeError", "x is undefined"]);
    expect(fromWire(clone(toWire("plain"))).message).toBe("plain");
  });

  it("runs the job in this thread where no Worker exists (Node), with progress and abort", async () => {
    expect(workersAvailable()).toBe(false);
    const seen: string[] = [];
    const out = await runJob("market", async (n: number, c) => {
      c.onProgress?.({ stage: "simulate", fraction: 0.5 });
      return n * 2;
    }, 21, { onProgress: (p) => seen.push(p.stage) });
    expect(out).toBe(42);
    expect(seen).toEqual(["simulate"]);
  });
});
