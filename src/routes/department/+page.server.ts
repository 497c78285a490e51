import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { currentYear } from '$lib/server/schools/years';
import type { PageServerLoad } from './$types';

// Counts only: the department sees aggregates, never a pupil's name.
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'department', 'admin');
	const db = database();
	const year = await currentYear(db);
	const rows = await db
		.selectFrom('schools')
		.select((eb) => [
			'schools.id',
			'schools.name',
			'schools.commune',
			'schools.level',
			eb
				.selectFrom('classes')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('classes.school_id', '=', 'schools.id')
				.where('classes.school_year_id', '=', year?.id ?? -1)
				.as('classes'),
			eb
				.selectFrom('users')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('users.school_id', '=', 'schools.id')
				.where('users.role', '=', 'teacher')
				.where('users.disabled_at', 'is', null)
				.as('teachers'),
			eb
				.selectFrom('enrolments')
				.innerJoin('classes', 'classes.id', 'enrolments.class_id')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('classes.school_id', '=', 'schools.id')
				.where('classes.school_year_id', '=', year?.id ?? -1)
				.where('enrolments.ended_on', 'is', null)
				.as('pupils')
		])
		.orderBy('schools.name')
		.execute();
	const schools = rows.map((r) => ({ ...r, classes: Number(r.classes), teachers: Number(r.teachers), pupils: Number(r.pupils) }));
	const total = (k: 'classes' | 'teachers' | 'pupils') => schools.reduce((s, r) => s + r[k], 0);
	return {
		year,
		schools,
		totals: { schools: schools.length, classes: total('classes'), teachers: total('teachers'), pupils: total('pupils') }
	};
};
