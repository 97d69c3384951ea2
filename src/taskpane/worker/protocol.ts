// Messages between the pane and its compute worker; errors cross as engine/errorWire.ts says
// (a RippleError as its parts, rebuilt on the pane's side, where the message bars format it).

import type { WireError } from "../../engine/errorWire";
import type { RunProgress } from "../progress";

export interface JobRequest {
  type: "run";
  job: string;
  input: unknown;
}

export type JobMessage =
  | { type: "progress"; progress: RunProgress }
  | { type: "done"; result: unknown }
  | { type: "error"; error: WireError };

export { fromWire, toWire, type WireError } from "../../engine/errorWire";
