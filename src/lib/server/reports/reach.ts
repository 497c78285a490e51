// Reach: schools, classes, teachers and pupils in the pilot, and pupils active in the last 30 days.
import { sql } from 'kysely';
import type { Conn } from '../db';
import {
	classConditions,
	inClassSlices,
	periodDates,
	periodTimes,
	PUPIL_DIMENSIONS,
	type Dimension,
	type Scope
} from './scope';
import { hideSmall } from './hide';
import { m } from '$lib/paraglide/messages';
import { viewContext, type Indicator, type ViewContext } from './indicator';
import { dimensionLabel, groupLabel, v, type Table } from './table';

export const ACTIVE_DAYS = 30;
const DAY = 86_400_000;

export interface GroupSize {
	key: string;
	label: string;
	pupils: number;
	active: number;
}

/** Where a class is: what every breakdown but gender and ethnicity groups by. */
export interface ClassPlace {
	classId: number;
	className: string;
	grade: number;
	schoolId: number;
	schoolName: string;
	commune: string;
	level: string;
}

/** A class of the year and its teachers: what the counts of schools, classes and teachers are made of. */
export interface ClassFact extends ClassPlace {
	teachers: number[];
}

/** Pupils of one class, gender and ethnicity: the finest grain every pupil-based group is summed from. */
export interface RosterCell extends ClassPlace {
	gender: string;
	ethnicity: string;
	pupils: number;
	active: number;
}

/**
 * The moment "active in the last 30 days" counts back from: now, or the end of a period that is over
 * (a past year's figure does not fall to zero as time goes by).
 */
export function activeSince(scope: Scope, now = Date.now()): number {
	return Math.min(now, periodTimes(scope).to) - ACTIVE_DAYS * DAY;
}

/**
 * Pupils enrolled in the scope's classes during the period, per class, gender and ethnicity, and those
 * active (an attempt or a sign-in, kept per period by migration 0008's triggers) in its last 30 days.
 * One scan of the enrolments serves every breakdown of every view of the period: the routes keep the
 * province's cells for a minute and cut each view's out of them (inScope). An enrolment counts once: a
 * pupil who changed class in the period counts in both classes, in every breakdown alike, so that the
 * breakdowns add up to the same total.
 */
export async function rosterCells(db: Conn, scope: Scope, now = Date.now()): Promise<RosterCell[]> {
	const { from, to } = periodDates(scope);
	const since = activeSince(scope, now);
	// Counts only (no text per row): the class's details come from the few classes of the year.
	type Row = {
		class_id: number;
		gender: string;
		ethnicity: string;
		pupils: number;
		active: number;
	};
	const rows = await inClassSlices(db, scope, async (slice) => {
		const { rows } = await sql<Row>`
			SELECT e.class_id, COALESCE(g.gender, '') AS gender, COALESCE(g.ethnicity, '') AS ethnicity,
				COUNT(*) AS pupils, SUM(CASE WHEN a.last_at >= ${since} THEN 1 ELSE 0 END) AS active
			FROM enrolments e
			JOIN classes c ON c.id = e.class_id
			JOIN schools s ON s.id = c.school_id
			LEFT JOIN pupil_profiles g ON g.user_id = e.pupil_id
			LEFT JOIN progress_period_activity a ON a.pupil_id = e.pupil_id AND a.school_year_id = ${scope.yearId} AND a.period = ${scope.period}
			WHERE ${classConditions(scope)} AND ${slice}
				AND e.started_on <= ${to} AND (e.ended_on IS NULL OR e.ended_on >= ${from})
			GROUP BY 1, 2, 3`.execute(db);
		return rows;
	});
	const { rows: classes } = await sql<{
		id: number;
		name: string;
		grade: number;
		school_id: number;
		school_name: string;
		commune: string;
		level: string;
	}>`
		SELECT c.id, c.name, c.grade, s.id AS school_id, s.name AS school_name, s.commune, s.level
		FROM classes c JOIN schools s ON s.id = c.school_id WHERE ${classConditions(scope)}`.execute(db);
	const byId = new Map(classes.map((c) => [c.id, c]));
	return rows.map((r) => {
		const c = byId.get(r.class_id)!;
		return {
			classId: c.id,
			className: c.name,
			grade: c.grade,
			schoolId: c.school_id,
			schoolName: c.school_name,
			commune: c.commune,
			level: c.level,
			gender: r.gender,
			ethnicity: r.ethnicity,
			pupils: Number(r.pupils),
			active: Number(r.active ?? 0)
		};
	});
}

/** Every class of the scope's year with its teachers (the staff side of a snapshot). */
export async function classFacts(db: Conn, scope: Scope): Promise<ClassFact[]> {
	const { rows } = await sql<{
		id: number;
		name: string;
		grade: number;
		school_id: number;
		school_name: string;
		commune: string;
		level: string;
		teacher_id: number | null;
	}>`
		SELECT c.id, c.name, c.grade, s.id AS school_id, s.name AS school_name, s.commune, s.level, ct.teacher_id
		FROM classes c JOIN schools s ON s.id = c.school_id
		LEFT JOIN class_teachers ct ON ct.class_id = c.id
		WHERE ${classConditions(scope)}`.execute(db);
	const byId = new Map<number, ClassFact>();
	for (const r of rows) {
		const c = byId.get(r.id) ?? {
			classId: r.id,
			className: r.name,
			grade: Number(r.grade),
			schoolId: r.school_id,
			schoolName: r.school_name,
			commune: r.commune,
			level: r.level,
			teachers: []
		};
		if (r.teacher_id !== null) c.teachers.push(r.teacher_id);
		byId.set(r.id, c);
	}
	return [...byId.values()];
}

/** The cells of a view, cut out of a wider scope's (the province's) for the same year and period. */
export function inScope<T extends ClassPlace>(cells: T[], scope: Scope): T[] {
	return cells.filter(
		(c) =>
			(!scope.level || c.level === scope.level) &&
			(!scope.commune || c.commune === scope.commune) &&
			(!scope.schoolId || c.schoolId === scope.schoolId) &&
			(!scope.classId || c.classId === scope.classId)
	);
}

/** The key and label of a roster cell's group (as groupExpressions gives them in SQL). */
export function cellGroup(
	c: ClassPlace & { gender?: string; ethnicity?: string },
	dim: Dimension | 'all'
): [string, string] {
	switch (dim) {
		case 'all':
			return ['all', 'all'];
		case 'school':
			return [String(c.schoolId), c.schoolName];
		case 'commune':
			return [c.commune, c.commune];
		case 'level':
			return [c.level, c.level];
		case 'grade':
			return [String(c.grade), String(c.grade)];
		case 'class':
			return [String(c.classId), `${c.schoolName} · ${c.className}`];
		case 'gender':
			return [c.gender ?? '', c.gender ?? ''];
		case 'ethnicity':
			return [c.ethnicity ?? '', c.ethnicity ?? ''];
	}
}

export function groupRoster(cells: RosterCell[], dim: Dimension | 'all'): GroupSize[] {
	const groups = new Map<string, GroupSize>();
	for (const c of cells) {
		const [key, label] = cellGroup(c, dim);
		const g = groups.get(key) ?? { key, label, pupils: 0, active: 0 };
		g.pupils += c.pupils;
		g.active += c.active;
		groups.set(key, g);
	}
	return [...groups.values()].sort((a, b) => a.label.localeCompare(b.label));
}

export interface ReachRow {
	key: string;
	label: string;
	schools: number | null;
	classes: number | null;
	teachers: number | null;
	pupils: number | null;
	active: number | null;
	hidden: boolean;
}

interface StaffGroup {
	key: string | number;
	label: string | number;
	schools: number;
	classes: number;
	teachers: number;
}

/** Staff and classes per group, counted from a snapshot's classes (each school, class, teacher once). */
export function groupStaff(classes: ClassFact[], dim: Dimension | 'all'): StaffGroup[] {
	const groups = new Map<
		string,
		{ label: string; s: Set<number>; c: Set<number>; t: Set<number> }
	>();
	for (const c of classes) {
		const [key, label] = cellGroup(c, dim);
		const g = groups.get(key) ?? { label, s: new Set(), c: new Set(), t: new Set() };
		g.s.add(c.schoolId);
		g.c.add(c.classId);
		for (const t of c.teachers) g.t.add(t);
		groups.set(key, g);
	}
	return [...groups.entries()]
		.map(([key, g]) => ({
			key,
			label: g.label,
			schools: g.s.size,
			classes: g.c.size,
			teachers: g.t.size
		}))
		.sort((a, b) => a.label.localeCompare(b.label));
}

/** Reach per group of a view; the pupils of a group of fewer than 10 are hidden. */
export function reachRows(view: ViewContext, dim: Dimension | 'all'): ReachRow[] {
	const pupils = groupRoster(view.roster, dim);
	const byKey = new Map<string, ReachRow>();
	if (!PUPIL_DIMENSIONS.includes(dim as Dimension)) {
		for (const r of groupStaff([...view.classes.values()], dim)) {
			byKey.set(String(r.key), {
				key: String(r.key),
				label: String(r.label),
				schools: Number(r.schools),
				classes: Number(r.classes),
				teachers: Number(r.teachers),
				pupils: 0,
				active: 0,
				hidden: false
			});
		}
	}
	for (const p of pupils) {
		const row = byKey.get(p.key) ?? {
			key: p.key,
			label: p.label,
			schools: null,
			classes: null,
			teachers: null,
			pupils: 0,
			active: 0,
			hidden: false
		};
		row.pupils = p.pupils;
		row.active = p.active;
		byKey.set(p.key, row);
	}
	return [...byKey.values()].map((r) => hideSmall(r, r.pupils ?? 0, ['pupils', 'active'] as const));
}

/** The roster and classes of a scope taken now, as a view of them (the live forms of the indicators). */
export async function liveView(
	db: Conn,
	scope: Scope,
	now = Date.now(),
	dim: Dimension = 'school'
): Promise<ViewContext> {
	return viewContext(
		scope,
		dim,
		now,
		await rosterCells(db, scope, now),
		await classFacts(db, scope)
	);
}

/** Reach per group, from the roster and classes taken now. */
export async function reach(
	db: Conn,
	scope: Scope,
	dim: Dimension | 'all',
	now = Date.now()
): Promise<ReachRow[]> {
	return reachRows(await liveView(db, scope, now), dim);
}

/** "Active in the last 30 days", or "… of the period" once the period is over (see activeSince). */
function activeColumn(scope: Scope, now: number): string {
	return periodTimes(scope).to <= now ? m.progress_col_active_ended() : m.progress_col_active();
}

function reachTable(view: ViewContext): Table {
	const { dim } = view;
	const total = reachRows(view, 'all')[0];
	const cells = (r: ReachRow) => [
		r.schools ?? (r.key === 'all' ? 0 : ''),
		r.classes ?? (r.key === 'all' ? 0 : ''),
		r.teachers ?? (r.key === 'all' ? 0 : ''),
		v(r.pupils, r.hidden),
		v(r.active, r.hidden)
	];
	return {
		id: 'reach',
		title: m.progress_t_reach(),
		columns: [
			dimensionLabel(dim),
			m.dept_schools(),
			m.dept_classes(),
			m.dept_teachers(),
			m.dept_pupils(),
			activeColumn(view.scope, view.now)
		],
		rows: [
			...reachRows(view, dim).map((r) => ({
				label: groupLabel(dim, r.key, r.label),
				href: view.drill?.(dim, r.key),
				hidden: r.hidden,
				cells: cells(r)
			})),
			...(total ? [{ label: m.progress_total(), hidden: total.hidden, cells: cells(total) }] : [])
		]
	};
}

/** Reach reads the snapshot's roster and classes, which every snapshot holds: no facts of its own. */
export const reachIndicator: Indicator<null> = {
	id: 'reach',
	take: async () => null,
	tables: (_f, view) => [reachTable(view)]
};
