// The indicators of the department's dashboard that read the projects domain (issue 5), one file each.
export type { IndicatorModule, IndicatorTable } from './project-module';
export { projectQuality, qualityIndicator, type QualityFacts } from './quality';
export { teamsComplete, teamsIndicator } from './teams';
export { assignmentsMade, assignmentsIndicator } from './assignments';
import { projectQuality } from './quality';
import { teamsComplete } from './teams';
import { assignmentsMade } from './assignments';

export const PROJECT_MODULES = [projectQuality, teamsComplete, assignmentsMade];
