// A WorkbookSpec as an .xlsx file: cells and looks through ExcelJS, then native charts added to
// the package (see zipCharts.ts).
import { promises as fs } from "node:fs";
import type { WorkbookSpec } from "../../report/spec";
import { RippleError } from "../../engine/errors";
import { xlsxBytes } from "./xlsxBytes";
import { ZipPacker } from "./zipPackage";

/** `checkpoint` is called between pieces of the work and throws to stop it (XlsxOptions). */
export async function writeXlsxBuffer(spec: WorkbookSpec, checkpoint?: () => void): Promise<Buffer> {
  // Node's zlib packs the file (a third of a large workbook's writing time in JavaScript), on
  // its thread pool while the rest is written (zipPackage.ts).
  const bytes = await xlsxBytes(spec, { pack: new ZipPacker(checkpoint), checkpoint });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export async function writeXlsx(spec: WorkbookSpec, path: string): Promise<void> {
  const bytes = await writeXlsxBuffer(spec);
  try {
    await fs.writeFile(path, bytes);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new RippleError(
      "file-unwritable",
      {
        ja: `結果ファイルを書き込めません（${reason}）。フォルダーがあるか、ファイルを Excel で開いたままにしていないか確認してください。`,
        en: `Cannot write the results file (${reason}). Check that the folder exists and the file is not open in Excel.`,
      },
      { file: path },
    );
  }
}
