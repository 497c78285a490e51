import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import * as exercises from '$lib/server/exercises/exercises';
import { pupilClass } from '$lib/server/exercises/pupil';
import * as attempts from '$lib/server/exercises/attempts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'student');
	const db = database();
	const cls = await pupilClass(db, user.id);
	if (!cls) return { grade: null, items: [] };
	const items = await exercises.listForPupil(db, cls.grade, cls.school_id);
	const stars = await attempts.bestStarsByExercise(db, user.id);
	return { grade: cls.grade, items: items.map((e) => ({ ...e, stars: stars.get(e.id) ?? 0 })) };
};
