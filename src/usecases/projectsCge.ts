// The CGE model beside the projects evaluation (`ripple demo`, issue 13 item 6): the IO table
// of the run (with its magnet split) turned into a SAM, solved under the built-in magnet
// scenarios from the workbook's market sheets and the plans' evaluation. Same path as
// `ripple cge BOOK --sheet TABLE --magnet`, so the numbers are the same.

import type { Lang } from "../engine/errors";
import { samFlows } from "../engine/cge";
import { readCgeInput, runCgeJob, type CgeJob } from "./cge";
import { magnetBuiltins } from "./cgeMagnet";
import type { ProjectsJobInput } from "./projectsJob";
import type { ProjectsPipelineResult } from "./projects";
import { inFile } from "./table";

export function projectsCge(input: ProjectsJobInput, r: ProjectsPipelineResult, lang: Lang): CgeJob {
  const file = input.table.file;
  const name = file ?? input.table.description;
  return inFile(file, () => {
    const grids = [input.table.grid, ...(input.split ? [input.split] : [])];
    const cge = readCgeInput(grids, name, { sheet: input.table.grid.sheet, split: input.split?.sheet }, undefined);
    const flows = samFlows(cge.sam);
    const m = input.market;
    const builtins =
      m && cge.splits.length
        ? magnetBuiltins({ sheets: [m.params, m.scenarios], file: name, defaults: m.defaults, plans: { evaluation: r.evaluation, sheet: input.projects.sheet } }, cge, flows)
        : [];
    return runCgeJob(
      { input: cge, flows, scenario: null, builtins, description: input.inputDescription ?? name, extraInputs: [], version: input.version, now: input.now },
      { lang },
    );
  });
}
