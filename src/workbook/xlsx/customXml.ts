// Office custom XML parts in an .xlsx package (ECMA-376 part 1, 15.2.4–15.2.5): customXml/itemN.xml
// with its properties part, related from the workbook. Written after ExcelJS (which has no API for
// them) and read straight from the zip.
import type JSZip from "jszip";
import { loadJsZip } from "./libraries";
import type { CustomXmlSpec } from "../../report/spec";

const REL_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

/** A GUID for the part's item id, from its index (stable, so the same run gives the same bytes). */
const itemId = (n: number) => `{5249504C-4500-4000-8000-${String(n).padStart(12, "0")}}`;

export async function addCustomXmlParts(zip: JSZip, parts: readonly CustomXmlSpec[]): Promise<void> {
  if (parts.length === 0) return;
  const relsPath = "xl/_rels/workbook.xml.rels";
  let rels = await zip.file(relsPath)!.async("string");
  let types = await zip.file("[Content_Types].xml")!.async("string");
  if (!/Extension="xml"/.test(types)) types = types.replace("<Types ", '<Types ').replace(/(<Types[^>]*>)/, '$1<Default Extension="xml" ContentType="application/xml"/>');
  parts.forEach((p, i) => {
    const n = i + 1;
    zip.file(`customXml/item${n}.xml`, p.xml);
    zip.file(
      `customXml/itemProps${n}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${itemId(n)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${p.namespace}"/></ds:schemaRefs></ds:datastoreItem>`,
    );
    zip.file(
      `customXml/_rels/item${n}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_PROPS}" Target="itemProps${n}.xml"/></Relationships>`,
    );
    rels = rels.replace("</Relationships>", `<Relationship Id="rIdRippleXml${n}" Type="${REL_CUSTOM}" Target="../customXml/item${n}.xml"/></Relationships>`);
    types = types.replace("</Types>", `<Override PartName="/customXml/itemProps${n}.xml" ContentType="${PROPS_TYPE}"/></Types>`);
  });
  zip.file(relsPath, rels);
  zip.file("[Content_Types].xml", types);
}

/** The text of every custom XML item of a package (customXml/item*.xml). */
export async function readCustomXmlParts(bytes: Uint8Array): Promise<string[]> {
  const zip = await (await loadJsZip()).loadAsync(bytes);
  const names = Object.keys(zip.files).filter((f) => /^customXml\/item\d+\.xml$/i.test(f));
  return Promise.all(names.map((f) => zip.file(f)!.async("string")));
}
