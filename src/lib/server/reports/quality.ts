// Project quality: rubric scores per criterion and group, taken per class (and per school for the
// breakdowns by gender or ethnicity above a class) with the snapshot.
import { sql, type RawBuilder } from 'kysely';
import { m } from '$lib/paraglide/messages';
import type { Conn } from '../db';
import { classConditions, inClassSlices, type Scope } from './scope';
import { hideSmall } from './hide';
import type { Indicator, ViewContext } from './indicator';
import { byLabel, type Table } from './table';
import {
	groupOf,
	moduleTable,
	pick,
	round1,
	type Group,
	type IndicatorTable
} from './project-module';

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

export async function takeQuality(db: Conn, scope: Scope): Promise<QualityFacts> {
	const p = scope.period;
	const run = async <R>(q: ReturnType<typeof sql<R>>) => (await q.execute(db)).rows;
	// Per class: a province's 300,000 score rows, read a slice of classes at a time (inClassSlices).
	const perClass = <R>(query: (cls: RawBuilder<unknown>) => RawBuilder<R>) =>
		inClassSlices(db, scope, async (slice) =>
			run(
				query(
					sql`JOIN classes c ON c.id = q.class_id JOIN schools s ON s.id = c.school_id WHERE ${classConditions(scope)} AND ${slice} AND q.period = ${p}`
				)
			)
		);
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
	const facts = {
		members: (
			await perClass(
				(cls) =>
					sql<M>`SELECT q.class_id AS id, ${cols}, q.pupils, q.teams FROM progress_quality_members q ${cls}`
			)
		).map(member),
		scores: (
			await perClass(
				(cls) =>
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
export function qualityFigures(f: QualityFacts, view: ViewContext, dim: Group): IndicatorTable {
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

/** The breakdowns it supports. */
export const QUALITY_DIMENSIONS: readonly Group[] = [
	'all',
	'school',
	'commune',
	'level',
	'grade',
	'gender',
	'ethnicity'
];

/** Project quality by the page's breakdown (else by school), and the rubric profile per school. */
export const qualityIndicator: Indicator<QualityFacts> = {
	id: 'project_quality',
	take: (db, scope) => takeQuality(db, scope),
	tables: (f, view) => {
		const dim = pick(QUALITY_DIMENSIONS, view, view.scope.classId ? 'all' : 'school');
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
