import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import * as exercises from '$lib/server/exercises/exercises';
import { pupilClass } from '$lib/server/exercises/pupil';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'student');
	const db = database();
	const cls = await pupilClass(db, user.id);
	if (!cls) return { grade: null, items: [] };
	const items = await exercises.listForPupil(db, cls.grade, cls.school_id);
	const best = await db
		.selectFrom('exercise_attempts')
		.select(['exercise_id', (eb) => eb.fn.max('stars').as('stars')])
		.where('pupil_id', '=', user.id)
		.groupBy('exercise_id')
		.execute();
	const stars = new Map(best.map((r) => [r.exercise_id, Number(r.stars)]));
	return { grade: cls.grade, items: items.map((e) => ({ ...e, stars: stars.get(e.id) ?? 0 })) };
};
