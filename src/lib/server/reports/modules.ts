// The indicators of the department's dashboard that read the projects domain (issue 5), one file each.
export type { IndicatorTable } from './project-module';
export { liveFigures } from './project-module';
export { qualityFigures, qualityIndicator, takeQuality, type QualityFacts } from './quality';
export { takeTeams, teamsFigures, teamsIndicator } from './teams';
export { assignedFigures, assignmentsIndicator, takeAssigned } from './assignments';
