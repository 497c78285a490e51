// The indicators of the department's dashboard that read the projects domain (issue 5: assignments,
// teams, steps, rubric reviews), one per file's section with the common table shape (IndicatorTable).
import { sql } from 'kysely';
import { m } from '$lib/paraglide/messages';
import type { Conn } from '../db';
import { classConditions, periodDates, periodTimes, type Dimension, type Scope } from './scope';
import { hideSmall } from './hide';
import { cellGroup, liveView } from './reach';
import { teacherSchools } from './adoption';
import type { Indicator, ViewContext } from './indicator';
import { byLabel, dimensionLabel, groupLabel, v, type Table } from './table';

/** A table of figures per group, the shape every project indicator computes. */
export interface IndicatorTable {
	/** column ids, in order; the page and the Excel export label them from messages */
	columns: string[];
	rows: { key: string; label: string; hidden: boolean; values: Record<string, number | null> }[];
	/** the title of a column that has no message (a rubric criterion's most frequent title) */
	titles?: Record<string, string>;
}

type Group = Dimension | 'all';
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Its figures per group of a view, and the live form (facts taken now) the tests call. */
export interface IndicatorModule<F> {
	id: string;
	/** the breakdowns it supports */
	dimensions: Group[];
	take(db: Conn, scope: Scope): Promise<F>;
	figures(f: F, view: ViewContext, dim: Group): IndicatorTable;
	compute(db: Conn, scope: Scope, dim: Group): Promise<IndicatorTable>;
}

function module<F>(
	id: string,
	dimensions: Group[],
	take: (db: Conn, scope: Scope) => Promise<F>,
	figures: (f: F, view: ViewContext, dim: Group) => IndicatorTable
): IndicatorModule<F> {
	return {
		id,
		dimensions,
		take,
		figures,
		compute: async (db, scope, dim) =>
			figures(await take(db, scope), await liveView(db, scope), dim)
	};
}

/** A group of a view's rows, with its key and label: a place's, or a pupil's gender or ethnicity. */
function groupOf(view: ViewContext, dim: Group, classId: number, g: string, e: string) {
	if (dim === 'gender') return [g, g];
	if (dim === 'ethnicity') return [e, e];
	return cellGroup(view.classes.get(classId)!, dim);
}

// ——— Project quality ———

/** [class or school id, gender or '*', ethnicity or '*', pupils, teams] */
type MemberCell = [number, string, string, number, number];
/** [class or school id, gender or '*', ethnicity or '*', criterion, title (index), scores, per cents summed] */
type ScoreCell = [number, string, string, number, number, number, number];

export interface QualityFacts {
	/** the criteria's titles, which the score cells name by index */
	titles: string[];
	/** per class: its totals ('*', '*'), per gender (g, '*') and per ethnicity ('*', e) */
	members: MemberCell[];
	scores: ScoreCell[];
	/** per school, per gender and per ethnicity (a pupil counted once per school) */
	schoolMembers: MemberCell[];
	schoolScores: ScoreCell[];
}

async function takeQuality(db: Conn, scope: Scope): Promise<QualityFacts> {
	const p = scope.period;
	const cls = sql`JOIN classes c ON c.id = q.class_id JOIN schools s ON s.id = c.school_id WHERE ${classConditions(scope)} AND q.period = ${p}`;
	const sch = sql`WHERE q.school_year_id = ${scope.yearId} AND q.period = ${p} AND (q.gender = '*' OR q.ethnicity = '*')`;
	type M = { id: number; gender: string; ethnicity: string; pupils: number; teams: number };
	type S = { id: number; gender: string; ethnicity: string; criterion: number; title: string };
	const member = (r: M): MemberCell => [
		Number(r.id),
		r.gender,
		r.ethnicity,
		Number(r.pupils),
		Number(r.teams)
	];
	const titles = new Map<string, number>();
	const title = (t: string) => titles.get(t) ?? (titles.set(t, titles.size), titles.size - 1);
	const score = (r: S & { n: number; pct: number }): ScoreCell => [
		Number(r.id),
		r.gender,
		r.ethnicity,
		Number(r.criterion),
		title(r.title),
		Number(r.n),
		Math.round(Number(r.pct) * 1e6) / 1e6
	];
	const cols = sql`q.gender, q.ethnicity`;
	const run = async <R>(q: ReturnType<typeof sql<R>>) => (await q.execute(db)).rows;
	const facts = {
		members: (
			await run(
				sql<M>`SELECT q.class_id AS id, ${cols}, q.pupils, q.teams FROM progress_quality_members q ${cls}`
			)
		).map(member),
		scores: (
			await run(
				sql<
					S & { n: number; pct: number }
				>`SELECT q.class_id AS id, ${cols}, q.criterion, q.title, q.n, q.pct FROM progress_quality_scores q ${cls}`
			)
		).map(score),
		schoolMembers: (
			await run(
				sql<M>`SELECT q.school_id AS id, ${cols}, q.pupils, q.teams FROM progress_quality_school_members q ${sch}`
			)
		).map(member),
		schoolScores: (
			await run(
				sql<
					S & { n: number; pct: number }
				>`SELECT q.school_id AS id, ${cols}, q.criterion, q.title, q.n, q.pct FROM progress_quality_school_scores q ${sch}`
			)
		).map(score)
	};
	return { titles: [...titles.keys()], ...facts };
}

/**
 * The cells of a view and breakdown, with their group: per class (the class totals, or its rows per
 * gender or ethnicity within one class), or per school for a breakdown by gender or ethnicity above one.
 */
function qualityCells<T extends MemberCell | ScoreCell>(
	view: ViewContext,
	dim: Group,
	perClass: T[],
	perSchool: T[]
): { cell: T; key: string; label: string }[] {
	const bySchool = (dim === 'gender' || dim === 'ethnicity') && !view.scope.classId;
	const which = ([, g, e]: T) =>
		dim === 'gender'
			? g !== '*' && e === '*'
			: dim === 'ethnicity'
				? g === '*' && e !== '*'
				: g === '*' && e === '*';
	const out = [];
	for (const cell of bySchool ? perSchool : perClass) {
		if (!which(cell)) continue;
		if (bySchool ? !view.schools.has(cell[0]) : !view.classes.has(cell[0])) continue;
		const [key, label] = bySchool
			? [dim === 'gender' ? cell[1] : cell[2], dim === 'gender' ? cell[1] : cell[2]]
			: groupOf(view, dim, cell[0], cell[1], cell[2]);
		out.push({ cell, key, label });
	}
	return out;
}

/**
 * Project quality: the average rubric score per criterion, per group (school, level, commune, grade,
 * gender, ethnicity of the team members), from the latest review of each team's project made in the
 * period. A criterion is its position in the project's rubric ('crit_<position>'); its score is in per
 * cent of the criterion's maximum, since rubrics differ in points. The average is over pupils: each team
 * member counts with the score the teacher adjusted for them, or else the team's. Also 'teams', 'reviews'
 * (one per team: its latest) and 'pupils'. Groups of fewer than 10 pupils (team members) are hidden with
 * hideSmall. The chart "rubric profile per school" reads the same table with dim = 'school'.
 * Taken from the per-class (and per-school) rollups of migration 0008, kept by triggers as reviews arrive.
 */
function qualityFigures(f: QualityFacts, view: ViewContext, dim: Group): IndicatorTable {
	const sizes = new Map<string, { label: string; pupils: number; teams: number }>();
	for (const { cell, key, label } of qualityCells(view, dim, f.members, f.schoolMembers)) {
		const s = sizes.get(key) ?? { label, pupils: 0, teams: 0 };
		s.pupils += cell[3];
		s.teams += cell[4];
		sizes.set(key, s);
	}
	const scores = qualityCells(view, dim, f.scores, f.schoolScores);
	const criteria = [...new Set(scores.map((r) => r.cell[3]))].sort((a, b) => a - b);
	const columns = [...criteria.map((c) => `crit_${c}`), 'average', 'teams', 'reviews', 'pupils'];
	// A criterion's column is titled by the title most of its scores carry.
	const titleCounts = new Map<number, Map<string, number>>();
	const sums = new Map<string, { n: number; pct: number }>();
	for (const { cell, key } of scores) {
		const [, , , c, t, n, pct] = cell;
		const title = f.titles[t];
		const tc = titleCounts.get(c) ?? new Map<string, number>();
		tc.set(title, (tc.get(title) ?? 0) + n);
		titleCounts.set(c, tc);
		const s = sums.get(`${key}|${c}`) ?? { n: 0, pct: 0 };
		s.n += n;
		s.pct += pct;
		sums.set(`${key}|${c}`, s);
	}
	const titles: Record<string, string> = {};
	for (const [c, tc] of titleCounts)
		titles[`crit_${c}`] = [...tc.entries()].sort(
			(a, b) => b[1] - a[1] || a[0].localeCompare(b[0])
		)[0][0];
	const rows = [...sizes.entries()]
		.map(([key, sz]) => {
			const values: Record<string, number | null> = {};
			let all = { n: 0, pct: 0 };
			for (const c of criteria) {
				const s = sums.get(`${key}|${c}`);
				values[`crit_${c}`] = s && s.n ? round1(s.pct / s.n) : null;
				if (s) all = { n: all.n + s.n, pct: all.pct + s.pct };
			}
			values.average = all.n ? round1(all.pct / all.n) : null;
			values.teams = sz.teams;
			values.reviews = sz.teams;
			values.pupils = sz.pupils;
			const { hidden, ...kept } = hideSmall(values, sz.pupils, columns);
			return { key, label: sz.label, hidden, values: kept as Record<string, number | null> };
		})
		.sort(byLabel);
	return { columns, rows, titles };
}

export const projectQuality = module(
	'project_quality',
	['all', 'school', 'commune', 'level', 'grade', 'gender', 'ethnicity'],
	takeQuality,
	qualityFigures
);

// ——— Teams that handed in every step ———

/** Per class with teams of projects due in the period: [class id, teams, teams complete]. */
type TeamsFacts = [number, number, number][];

async function takeTeams(db: Conn, scope: Scope): Promise<TeamsFacts> {
	const { from, to } = periodDates(scope);
	// Each team's completeness is kept by the triggers of migration 0008 as steps are handed in.
	const { rows } = await sql<{ id: number; teams: number; complete: number | null }>`
		SELECT ts.class_id AS id, COUNT(*) AS teams, SUM(ts.complete) AS complete
		FROM progress_team_steps ts JOIN classes c ON c.id = ts.class_id JOIN schools s ON s.id = c.school_id
		WHERE ${classConditions(scope)} AND ts.due_on BETWEEN ${from} AND ${to}
		GROUP BY 1`.execute(db);
	return rows.map((r) => [Number(r.id), Number(r.teams), Number(r.complete ?? 0)]);
}

/**
 * Dosage, teams: the share of the project teams (of projects due in the period, in the view's classes)
 * that handed in every step of their project's process (the five activities of the engineering design
 * process, or of the inquiry process). Columns 'teams', 'teams_complete', 'share_complete' (per cent).
 */
function teamsFigures(f: TeamsFacts, view: ViewContext, dim: Group): IndicatorTable {
	const groups = new Map<string, { label: string; teams: number; complete: number }>();
	for (const [id, teams, complete] of f) {
		if (!view.classes.has(id)) continue;
		const [key, label] = cellGroup(view.classes.get(id)!, dim);
		const g = groups.get(key) ?? { label, teams: 0, complete: 0 };
		g.teams += teams;
		g.complete += complete;
		groups.set(key, g);
	}
	return {
		columns: ['teams', 'teams_complete', 'share_complete'],
		rows: [...groups.entries()]
			.map(([key, g]) => ({
				key,
				label: g.label,
				hidden: false,
				values: {
					teams: g.teams,
					teams_complete: g.complete,
					share_complete: g.teams ? round1((100 * g.complete) / g.teams) : null
				}
			}))
			.sort(byLabel)
	};
}

export const teamsComplete = module(
	'teams_complete',
	['all', 'school', 'commune', 'level', 'grade', 'class'],
	takeTeams,
	teamsFigures
);

// ——— Assignments made ———

/** Assignments made in the period per teacher and school: [teacher, school, assigned, projects]. */
type AssignedFacts = [number, number, number, number][];

async function takeAssigned(db: Conn, scope: Scope): Promise<AssignedFacts> {
	const t = periodTimes(scope);
	const { rows } = await sql<{
		teacher_id: number;
		school_id: number;
		n: number;
		projects: number;
	}>`
		SELECT a.teacher_id, a.school_id, COUNT(*) AS n, SUM(CASE WHEN a.kind = 'project' THEN 1 ELSE 0 END) AS projects
		FROM assignments a WHERE a.created_at >= ${t.from} AND a.created_at < ${t.to}
		GROUP BY 1, 2`.execute(db);
	return rows.map((r) => [
		Number(r.teacher_id),
		Number(r.school_id),
		Number(r.n),
		Number(r.projects)
	]);
}

/**
 * Teacher adoption, "assigned": assignments made in the period by the teachers of the view's classes,
 * counted in the school they were made for. Columns 'teachers', 'teachers_assigning', 'assigned',
 * 'projects', 'exercise_sets', 'per_teacher' (assignments per teacher, one decimal).
 */
function assignedFigures(f: AssignedFacts, view: ViewContext, dim: Group): IndicatorTable {
	const made = new Map(f.map(([t, s, n, p]) => [`${t}|${s}`, [n, p]]));
	const groups = new Map<string, { label: string; t: number; on: number; n: number; p: number }>();
	for (const [teacher, school] of teacherSchools(view)) {
		const [key, label] = cellGroup(view.schools.get(school)!, dim);
		const [n, p] = made.get(`${teacher}|${school}`) ?? [0, 0];
		const g = groups.get(key) ?? { label, t: 0, on: 0, n: 0, p: 0 };
		g.t += 1;
		g.on += n > 0 ? 1 : 0;
		g.n += n;
		g.p += p;
		groups.set(key, g);
	}
	return {
		columns: [
			'teachers',
			'teachers_assigning',
			'assigned',
			'projects',
			'exercise_sets',
			'per_teacher'
		],
		rows: [...groups.entries()]
			.map(([key, g]) => ({
				key,
				label: g.label,
				hidden: false,
				values: {
					teachers: g.t,
					teachers_assigning: g.on,
					assigned: g.n,
					projects: g.p,
					exercise_sets: g.n - g.p,
					per_teacher: g.t ? round1(g.n / g.t) : null
				}
			}))
			.sort(byLabel)
	};
}

export const assignmentsMade = module(
	'assignments',
	['all', 'school', 'commune', 'level'],
	takeAssigned,
	assignedFigures
);

export const PROJECT_MODULES = [projectQuality, teamsComplete, assignmentsMade];

// ——— Their tables ———

function moduleColumn(id: string, titles?: Record<string, string>): string {
	if (titles?.[id]) return `${titles[id]} (%)`;
	const labels: Record<string, () => string> = {
		average: m.progress_col_rubric_average,
		teams: m.progress_col_teams,
		reviews: m.progress_col_reviews,
		pupils: m.dept_pupils,
		teams_complete: m.progress_col_teams_complete,
		share_complete: m.progress_col_share_complete,
		teachers: m.dept_teachers,
		teachers_assigning: m.progress_col_teachers_assigning,
		assigned: m.progress_col_assigned,
		projects: m.progress_col_projects,
		exercise_sets: m.progress_col_exercise_sets,
		per_teacher: m.progress_col_per_teacher
	};
	return labels[id]?.() ?? id;
}

/** An indicator module's figures as a dashboard table; hidden groups show "< 10" in every figure. */
function moduleTable(
	id: string,
	title: string,
	dim: Group,
	t: IndicatorTable,
	note?: string
): Table {
	return {
		id,
		title,
		columns: [dimensionLabel(dim), ...t.columns.map((c) => moduleColumn(c, t.titles))],
		rows: t.rows.map((r) => ({
			label: groupLabel(dim, r.key, r.label),
			hidden: r.hidden,
			cells: t.columns.map((c) => v(r.values[c] ?? null, r.hidden))
		})),
		note: t.rows.length ? note : m.progress_no_data()
	};
}

/** The page's breakdown where the module supports it, else `fallback`. */
const pick = <F>(mod: IndicatorModule<F>, view: ViewContext, fallback: Group): Group =>
	mod.dimensions.includes(view.dim) ? view.dim : fallback;

/** Project quality by the page's breakdown (else by school), and the rubric profile per school. */
export const qualityIndicator: Indicator<QualityFacts> = {
	id: 'project_quality',
	take: (db, scope) => takeQuality(db, scope),
	tables: (f, view) => {
		const dim = pick(projectQuality, view, view.scope.classId ? 'all' : 'school');
		const quality = moduleTable(
			'project_quality',
			m.progress_t_project_quality(),
			dim,
			qualityFigures(f, view, dim),
			m.progress_project_note()
		);
		if (view.scope.classId) return [quality];
		const bySchool =
			dim === 'school' ? quality : moduleTable('', '', 'school', qualityFigures(f, view, 'school'));
		const avg = bySchool.columns.length - 5; // the 'average' column's index among the figures
		const profile: Table = {
			...bySchool,
			id: 'rubric_profile',
			title: m.progress_t_rubric_profile(),
			chart:
				avg >= 0 && bySchool.rows.length ? { type: 'bar', valueIndex: avg, max: 100 } : undefined
		};
		return [quality, profile];
	}
};

export const teamsIndicator: Indicator<TeamsFacts> = {
	id: 'teams_complete',
	take: (db, scope) => takeTeams(db, scope),
	tables: (f, view) => {
		const { classId, schoolId } = view.scope;
		const dim = pick(teamsComplete, view, classId ? 'all' : schoolId ? 'class' : 'school');
		const t = teamsFigures(f, view, dim);
		return [moduleTable('teams_complete', m.progress_t_teams_complete(), dim, t)];
	}
};

export const assignmentsIndicator: Indicator<AssignedFacts> = {
	id: 'assignments',
	take: (db, scope) => takeAssigned(db, scope),
	tables: (f, view) => {
		const dim = pick(assignmentsMade, view, view.scope.schoolId ? 'all' : 'school');
		const t = assignedFigures(f, view, dim);
		return [moduleTable('assignments', m.progress_t_assignments(), dim, t)];
	}
};
