// The indicators of the department's dashboard that read the projects domain (issue 5: assignments,
// teams, steps, rubric reviews), as one module each with a common table shape.
import { sql } from 'kysely';
import type { Conn } from '../db';
import {
	classConditions,
	groupExpressions,
	periodDates,
	periodTimes,
	schoolConditions,
	type Dimension,
	type Scope
} from './scope';
import { hideSmall } from './hide';

/** A table of figures per group, the shape every indicator module returns. */
export interface IndicatorTable {
	/** column ids, in order; the page and the Excel export label them from messages */
	columns: string[];
	rows: { key: string; label: string; hidden: boolean; values: Record<string, number | null> }[];
	/** the title of a column that has no message (a rubric criterion's most frequent title) */
	titles?: Record<string, string>;
}

export interface IndicatorModule {
	id: string;
	/** the breakdowns it supports */
	dimensions: (Dimension | 'all')[];
	/** null when the data it needs does not exist in a build */
	compute: ((db: Conn, scope: Scope, dim: Dimension | 'all') => Promise<IndicatorTable>) | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Project quality: the average rubric score per criterion, per group (school, level, commune, grade,
 * gender, ethnicity of the team members), from the latest review of each team's project made in the
 * period. A criterion is its position in the project's rubric ('crit_<position>'); its score is in per
 * cent of the criterion's maximum, since rubrics differ in points. The average is over pupils: each team
 * member counts with the score the teacher adjusted for them, or else the team's. Also 'teams', 'reviews'
 * (one per team: its latest) and 'pupils'. Groups of fewer than 10 pupils (team members) are hidden with
 * hideSmall. The chart "rubric profile per school" reads the same table with dim = 'school'.
 * Read from the per-class rollups of migration 0008, kept by triggers as reviews arrive.
 */
async function computeProjectQuality(
	db: Conn,
	scope: Scope,
	dim: Dimension | 'all'
): Promise<IndicatorTable> {
	const g = groupExpressions(dim, 'q.gender', 'q.ethnicity');
	// The rollup's rows per gender, per ethnicity, or the class totals for every other breakdown; above a
	// single class, the breakdowns by gender and ethnicity read the per-school sums.
	const which = sql.raw(
		dim === 'gender'
			? "q.gender <> '*' AND q.ethnicity = '*'"
			: dim === 'ethnicity'
				? "q.gender = '*' AND q.ethnicity <> '*'"
				: "q.gender = '*' AND q.ethnicity = '*'"
	);
	const perSchool = (dim === 'gender' || dim === 'ethnicity') && !scope.classId;
	const from = (table: string) =>
		perSchool
			? sql`${sql.raw(`progress_quality_school_${table}`)} q JOIN schools s ON s.id = q.school_id`
			: sql`${sql.raw(`progress_quality_${table}`)} q JOIN classes c ON c.id = q.class_id JOIN schools s ON s.id = c.school_id`;
	const where = sql`${perSchool ? schoolConditions(scope, 'q') : classConditions(scope)} AND q.period = ${scope.period} AND ${which}`;
	const { rows: sizes } = await sql<{
		key: string | number;
		label: string | number;
		pupils: number;
		teams: number;
	}>`
		SELECT ${g.key} AS key, ${g.label} AS label, SUM(q.pupils) AS pupils, SUM(q.teams) AS teams
		FROM ${from('members')} WHERE ${where} GROUP BY 1, 2 ORDER BY 2`.execute(db);
	const { rows: scores } = await sql<{
		key: string | number;
		criterion: number;
		title: string;
		n: number;
		pct: number;
	}>`
		SELECT ${g.key} AS key, q.criterion, q.title, SUM(q.n) AS n, SUM(q.pct) AS pct
		FROM ${from('scores')} WHERE ${where} GROUP BY 1, 2, 3`.execute(db);
	const criteria = [...new Set(scores.map((r) => Number(r.criterion)))].sort((a, b) => a - b);
	const columns = [...criteria.map((c) => `crit_${c}`), 'average', 'teams', 'reviews', 'pupils'];
	// A criterion's column is titled by the title most of its scores carry.
	const titleCounts = new Map<number, Map<string, number>>();
	const sums = new Map<string, { n: number; pct: number }>();
	for (const r of scores) {
		const c = Number(r.criterion);
		const tc = titleCounts.get(c) ?? new Map<string, number>();
		tc.set(r.title, (tc.get(r.title) ?? 0) + Number(r.n));
		titleCounts.set(c, tc);
		const k = `${r.key}|${c}`;
		const s = sums.get(k) ?? { n: 0, pct: 0 };
		s.n += Number(r.n);
		s.pct += Number(r.pct);
		sums.set(k, s);
	}
	const titles: Record<string, string> = {};
	for (const [c, tc] of titleCounts)
		titles[`crit_${c}`] = [...tc.entries()].sort(
			(a, b) => b[1] - a[1] || a[0].localeCompare(b[0])
		)[0][0];
	const rows = sizes.map((sz) => {
		const key = String(sz.key);
		const values: Record<string, number | null> = {};
		let all = { n: 0, pct: 0 };
		for (const c of criteria) {
			const s = sums.get(`${key}|${c}`);
			values[`crit_${c}`] = s && s.n ? round1(s.pct / s.n) : null;
			if (s) all = { n: all.n + s.n, pct: all.pct + s.pct };
		}
		values.average = all.n ? round1(all.pct / all.n) : null;
		values.teams = Number(sz.teams);
		values.reviews = Number(sz.teams);
		values.pupils = Number(sz.pupils);
		const { hidden, ...kept } = hideSmall(values, Number(sz.pupils), columns);
		return { key, label: String(sz.label), hidden, values: kept as Record<string, number | null> };
	});
	return { columns, rows, titles };
}

export const projectQuality: IndicatorModule = {
	id: 'project_quality',
	dimensions: ['all', 'school', 'commune', 'level', 'grade', 'gender', 'ethnicity'],
	compute: computeProjectQuality
};

/**
 * Dosage, teams: the share of the project teams (of projects due in the period, in the scope's classes)
 * that handed in every step of their project's process (the five activities of the engineering design
 * process, or of the inquiry process). Columns 'teams', 'teams_complete', 'share_complete' (per cent).
 */
async function computeTeamsComplete(
	db: Conn,
	scope: Scope,
	dim: Dimension | 'all'
): Promise<IndicatorTable> {
	const { from, to } = periodDates(scope);
	const g = groupExpressions(dim);
	// Each team's completeness is kept by the triggers of migration 0008 as steps are handed in.
	const { rows } = await sql<{
		key: string | number;
		label: string | number;
		teams: number;
		complete: number;
	}>`
		SELECT ${g.key} AS key, ${g.label} AS label, COUNT(*) AS teams, SUM(ts.complete) AS complete
		FROM progress_team_steps ts
		JOIN classes c ON c.id = ts.class_id
		JOIN schools s ON s.id = c.school_id
		WHERE ${classConditions(scope)} AND ts.due_on BETWEEN ${from} AND ${to}
		GROUP BY 1, 2 ORDER BY 2`.execute(db);
	return {
		columns: ['teams', 'teams_complete', 'share_complete'],
		rows: rows.map((r) => {
			const teams = Number(r.teams);
			const complete = Number(r.complete ?? 0);
			return {
				key: String(r.key),
				label: String(r.label),
				hidden: false,
				values: {
					teams,
					teams_complete: complete,
					share_complete: teams ? round1((100 * complete) / teams) : null
				}
			};
		})
	};
}

export const teamsComplete: IndicatorModule = {
	id: 'teams_complete',
	dimensions: ['all', 'school', 'commune', 'level', 'grade', 'class'],
	compute: computeTeamsComplete
};

/**
 * Teacher adoption, "assigned": assignments made in the period by the teachers of the scope's classes,
 * counted in the school they were made for. Columns 'teachers', 'teachers_assigning', 'assigned',
 * 'projects', 'exercise_sets', 'per_teacher' (assignments per teacher, one decimal).
 */
async function computeAssignmentsMade(
	db: Conn,
	scope: Scope,
	dim: Dimension | 'all'
): Promise<IndicatorTable> {
	const t = periodTimes(scope);
	const g = groupExpressions(dim);
	const { rows } = await sql<{
		key: string | number;
		label: string | number;
		teachers: number;
		assigning: number;
		assigned: number;
		projects: number;
	}>`
		WITH tc AS (
			SELECT DISTINCT ct.teacher_id, s.id AS school_id
			FROM class_teachers ct JOIN classes c ON c.id = ct.class_id JOIN schools s ON s.id = c.school_id
			WHERE ${classConditions(scope)}
		),
		made AS (
			SELECT tc.teacher_id, tc.school_id, COUNT(a.id) AS assigned, SUM(CASE WHEN a.kind = 'project' THEN 1 ELSE 0 END) AS projects
			FROM tc LEFT JOIN assignments a ON a.teacher_id = tc.teacher_id AND a.school_id = tc.school_id
				AND a.created_at >= ${t.from} AND a.created_at < ${t.to}
			GROUP BY tc.teacher_id, tc.school_id
		)
		SELECT ${g.key} AS key, ${g.label} AS label, COUNT(*) AS teachers, SUM(CASE WHEN made.assigned > 0 THEN 1 ELSE 0 END) AS assigning,
			SUM(made.assigned) AS assigned, SUM(made.projects) AS projects
		FROM made JOIN schools s ON s.id = made.school_id
		GROUP BY 1, 2 ORDER BY 2`.execute(db);
	return {
		columns: [
			'teachers',
			'teachers_assigning',
			'assigned',
			'projects',
			'exercise_sets',
			'per_teacher'
		],
		rows: rows.map((r) => {
			const teachers = Number(r.teachers);
			const assigned = Number(r.assigned ?? 0);
			const projects = Number(r.projects ?? 0);
			return {
				key: String(r.key),
				label: String(r.label),
				hidden: false,
				values: {
					teachers,
					teachers_assigning: Number(r.assigning ?? 0),
					assigned,
					projects,
					exercise_sets: assigned - projects,
					per_teacher: teachers ? round1(assigned / teachers) : null
				}
			};
		})
	};
}

export const assignmentsMade: IndicatorModule = {
	id: 'assignments',
	dimensions: ['all', 'school', 'commune', 'level'],
	compute: computeAssignmentsMade
};

export const PROJECT_MODULES = [projectQuality, teamsComplete, assignmentsMade];
