// The message when a run's record (for 比較) was too large for Excel to receive: the gateway
// wrote every results sheet and left the record out (writeReport's skippedXml). Said in the
// pane of every flow that stores a record, so a workbook without it never looks complete.
import type { Bilingual } from "../engine/errors";
import { RUN_RECORD_NAMESPACE } from "../report/runRecordPart";
import type { SkippedXmlPart } from "../workbook/office/gateway";

/** Why the run record was not stored, naming the command whose workbook has it; null when stored. */
export function recordSkippedText(skipped: SkippedXmlPart[], command: string): Bilingual | null {
  const record = skipped.find((p) => p.namespace === RUN_RECORD_NAMESPACE);
  if (!record) return null;
  const mb = (record.bytes / (1024 * 1024)).toFixed(1);
  return {
    ja: `比較用の実行記録（約 ${mb} MB）は Excel に一度に送れる大きさ（5 MB）を超えるため、このブックには保存しませんでした。結果のシートはすべて書き込んであります。この実行は「前回の結果との比較」には使えません。比較が必要なら、コマンドラインの ${command} で作ったブック（実行記録の大きさに上限なし）を使ってください`,
    en: `The run record for comparisons (about ${mb} MB) is larger than Excel accepts at once (5 MB), so it was not stored in this workbook. Every results sheet was written. This run cannot be used in "Compare with an earlier run"; if you need that, use a workbook made by ${command} on the command line (no limit on the record's size)`,
  };
}
