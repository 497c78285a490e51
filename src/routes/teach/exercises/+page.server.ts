import { database } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guard';
import * as exercises from '$lib/server/exercises/exercises';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireTeacher(event);
	const filter = exercises.parseFilter(event.url.searchParams);
	const result = await exercises.listLibrary(database(), user, filter);
	return { filter, ...result };
};
