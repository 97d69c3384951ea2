// The entry of dist/cli/xlsx.bundle.js (scripts/bundle-cli.mjs): the workbook libraries the command
// uses, ExcelJS's Workbook with its enums (ValueType) and JSZip, as one file with a code cache of
// its own (src/cli/codeCache.ts xlsxLibraries).
module.exports = {
  ExcelJS: Object.assign({ Workbook: require("exceljs/lib/doc/workbook") }, require("exceljs/lib/doc/enums")),
  JSZip: require("jszip"),
};
