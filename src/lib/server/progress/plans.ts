// The teacher's plan of STEM lessons per semester, and what was taught against it.
import { sql } from 'kysely';
import type { Conn } from '../db';
import { periodDates } from '../reports/scope';

export async function classPlan(db: Conn, classId: number) {
	const plans = await db
		.selectFrom('progress_lesson_plans')
		.select(['semester', 'planned_lessons'])
		.where('class_id', '=', classId)
		.execute();
	const year = await db
		.selectFrom('classes as c')
		.innerJoin('school_years as y', 'y.id', 'c.school_year_id')
		.select(['y.starts_on as yearStartsOn', 'y.ends_on as yearEndsOn'])
		.where('c.id', '=', classId)
		.executeTakeFirst();
	// A lesson counts in the semester of the class's school year its date falls in (the dashboard's
	// periods); one taught outside the year's dates counts in neither.
	const s1 = year ? periodDates({ ...year, period: 's1' }) : { from: '', to: '' };
	const s2 = year ? periodDates({ ...year, period: 's2' }) : { from: '', to: '' };
	const taught = await db
		.selectFrom('lesson_teachings as t')
		.select((eb) => [
			eb.fn.countAll<number>().as('lessons'),
			eb.fn.sum<number>('t.periods').as('periods'),
			sql<number>`CASE WHEN t.taught_on BETWEEN ${s1.from} AND ${s1.to} THEN 1
				WHEN t.taught_on BETWEEN ${s2.from} AND ${s2.to} THEN 2 ELSE 0 END`.as('semester')
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
