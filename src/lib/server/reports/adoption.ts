// Teacher adoption: lessons written, adapted (copied from the library and changed) and taught,
// exercises authored, by the teachers of the scope's schools during the period.
import { sql } from 'kysely';
import type { Conn } from '../db';
import { classConditions, groupExpressions, periodDates, periodTimes, type Scope } from './scope';

export interface AdoptionRow {
	key: string;
	label: string;
	teachers: number;
	/** teachers who taught at least one STEM lesson in the period */
	teachersTeaching: number;
	lessonsWritten: number;
	lessonsAdapted: number;
	lessonsTaught: number;
	exercisesAuthored: number;
}

export type AdoptionDimension = 'school' | 'commune' | 'level' | 'all';

/** Per group of schools; a teacher counts in the schools of the classes they teach this year. */
export async function adoption(
	db: Conn,
	scope: Scope,
	dim: AdoptionDimension
): Promise<AdoptionRow[]> {
	const { from, to } = periodDates(scope);
	const t = periodTimes(scope);
	const g = groupExpressions(dim);
	const { rows } = await sql<{
		key: string | number;
		label: string | number;
		teachers: number;
		teaching: number;
		written: number;
		adapted: number;
		taught: number;
		exercises: number;
	}>`
		WITH tc AS (
			SELECT DISTINCT ct.teacher_id, s.id AS school_id
			FROM class_teachers ct JOIN classes c ON c.id = ct.class_id JOIN schools s ON s.id = c.school_id
			WHERE ${classConditions(scope)}
		)
		SELECT ${g.key} AS key, ${g.label} AS label,
			COUNT(DISTINCT tc.teacher_id) AS teachers,
			COUNT(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM lesson_teachings lt WHERE lt.teacher_id = tc.teacher_id
				AND lt.taught_on BETWEEN ${from} AND ${to}) THEN tc.teacher_id END) AS teaching,
			SUM((SELECT COUNT(*) FROM lessons l WHERE l.author_id = tc.teacher_id AND l.copied_from_id IS NULL
				AND l.created_at >= ${t.from} AND l.created_at < ${t.to})) AS written,
			SUM((SELECT COUNT(*) FROM lessons l WHERE l.author_id = tc.teacher_id AND l.copied_from_id IS NOT NULL
				AND l.created_at >= ${t.from} AND l.created_at < ${t.to})) AS adapted,
			SUM((SELECT COUNT(*) FROM lesson_teachings lt JOIN classes c2 ON c2.id = lt.class_id
				WHERE lt.teacher_id = tc.teacher_id AND c2.school_id = tc.school_id AND lt.taught_on BETWEEN ${from} AND ${to})) AS taught,
			SUM((SELECT COUNT(*) FROM exercises x WHERE x.author_id = tc.teacher_id
				AND x.created_at >= ${t.from} AND x.created_at < ${t.to})) AS exercises
		FROM tc JOIN schools s ON s.id = tc.school_id
		GROUP BY 1, 2 ORDER BY 2`.execute(db);
	return rows.map((r) => ({
		key: String(r.key),
		label: String(r.label),
		teachers: Number(r.teachers),
		teachersTeaching: Number(r.teaching),
		lessonsWritten: Number(r.written ?? 0),
		lessonsAdapted: Number(r.adapted ?? 0),
		lessonsTaught: Number(r.taught ?? 0),
		exercisesAuthored: Number(r.exercises ?? 0)
	}));
}
