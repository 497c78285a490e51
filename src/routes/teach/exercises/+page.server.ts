import { database } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guard';
import * as exercises from '$lib/server/exercises/exercises';
import * as courses from '$lib/server/courses/courses';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireTeacher(event);
	const db = database();
	const filter = exercises.parseFilter(event.url.searchParams);
	const all = await courses.listCourses(db);
	// ?course=<slug>: the course as a path, its lessons in order with their puzzles.
	const chosen = all.find((c) => c.slug === event.url.searchParams.get('course'));
	const course = chosen ? await courses.courseWithLessons(db, chosen.id) : undefined;
	const result = course
		? { rows: [], total: 0, page: 1, pages: 1 }
		: await exercises.listLibrary(db, user, filter);
	return { filter, courses: all.map((c) => ({ slug: c.slug, title: c.title })), course, ...result };
};
