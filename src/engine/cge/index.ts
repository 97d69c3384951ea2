// The CGE model (../shared/spec/CGE.md): SAM → calibration → scenario → Newton solve.
export { readSam, checkBalance, ACCOUNT_ROLES, type Sam, type SamMapping, type AccountRole } from "./sam";
export { samFlows, type SamFlows } from "./flows";
export { calibrate, DEFAULT_ELASTICITY, ELASTICITY_SOURCE, type Calibration, type Elasticities } from "./calibrate";
export { parseScenario, checkScenarioLabels, isEmptyShock, type CgeScenario } from "./scenario";
export { economy, residuals, benchmarkPolicy, type Economy, type Policy } from "./model";
export { stdcgeResiduals, type EquationResidual } from "./equations";
export { runCge, scenarioPolicy, CGE_TOLERANCE, WALRAS_TOLERANCE, type CgeRun, type CgeOptions } from "./solve";
