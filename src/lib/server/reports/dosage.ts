// Dosage: STEM lessons taught (the lesson_teachings log) against the plan the teachers set per class,
// taken per class with the snapshot.
import { sql } from 'kysely';
import { m } from '$lib/paraglide/messages';
import type { Conn } from '../db';
import { classConditions, periodDates, semestersOf, type Dimension, type Scope } from './scope';
import { cellGroup, liveView } from './reach';
import { addInto, type Indicator, type ViewContext } from './indicator';
import { byLabel, dimensionLabel, groupLabel, type Table } from './table';

export interface DosageRow {
	key: string;
	label: string;
	classes: number;
	lessonsTaught: number;
	periods: number;
	planned: number;
	/** lessons taught / planned, in per cent, one decimal; null when nothing was planned */
	ofPlan: number | null;
}

export type ClassDimension = Exclude<Dimension, 'gender' | 'ethnicity'> | 'all';

/** Per class of the year: [class id, lessons taught, periods, lessons planned] in the period. */
export type DosageFacts = [number, number, number, number][];

export async function takeDosage(db: Conn, scope: Scope): Promise<DosageFacts> {
	const { from, to } = periodDates(scope);
	const sem = semestersOf(scope.period);
	const { rows } = await sql<{
		id: number;
		taught: number | null;
		periods: number | null;
		planned: number | null;
	}>`
		SELECT c.id, t.taught, t.periods, p.planned
		FROM classes c JOIN schools s ON s.id = c.school_id
		LEFT JOIN (SELECT class_id, COUNT(*) AS taught, SUM(periods) AS periods FROM lesson_teachings
			WHERE taught_on BETWEEN ${from} AND ${to} GROUP BY class_id) t ON t.class_id = c.id
		LEFT JOIN (SELECT class_id, SUM(planned_lessons) AS planned FROM progress_lesson_plans
			WHERE semester IN (${sql.join(sem)}) GROUP BY class_id) p ON p.class_id = c.id
		WHERE ${classConditions(scope)}`.execute(db);
	return rows.map((r) => [
		Number(r.id),
		Number(r.taught ?? 0),
		Number(r.periods ?? 0),
		Number(r.planned ?? 0)
	]);
}

const SUMS = ['classes', 'taught', 'periods', 'planned'] as const;

/** Per group of the view's classes (not by gender or ethnicity: lessons are taught to a whole class). */
export function dosageRows(f: DosageFacts, view: ViewContext, dim: ClassDimension): DosageRow[] {
	const sums = new Map<string, Record<(typeof SUMS)[number], number>>();
	const labels = new Map<string, string>();
	for (const [id, taught, periods, planned] of f) {
		const c = view.classes.get(id);
		if (!c) continue;
		const [key, label] = cellGroup(c, dim);
		labels.set(key, label);
		const add = { classes: 1, taught, periods, planned };
		addInto(sums, key, SUMS, (k) => add[k]);
	}
	return [...sums.entries()]
		.map(([key, s]) => ({
			key,
			label: labels.get(key)!,
			classes: s.classes,
			lessonsTaught: s.taught,
			periods: s.periods,
			planned: s.planned,
			ofPlan: s.planned ? Math.round((1000 * s.taught) / s.planned) / 10 : null
		}))
		.sort(byLabel);
}

/** The breakdown of a table of classes: by gender or ethnicity, the places (schools, or a school's classes). */
export function classDimension(view: ViewContext): ClassDimension {
	const { dim, scope } = view;
	if (dim !== 'gender' && dim !== 'ethnicity') return dim;
	return scope.classId || scope.schoolId ? 'class' : 'school';
}

function dosageTable(f: DosageFacts, view: ViewContext): Table {
	const dim = classDimension(view);
	return {
		id: 'dosage',
		title: m.progress_t_dosage(),
		columns: [
			dimensionLabel(dim),
			m.dept_classes(),
			m.progress_col_lessons_taught(),
			m.progress_col_periods(),
			m.progress_col_planned(),
			m.progress_col_of_plan()
		],
		rows: dosageRows(f, view, dim).map((r) => ({
			label: groupLabel(dim, r.key, r.label),
			href: view.drill?.(dim as Dimension, r.key),
			hidden: false,
			cells: [r.classes, r.lessonsTaught, r.periods, r.planned, r.ofPlan ?? '']
		}))
	};
}

export const dosageIndicator: Indicator<DosageFacts> = {
	id: 'dosage',
	take: (db, scope) => takeDosage(db, scope),
	tables: (f, view) => [dosageTable(f, view)]
};

export async function dosage(db: Conn, scope: Scope, dim: ClassDimension): Promise<DosageRow[]> {
	return dosageRows(await takeDosage(db, scope), await liveView(db, scope), dim);
}
