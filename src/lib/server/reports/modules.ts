// The indicators of the department's dashboard, as one module each. Two need the projects domain
// (issue 5: teams, steps, rubric reviews), which is not in this branch: they are declared here with the
// interface they must fill at merge, and the dashboard shows "not available yet" instead of any number.
import type { Conn } from '../db';
import type { Dimension, Scope } from './scope';

/** A table of figures per group, the shape every indicator module returns. */
export interface IndicatorTable {
	/** column ids, in order; the page and the Excel export label them from messages */
	columns: string[];
	rows: { key: string; label: string; hidden: boolean; values: Record<string, number | null> }[];
}

export interface IndicatorModule {
	id: string;
	/** the breakdowns it supports */
	dimensions: (Dimension | 'all')[];
	/** null when the data it needs does not exist in this build */
	compute: ((db: Conn, scope: Scope, dim: Dimension | 'all') => Promise<IndicatorTable>) | null;
}

/**
 * Project quality (issue 5): the average rubric score per criterion, per group (school, level, commune,
 * grade, gender, ethnicity of the team members), from the latest review of each team's project in the
 * period. Expected columns: one per rubric criterion id ('crit_<id>'), plus 'reviews' and 'teams'.
 * Groups of fewer than 10 pupils (team members) are hidden with hideSmall. The chart "rubric profile
 * per school" reads the same table with dim = 'school'. Province scale needs a rollup kept by a trigger
 * on the reviews table, as progress_mastery_rollup is for attempts.
 */
export const projectQuality: IndicatorModule = { id: 'project_quality', dimensions: ['all', 'school', 'commune', 'level', 'grade', 'gender', 'ethnicity'], compute: null };

/**
 * Dosage, teams (issue 5): the share of project teams whose portfolio has all five activities of the
 * engineering design process (or the inquiry process) completed. Expected columns: 'teams',
 * 'teams_complete', 'share_complete' (per cent).
 */
export const teamsComplete: IndicatorModule = { id: 'teams_complete', dimensions: ['all', 'school', 'commune', 'level', 'grade', 'class'], compute: null };

/** Teacher adoption, "assigned" (issue 5): assignments made per teacher in the period. Column 'assigned'. */
export const assignmentsMade: IndicatorModule = { id: 'assignments', dimensions: ['all', 'school', 'commune', 'level'], compute: null };

export const PENDING_MODULES = [projectQuality, teamsComplete, assignmentsMade];
