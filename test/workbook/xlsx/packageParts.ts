// Reading the parts of a written .xlsx package in tests: validated, parsed XML.
import JSZip from "jszip";
import { XMLParser, XMLValidator } from "fast-xml-parser";

// Elements that may repeat are always arrays, so tests index them the same way for one or many.
const REPEATED = new Set([
  "c:ser", "c:pt", "Relationship", "Override", "Default", "sheet", "xdr:twoCellAnchor", "c:valAx", "c:catAx", "c:axId",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  isArray: (name) => REPEATED.has(name),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Xml = any;

export class Package {
  private constructor(readonly zip: JSZip) {}

  static async open(bytes: Buffer | Uint8Array): Promise<Package> {
    return new Package(await JSZip.loadAsync(bytes));
  }

  names(): string[] {
    return Object.keys(this.zip.files).filter((n) => !this.zip.files[n].dir);
  }

  has(part: string): boolean {
    return this.zip.file(part) !== null;
  }

  async text(part: string): Promise<string> {
    const f = this.zip.file(part);
    if (!f) throw new Error(`part ${part} is missing`);
    return f.async("string");
  }

  /** The part parsed, after checking it is well-formed XML. */
  async xml(part: string): Promise<Xml> {
    const text = await this.text(part);
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new Error(`${part} is not well-formed: ${JSON.stringify(valid.err)}`);
    return parser.parse(text);
  }

  /** Relationship id -> target part path, resolved against the source part's folder. */
  async rels(sourcePart: string): Promise<Map<string, { type: string; part: string }>> {
    const slash = sourcePart.lastIndexOf("/");
    const dir = sourcePart.slice(0, slash);
    return this.relsPart(`${dir}/_rels/${sourcePart.slice(slash + 1)}.rels`, dir);
  }

  /** The same from the relationships part itself; `dir` is the source part's folder. */
  async relsPart(relsPart: string, dir: string): Promise<Map<string, { type: string; part: string }>> {
    const out = new Map<string, { type: string; part: string }>();
    if (!this.has(relsPart)) return out;
    const x = await this.xml(relsPart);
    for (const r of x.Relationships.Relationship ?? []) {
      out.set(r["@_Id"], { type: r["@_Type"], part: resolvePart(dir, r["@_Target"]) });
    }
    return out;
  }
}

export function resolvePart(dir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = dir.split("/").filter(Boolean);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}
