// The rules of manifest.xml that Excel enforces without a useful message (or not at all until a
// user sideloads), checked offline. `npm run validate` (Microsoft's online validator) is extra.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { findLocalUrls, manifestVersion, PRODUCTION_ID, toProductionManifest } from "../../scripts/manifest-prod.mjs";

const ROOT = path.resolve(__dirname, "../..");
const XML = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const DEV = "https://localhost:3000";
const PKG = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };

// preserveOrder keeps child order (Runtimes must come first); attributes under ":@".
type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };
const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "" }).parse(
  XML,
) as OrderedNode[];

function tagOf(node: OrderedNode): string {
  return Object.keys(node).find((k) => k !== ":@") as string;
}
function childrenOf(node: OrderedNode): OrderedNode[] {
  const v = node[tagOf(node)];
  return Array.isArray(v) ? (v as OrderedNode[]) : [];
}
function attr(node: OrderedNode, name: string): string | undefined {
  return node[":@"]?.[name];
}
function elements(nodes: OrderedNode[]): OrderedNode[] {
  return nodes.filter((n) => !tagOf(n).startsWith("#") && !tagOf(n).startsWith("?"));
}
function child(node: OrderedNode, tag: string): OrderedNode {
  const found = elements(childrenOf(node)).find((c) => tagOf(c) === tag);
  if (!found) throw new Error(`<${tagOf(node)}> has no <${tag}>`);
  return found;
}
function path_(node: OrderedNode, ...tags: string[]): OrderedNode {
  return tags.reduce((n, t) => child(n, t), node);
}
/** Every element below node (depth first), with its tag. */
function all(node: OrderedNode): OrderedNode[] {
  return elements(childrenOf(node)).flatMap((c) => [c, ...all(c)]);
}
function textOf(node: OrderedNode): string {
  return childrenOf(node)
    .map((c) => (c["#text"] !== undefined ? String(c["#text"]) : ""))
    .join("")
    .trim();
}

const root = elements(ordered).find((n) => tagOf(n) === "OfficeApp") as OrderedNode;
const versionOverrides = child(root, "VersionOverrides");
const workbookHost = elements(childrenOf(child(versionOverrides, "Hosts"))).find(
  (h) => attr(h, "xsi:type") === "Workbook",
) as OrderedNode;
const resources = child(versionOverrides, "Resources");

function resourceIds(group: string, item: string): Map<string, OrderedNode> {
  return new Map(elements(childrenOf(child(resources, group))).filter((n) => tagOf(n) === item).map((n) => [attr(n, "id") as string, n]));
}
const urls = resourceIds("bt:Urls", "bt:Url");
const images = resourceIds("bt:Images", "bt:Image");
const shortStrings = resourceIds("bt:ShortStrings", "bt:String");
const longStrings = resourceIds("bt:LongStrings", "bt:String");

function urlOf(resid: string): string {
  const u = urls.get(resid);
  if (!u) throw new Error(`no bt:Url ${resid}`);
  return attr(u, "DefaultValue") as string;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("is well-formed XML for a task pane add-in in Excel", () => {
    expect(XMLValidator.validate(XML)).toBe(true);
    expect(root).toBeDefined();
    expect(attr(root, "xsi:type")).toBe("TaskPaneApp");
    expect(textOf(child(root, "Id"))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(attr(child(child(root, "Hosts"), "Host"), "Name")).toBe("Workbook");
    expect(workbookHost).toBeDefined();
  });

  it("requires SharedRuntime 1.1 and ExcelApi 1.9 as the floor", () => {
    const sets = elements(childrenOf(path_(root, "Requirements", "Sets")));
    const versions = new Map(sets.map((s) => [attr(s, "Name"), attr(s, "MinVersion")]));
    expect(versions.get("SharedRuntime")).toBe("1.1");
    expect(versions.get("ExcelApi")).toBe("1.9");
  });

  it("puts <Runtimes> first under the Workbook host, one long-lived runtime", () => {
    const first = elements(childrenOf(workbookHost))[0];
    expect(tagOf(first)).toBe("Runtimes");
    const runtimes = elements(childrenOf(first));
    expect(runtimes).toHaveLength(1);
    expect(attr(runtimes[0], "lifetime")).toBe("long");
  });

  it("uses the runtime's resid for the functions Page and the FunctionFile", () => {
    const runtimeResid = attr(path_(workbookHost, "Runtimes", "Runtime"), "resid") as string;
    const cf = elements(childrenOf(child(workbookHost, "AllFormFactors"))).find(
      (e) => attr(e, "xsi:type") === "CustomFunctions",
    ) as OrderedNode;
    expect(cf).toBeDefined();
    expect(attr(path_(cf, "Page", "SourceLocation"), "resid")).toBe(runtimeResid);
    expect(attr(path_(workbookHost, "DesktopFormFactor", "FunctionFile"), "resid")).toBe(runtimeResid);
    // The page, the functions script and the metadata are the files webpack writes.
    expect(urlOf(runtimeResid)).toBe(`${DEV}/taskpane.html`);
    expect(urlOf(attr(path_(cf, "Script", "SourceLocation"), "resid") as string)).toBe(`${DEV}/functions.js`);
    expect(urlOf(attr(path_(cf, "Metadata", "SourceLocation"), "resid") as string)).toBe(`${DEV}/functions.json`);
  });

  it("has no TaskpaneId (the shared runtime page is the pane)", () => {
    expect(all(root).map(tagOf)).not.toContain("TaskpaneId");
    expect(XML).not.toMatch(/<TaskpaneId/);
  });

  it("names the custom-functions namespace RIPPLE", () => {
    const cf = elements(childrenOf(child(workbookHost, "AllFormFactors")))[0];
    const nsResid = attr(child(cf, "Namespace"), "resid") as string;
    expect(attr(shortStrings.get(nsResid) as OrderedNode, "DefaultValue")).toBe("RIPPLE");
  });

  it("defines every resid it uses, each at most 32 characters", () => {
    const defined = new Set([...urls.keys(), ...images.keys(), ...shortStrings.keys(), ...longStrings.keys()]);
    const used = all(root)
      .map((n) => attr(n, "resid"))
      .filter((r): r is string => r !== undefined);
    expect(used.length).toBeGreaterThan(10);
    for (const r of used) {
      expect(defined, `resid ${r}`).toContain(r);
      expect(r.length).toBeLessThanOrEqual(32);
    }
    for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);
  });

  it("points every icon at a PNG in assets/ of the stated size", () => {
    const iconUrls = [
      attr(child(root, "IconUrl"), "DefaultValue") as string,
      attr(child(root, "HighResolutionIconUrl"), "DefaultValue") as string,
      ...[...images.values()].map((n) => attr(n, "DefaultValue") as string),
    ];
    expect(iconUrls.length).toBeGreaterThanOrEqual(5);
    for (const url of iconUrls) {
      expect(url.startsWith(`${DEV}/assets/`), url).toBe(true);
      const file = path.join(ROOT, url.slice(DEV.length + 1));
      expect(existsSync(file), file).toBe(true);
      const m = /icon-(\d+)\.png$/.exec(file);
      expect(m, file).not.toBeNull();
      const size = Number((m as RegExpExecArray)[1]);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    // IconUrl is 32 px and HighResolutionIconUrl 64 px (Office's sizes for them).
    expect(attr(child(root, "IconUrl"), "DefaultValue")).toMatch(/icon-32\.png$/);
    expect(attr(child(root, "HighResolutionIconUrl"), "DefaultValue")).toMatch(/icon-64\.png$/);
    // Ribbon images: the size attribute matches the file.
    for (const img of all(workbookHost).filter((n) => tagOf(n) === "bt:Image")) {
      const url = attr(images.get(attr(img, "resid") as string) as OrderedNode, "DefaultValue") as string;
      expect(url).toMatch(new RegExp(`icon-${attr(img, "size")}\\.png$`));
    }
  });

  it("keeps descriptions within Office's 250 characters and names every RIPPLE function on Get Started", () => {
    const texts = (n: OrderedNode) => [attr(n, "DefaultValue") as string, ...elements(childrenOf(n)).map((o) => attr(o, "Value") as string)];
    const long = [child(root, "Description"), ...longStrings.values()].flatMap(texts);
    expect(long.length).toBeGreaterThanOrEqual(6);
    for (const t of long) expect(t.length, t).toBeLessThanOrEqual(250);
    for (const t of [...shortStrings.values()].flatMap(texts)) expect(t.length, t).toBeLessThanOrEqual(125);
    const source = readFileSync(path.join(ROOT, "src", "functions", "functions.ts"), "utf8");
    const names = [...source.matchAll(/@customfunction (\w+)/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const t of texts(longStrings.get("GetStarted.Description") as OrderedNode))
      for (const n of names) expect(t, n).toContain(n);
  });

  it("has a ribbon button that opens the pane", () => {
    const runtimeResid = attr(path_(workbookHost, "Runtimes", "Runtime"), "resid");
    const buttons = all(workbookHost).filter((n) => tagOf(n) === "Control" && attr(n, "xsi:type") === "Button");
    expect(buttons.length).toBeGreaterThanOrEqual(1);
    const action = child(buttons[0], "Action");
    expect(attr(action, "xsi:type")).toBe("ShowTaskpane");
    expect(attr(child(action, "SourceLocation"), "resid")).toBe(runtimeResid);
    expect(attr(shortStrings.get(attr(child(buttons[0], "Label"), "resid") as string) as OrderedNode, "DefaultValue")).toBeTruthy();
  });

  it("uses https only, all under the development origin", () => {
    const all_ = XML.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
    const urlsInManifest = all_.filter((u) => !u.startsWith("http://schemas.microsoft.com/") && !u.startsWith("http://www.w3.org/"));
    expect(urlsInManifest.length).toBeGreaterThan(5);
    for (const u of urlsInManifest) expect(u.startsWith(`${DEV}/`), u).toBe(true);
  });
});

describe("production manifest (scripts/manifest-prod.mjs)", () => {
  it("moves every URL to the base URL and leaves no localhost", () => {
    const prod = toProductionManifest(XML, "https://example.org/ripple/");
    expect(XMLValidator.validate(prod)).toBe(true);
    expect(findLocalUrls(prod)).toEqual([]);
    expect(prod).not.toContain("localhost");
    const devCount = XML.split(DEV).length - 1;
    expect(prod.split("https://example.org/ripple/").length - 1).toBe(devCount);
    expect(prod).toContain('DefaultValue="https://example.org/ripple/taskpane.html"');
    expect(prod).toContain('DefaultValue="https://example.org/ripple/functions.json"');
    // Nothing but the origin changed.
    expect(prod.split("https://example.org/ripple").join(DEV)).toBe(XML);
  });

  it("gives the deployed add-in its own Id, package.json's version and a real support URL", () => {
    const prod = toProductionManifest(XML, "https://example.org/ripple", { version: "1.4.2", supportUrl: "https://help.example.go.jp/ripple" });
    expect(XMLValidator.validate(prod)).toBe(true);
    expect(prod).toContain(`<Id>${PRODUCTION_ID}</Id>`);
    expect(prod).not.toContain(/<Id>([^<]*)<\/Id>/.exec(XML)![1]);
    expect(prod).toContain("<Version>1.4.2.0</Version>");
    expect(prod).toContain('<SupportUrl DefaultValue="https://help.example.go.jp/ripple"/>');
    expect(prod).not.toMatch(/<SupportUrl DefaultValue="[^"]*taskpane/);
    const own = toProductionManifest(XML, "https://example.org", { version: "1.4.2", id: "0f8fad5b-d9cb-469f-a165-70867728950e", supportUrl: "https://h.example" });
    expect(own).toContain("<Id>0f8fad5b-d9cb-469f-a165-70867728950e</Id>");
    expect(() => toProductionManifest(XML, "https://example.org", { version: "1.4.2", id: "my-addin", supportUrl: "https://h.example" })).toThrow(/not a GUID/);
    expect(() => toProductionManifest(XML, "https://example.org", { version: "1.4.2", supportUrl: "" })).toThrow(/RIPPLE_SUPPORT_URL/);
    expect(() => toProductionManifest(XML, "https://example.org", { version: "1.4", supportUrl: "https://h.example" })).toThrow(/major\.minor\.patch/);
    expect(manifestVersion("0.1.0")).toBe("0.1.0.0");
  });

  it("throws when a localhost URL would survive", () => {
    const withOther = XML.replace(`${DEV}/assets/icon-16.png`, "http://localhost:8080/assets/icon-16.png");
    expect(() => toProductionManifest(withOther, "https://example.org")).toThrow(/localhost:8080/);
    const withLoopback = XML.replace(`${DEV}/functions.js`, "https://127.0.0.1:3000/functions.js");
    expect(() => toProductionManifest(withLoopback, "https://example.org")).toThrow(/127\.0\.0\.1/);
  });

  it("rejects a missing, non-https or localhost base URL", () => {
    expect(() => toProductionManifest(XML, undefined)).toThrow(/RIPPLE_BASE_URL/);
    expect(() => toProductionManifest(XML, "")).toThrow(/RIPPLE_BASE_URL/);
    expect(() => toProductionManifest(XML, "http://example.org")).toThrow(/https/);
    expect(() => toProductionManifest(XML, "not a url")).toThrow(/not a URL/);
    expect(() => toProductionManifest(XML, "https://localhost:4000")).toThrow(/localhost:4000/);
  });

  it("runs as a command: writes the file, or fails with exit status 1", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ripple-manifest-"));
    const out = path.join(dir, "manifest.xml");
    const script = path.join(ROOT, "scripts", "manifest-prod.mjs");
    execFileSync(process.execPath, [script, "--in", path.join(ROOT, "manifest.xml"), "--out", out], {
      env: { ...process.env, RIPPLE_BASE_URL: "https://addins.example.jp/ripple", RIPPLE_SUPPORT_URL: "https://helpdesk.example.jp/ripple" },
      stdio: "pipe",
    });
    const written = readFileSync(out, "utf8");
    expect(findLocalUrls(written)).toEqual([]);
    expect(written).toContain("https://addins.example.jp/ripple/taskpane.html");
    // Its own Id, package.json's version, the help desk as support link (not the pane).
    expect(written).toContain(`<Id>${PRODUCTION_ID}</Id>`);
    expect(written).toContain(`<Version>${manifestVersion(PKG.version)}</Version>`);
    expect(written).toContain('<SupportUrl DefaultValue="https://helpdesk.example.jp/ripple"/>');

    const env = { ...process.env };
    delete env.RIPPLE_BASE_URL;
    let status = 0;
    let stderr = "";
    try {
      execFileSync(process.execPath, [script, "--in", path.join(ROOT, "manifest.xml"), "--out", path.join(dir, "x.xml")], {
        env,
        stdio: "pipe",
      });
    } catch (e) {
      const err = e as { status: number; stderr: Buffer };
      status = err.status;
      stderr = err.stderr.toString();
    }
    expect(status).toBe(1);
    expect(stderr).toMatch(/RIPPLE_BASE_URL/);
    expect(existsSync(path.join(dir, "x.xml"))).toBe(false);
  });
});
