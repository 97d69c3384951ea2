// Applies a disclosure plan to the (cloned) full spec before the public version removes the
// confidential rows: suppressed figures become "—", texts whose wording carries confidential
// figures are replaced as a whole (never "÷ — ="), and a verdict next to a suppressed figure
// goes too — "— 未達" would still tell on which side of the target the hidden value lies.

import type { Lang } from "../../engine/errors";
import { PUBLIC } from "../deliverable/labels";
import { P } from "../projectLabels";
import type { WorkbookSpec } from "../spec";
import type { DisclosurePlan } from "./suppress";

const VERDICTS = new Set([P.pass, P.fail].flatMap((l) => [l.ja, l.en]));

export function applyDisclosure(spec: WorkbookSpec, plan: DisclosurePlan, lang: Lang): void {
  spec.sheets.forEach((s, si) =>
    s.blocks.forEach((b, bi) =>
      b.values.forEach((row, r) => {
        let hidden = false;
        row.forEach((_, c) => {
          const pos = `${si}/${bi}/${r}/${c}`;
          if (plan.suppress.has(pos)) {
            row[c] = PUBLIC.dash;
            hidden = true;
          } else if (plan.omitText.has(pos)) row[c] = PUBLIC.omittedText[lang];
        });
        if (hidden) row.forEach((v, c) => typeof v === "string" && VERDICTS.has(v) && (row[c] = PUBLIC.dash));
      }),
    ),
  );
}
