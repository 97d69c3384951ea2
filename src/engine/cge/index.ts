// The CGE model (../shared/spec/CGE.md): SAM → calibration → scenario → Newton solve.
export { readSam, checkBalance, ACCOUNT_ROLES, type Sam, type SamMapping, type AccountRole } from "./sam";
export { samFlows, type SamFlows } from "./flows";
export { calibrate, DEFAULT_ELASTICITY, ELASTICITY_SOURCE, type Calibration, type Elasticities } from "./calibrate";
export { parseScenario, parseScenarioGrid, checkScenarioLabels, withSamFactorNames, SHEET_KEY_NAMES, isEmptyShock, type CgeScenario } from "./scenario";
export { economy, residuals, benchmarkPolicy, type Economy, type Policy } from "./model";
export { stdcgeResiduals, type EquationResidual } from "./equations";
export { runCge, scenarioPolicy, CGE_TOLERANCE, WALRAS_TOLERANCE, type CgeRun, type CgeOptions } from "./solve";
export { samFromTable, type TableSam, type TableSamOptions, type BalancingItem } from "./fromTable";
export { magnetScenarios, MAGNET_SCENARIOS, scenarioTitle, type MagnetInputs, type BuiltinScenario, type ScenarioNote } from "./magnet";
export { ioCostPush, hasIoCounterpart, IO_DIFFERENCE, type IoComparison } from "./ioCompare";
