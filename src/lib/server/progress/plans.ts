// The teacher's plan of STEM lessons per semester, and what was taught against it.
import { sql } from 'kysely';
import type { Conn } from '../db';

export async function classPlan(db: Conn, classId: number) {
	const plans = await db
		.selectFrom('progress_lesson_plans')
		.select(['semester', 'planned_lessons'])
		.where('class_id', '=', classId)
		.execute();
	const taught = await db
		.selectFrom('lesson_teachings as t')
		.innerJoin('classes as c', 'c.id', 't.class_id')
		.innerJoin('school_years as y', 'y.id', 'c.school_year_id')
		.select((eb) => [
			eb.fn.countAll<number>().as('lessons'),
			eb.fn.sum<number>('t.periods').as('periods'),
			// semester 1 runs to 31 December of the year's first calendar year
			sql<number>`CASE WHEN t.taught_on <= substr(y.starts_on, 1, 4) || '-12-31' THEN 1 ELSE 2 END`.as(
				'semester'
			)
		])
		.where('t.class_id', '=', classId)
		.groupBy('semester')
		.execute();
	return [1, 2].map((semester) => {
		const p = plans.find((x) => x.semester === semester);
		const t = taught.find((x) => Number(x.semester) === semester);
		const planned = p?.planned_lessons ?? null;
		const lessons = Number(t?.lessons ?? 0);
		return {
			semester,
			planned,
			lessons,
			periods: Number(t?.periods ?? 0),
			ofPlan: planned ? Math.round((1000 * lessons) / planned) / 10 : null
		};
	});
}

export function checkPlanned(value: string): number | null {
	if (!/^\d{1,3}$/.test(value.trim())) return null;
	const n = Number(value);
	return n <= 200 ? n : null;
}

export async function setPlan(
	db: Conn,
	classId: number,
	semester: 1 | 2,
	planned: number,
	by: number,
	now = Date.now()
) {
	await db
		.insertInto('progress_lesson_plans')
		.values({
			class_id: classId,
			semester,
			planned_lessons: planned,
			updated_by: by,
			updated_at: now
		})
		.onConflict((oc) =>
			oc
				.columns(['class_id', 'semester'])
				.doUpdateSet({ planned_lessons: planned, updated_by: by, updated_at: now })
		)
		.execute();
}
