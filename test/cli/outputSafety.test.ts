// Nothing lost, nothing half-written (issue 16): every output is staged and published with an
// exclusive name, a failed run leaves nothing, targets that are links or folders are refused,
// text is made safe for XML and the terminal, and overflowed results are refused.
import { execFileSync } from "node:child_process";
import { promises as fsPromises, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it, vi } from "vitest";
import { OutputSet } from "../../src/cli/atomicWrite";
import { checkFiniteJson } from "../../src/cli/finiteResults";
import type { RippleError } from "../../src/engine/errors";
import { jaCsv, run, syntheticTableCsv, tempDir } from "./helpers";

const table = (labels: Record<string, string> = {}) => {
  let csv = syntheticTableCsv(3);
  for (const [from, to] of Object.entries(labels)) csv = csv.split(from).join(to);
  return csv;
};

/** Files in the folder, temporaries included (they start with a dot). */
const listing = (dir: string) => readdirSync(dir).sort();

describe("outputs are published whole, under a name of their own", () => {
  it("ten concurrent writers of one name leave ten complete files with distinct names", async () => {
    const dir = tempDir();
    const target = join(dir, "out.xlsx");
    const bodies = Array.from({ length: 10 }, (_, i) => `complete file ${i} `.repeat(50_000 + i));
    const names = await Promise.all(
      bodies.map(async (b) => {
        const set = new OutputSet();
        await set.stage(target, b, { freeName: true, what: { ja: "x", en: "x" } });
        const [p] = await set.publish();
        set.keep();
        return p.final;
      }),
    );
    expect(new Set(names).size).toBe(10);
    expect(listing(dir)).toEqual(["out-10.xlsx", "out-2.xlsx", "out-3.xlsx", "out-4.xlsx", "out-5.xlsx", "out-6.xlsx", "out-7.xlsx", "out-8.xlsx", "out-9.xlsx", "out.xlsx"]);
    const contents = names.map((n) => readFileSync(n, "utf8")).sort();
    expect(contents).toEqual([...bodies].sort());
  });

  it("ten concurrent runs of the command to one --out and one --json name: ten of each, all complete", async () => {
    const dir = tempDir();
    const runs = await Promise.all(
      Array.from({ length: 10 }, () => run(["analyze", jaCsv, "--out", "same.xlsx", "--json", "same.json", "--lang", "en"], { cwd: dir })),
    );
    expect(runs.map((r) => r.code)).toEqual(new Array(10).fill(0));
    const files = listing(dir);
    expect(files.filter((f) => f.endsWith(".xlsx"))).toHaveLength(10);
    expect(files.filter((f) => f.endsWith(".json"))).toHaveLength(10);
    expect(files.filter((f) => f.startsWith("."))).toEqual([]);
    for (const f of files.filter((f) => f.endsWith(".xlsx"))) {
      const zip = await JSZip.loadAsync(readFileSync(join(dir, f)));
      expect(zip.file("xl/workbook.xml"), f).not.toBeNull();
    }
    for (const f of files.filter((f) => f.endsWith(".json"))) expect(JSON.parse(readFileSync(join(dir, f), "utf8")).L).toHaveLength(13);
  }, 120_000);

  it("--json never overwrites: the next free name is taken and said; the input is never touched", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "r.json"), "keep me");
    writeFileSync(join(dir, "t.csv"), readFileSync(jaCsv));
    const r = await run(["analyze", "t.csv", "--json", "r.json", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "r.json"), "utf8")).toBe("keep me");
    expect(JSON.parse(readFileSync(join(dir, "r-2.json"), "utf8")).L).toHaveLength(13);
    expect(r.err).toContain("r-2.json");
    // The input named as the JSON output: left as it was, the JSON goes beside it.
    const asInput = await run(["analyze", "t.csv", "--json", "t.csv"], { cwd: dir });
    expect(asInput.code).toBe(0);
    expect(readFileSync(join(dir, "t.csv"))).toEqual(readFileSync(jaCsv));
    expect(existsSync(join(dir, "t-2.csv"))).toBe(true);
  });

  it("--replace-json replaces an existing JSON in one step, but never an input file", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "r.json"), "old");
    writeFileSync(join(dir, "t.csv"), readFileSync(jaCsv));
    const r = await run(["analyze", "t.csv", "--json", "r.json", "--replace-json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8")).L).toHaveLength(13);
    expect(existsSync(join(dir, "r-2.json"))).toBe(false);
    const bad = await run(["analyze", "t.csv", "--json", "t.csv", "--replace-json", "--out", "w.xlsx"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/t\.csv.*input files; inputs are never overwritten/);
    expect(readFileSync(join(dir, "t.csv"))).toEqual(readFileSync(jaCsv));
    expect(listing(dir)).toEqual(["r.json", "t.csv"]);
  });
});

describe("a run that fails leaves nothing behind", () => {
  it("an unwritable JSON removes the workbook and public version already staged", async () => {
    const dir = tempDir();
    const r = await run(["analyze", jaCsv, "--out", "ok.xlsx", "--json", "no-such-folder/r.json", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no-such-folder\/r\.json.*cannot write the JSON.*folder exists/);
    expect(listing(dir)).toEqual([]);
  });

  /** Whether this machine lets the test mount a small tmpfs (root on Linux, with the right). */
  const canMount = (() => {
    if (process.platform !== "linux" || process.getuid?.() !== 0) return false;
    const dir = mkdtempSync(join(tempDir(), "probe-"));
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", dir], { stdio: "ignore" });
      execFileSync("umount", [dir]);
      return true;
    } catch {
      return false;
    }
  })();

  /**
   * A folder whose disk is full: a real 16 kB tmpfs where the machine lets the test mount one;
   * elsewhere every write into the folder fails with ENOSPC, as the kernel reports a full disk.
   */
  const fullDisk = (): { dir: string; release: () => void } => {
    const dir = mkdtempSync(join(tempDir(), "full-"));
    if (canMount) {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", dir]);
      return { dir, release: () => (execFileSync("umount", [dir]), rmSync(dir, { recursive: true })) };
    }
    const realOpen = fsPromises.open.bind(fsPromises);
    const spy = vi.spyOn(fsPromises, "open").mockImplementation(async (...args: Parameters<typeof fsPromises.open>) => {
      const fh = await realOpen(...args);
      if (!String(args[0]).startsWith(dir)) return fh;
      fh.write = (async () => {
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28 });
      }) as typeof fh.write;
      return fh;
    });
    return { dir, release: () => (spy.mockRestore(), rmSync(dir, { recursive: true })) };
  };

  it("a full disk: a clear message, and not a byte left on it", async () => {
    const { dir, release } = fullDisk();
    try {
      // The 13-sector workbook (about 40 kB) with its JSON does not fit in 16 kB.
      const r = await run(["analyze", jaCsv, "--out", "big.xlsx", "--json", "big.json", "--lang", "en"], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.err).toContain("the disk is full");
      expect(listing(dir)).toEqual([]);
    } finally {
      release();
    }
  });
});

describe("targets that are not a plain file name", () => {
  it("a dangling symlink at --out is refused and not followed", async () => {
    const dir = tempDir();
    symlinkSync(join(dir, "elsewhere.xlsx"), join(dir, "link.xlsx"));
    const r = await run(["analyze", jaCsv, "--out", "link.xlsx", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/link\.xlsx: the output name is a symbolic link/);
    expect(lstatSync(join(dir, "link.xlsx")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.xlsx"))).toBe(join(dir, "elsewhere.xlsx"));
    expect(listing(dir)).toEqual(["link.xlsx"]);
  });

  it("a symlink at --json is refused too, before any work", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "real.json"), "keep");
    symlinkSync(join(dir, "real.json"), join(dir, "r.json"));
    const r = await run(["analyze", jaCsv, "--json", "r.json", "--replace-json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, "real.json"), "utf8")).toBe("keep");
  });

  it("a file where the output's folder should be: refused with exit 2 and the name, not 'unexpected error'", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), table());
    for (const args of [["--json", "t.csv/r.json"], ["--out", "t.csv/r.xlsx"]]) {
      const r = await run(["analyze", "t.csv", ...args, "--lang", "en"], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${args[1]}: part of the output's folder path is a file, not a folder`);
      expect(listing(dir)).toEqual(["t.csv"]);
    }
  });

  it("a folder at --out is refused; nothing is written beside it", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "res.xlsx"));
    const r = await run(["analyze", jaCsv, "--out", "res.xlsx", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain("the output name is a folder");
    expect(listing(dir)).toEqual(["res.xlsx"]);
    expect(readdirSync(join(dir, "res.xlsx"))).toEqual([]);
  });
});

describe("text and numbers a file cannot hold", () => {
  it("non-characters and controls in a label: well-formed XML with U+FFFD in their place", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), table({ S0001: "A\ufffeB\ufdd0C\u{10ffff}D\u0001E" }));
    const r = await run(["analyze", "t.csv", "--out", "r.xlsx", "--lang", "en"], { cwd: dir });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, "r.xlsx")));
    const parts = Object.keys(zip.files).filter((p) => p.endsWith(".xml"));
    let seen = false;
    for (const p of parts) {
      const xml = await zip.file(p)!.async("string");
      expect(XMLValidator.validate(xml), p).toBe(true);
      expect(xml, p).not.toMatch(/[\ufffe\ufdd0\u0001]|\u{10ffff}/u);
      if (xml.includes("A\ufffdB\ufffdC\ufffdD\ufffdE")) seen = true;
    }
    expect(seen).toBe(true);
  });

  it("a cell over Excel's 32,767 characters is refused with its sheet and cell named", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "t.csv"), table({ S0002: "L".repeat(40_000) }));
    const r = await run(["analyze", "t.csv", "--out", "r.xlsx", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/sheet '.+', cell [A-Z]+\d+: 40,000 characters, more than the 32,767 Excel holds in one cell/);
    expect(listing(dir)).toEqual(["t.csv"]);
  });

  it("escape sequences in labels never reach the terminal", async () => {
    const dir = tempDir();
    const evil = "\u001b]0;owned\u0007\u001b[31mRED\u009b2J";
    writeFileSync(join(dir, "t.csv"), table({ S0001: evil }));
    writeFileSync(join(dir, "shock.csv"), `${evil}X,10\n`);
    const bad = await run(["analyze", "t.csv", "--shock", "shock.csv", "--json", "-"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("RED");
    expect(bad.err).not.toMatch(/[\u001b\u0007\u009b]/);
    writeFileSync(join(dir, "shock.csv"), `${evil},10\n`);
    const ok = await run(["analyze", "t.csv", "--shock", "shock.csv", "--json", "r.json"], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.out + ok.err).not.toMatch(/[\u001b\u0007\u009b]/);
    const piped = await run(["analyze", "t.csv", "--json", "-"], { cwd: dir });
    expect(piped.out).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(JSON.stringify(JSON.parse(piped.out))).toContain(JSON.stringify(evil).slice(1, -1));
  });

  it("a result that overflows is refused with exit 3, nothing written (not #NUM! cells)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "shock.csv"), "04 建設,1e308\n03 製造業,1e308\n");
    const r = await run(["analyze", jaCsv, "--shock", "shock.csv", "--out", "r.xlsx", "--json", "r.json", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(3);
    expect(r.err).toContain("not a finite number (overflow)");
    expect(listing(dir)).toEqual(["shock.csv"]);
  });
});

describe("checkFiniteJson", () => {
  it("names the path of the first number that is not finite, in arrays, objects and Float64Arrays", () => {
    const at = (v: unknown) => {
      try {
        checkFiniteJson(v);
        return null;
      } catch (e) {
        return (e as RippleError).message;
      }
    };
    expect(at({ a: [1, 2, { b: [0, 3] }], c: new Float64Array([1, 2]) })).toBeNull();
    expect(at({ a: [1, 2, { b: [0, Infinity] }] })).toContain("$.a[2].b[1]");
    expect(at({ a: [1, NaN, -Infinity] })).toContain("$.a[1]");
    expect(at({ x: { y: new Float64Array([0, 1, NaN]) } })).toContain("$.x.y[2]");
    expect(at([[0], [1, Infinity]])).toContain("$[1][1]");
  });
});
