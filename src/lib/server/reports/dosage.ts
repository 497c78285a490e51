// Dosage: STEM lessons taught (the lesson_teachings log) against the plan the teachers set per class.
import { sql } from 'kysely';
import type { Conn } from '../db';
import {
	classConditions,
	groupExpressions,
	periodDates,
	semestersOf,
	type Dimension,
	type Scope
} from './scope';

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

/** Per group of classes (not by gender or ethnicity: lessons are taught to a whole class). */
export async function dosage(
	db: Conn,
	scope: Scope,
	dim: Exclude<Dimension, 'gender' | 'ethnicity'> | 'all'
): Promise<DosageRow[]> {
	const { from, to } = periodDates(scope);
	const g = groupExpressions(dim);
	const sem = semestersOf(scope.period);
	const { rows } = await sql<{
		key: string | number;
		label: string | number;
		classes: number;
		taught: number | null;
		periods: number | null;
		planned: number | null;
	}>`
		SELECT ${g.key} AS key, ${g.label} AS label, COUNT(*) AS classes, SUM(t.taught) AS taught, SUM(t.periods) AS periods,
			SUM(p.planned) AS planned
		FROM classes c JOIN schools s ON s.id = c.school_id
		LEFT JOIN (SELECT class_id, COUNT(*) AS taught, SUM(periods) AS periods FROM lesson_teachings
			WHERE taught_on BETWEEN ${from} AND ${to} GROUP BY class_id) t ON t.class_id = c.id
		LEFT JOIN (SELECT class_id, SUM(planned_lessons) AS planned FROM progress_lesson_plans
			WHERE semester IN (${sql.join(sem)}) GROUP BY class_id) p ON p.class_id = c.id
		WHERE ${classConditions(scope)}
		GROUP BY 1, 2 ORDER BY 2`.execute(db);
	return rows.map((r) => {
		const taught = Number(r.taught ?? 0);
		const planned = Number(r.planned ?? 0);
		return {
			key: String(r.key),
			label: String(r.label),
			classes: Number(r.classes),
			lessonsTaught: taught,
			periods: Number(r.periods ?? 0),
			planned,
			ofPlan: planned ? Math.round((1000 * taught) / planned) / 10 : null
		};
	});
}
