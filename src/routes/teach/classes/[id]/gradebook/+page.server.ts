import { requireTeacherClass } from '$lib/server/classes/guard';
import { classGradebook } from '$lib/server/gradebook/gradebook';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, cls } = await requireTeacherClass(event);
	return { cls, gradebook: await classGradebook(db, cls.id) };
};
