import { database } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guard';
import { listTeacherClasses } from '$lib/server/classes/classes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireTeacher(event);
	return { classes: await listTeacherClasses(database(), user.id) };
};
