import { idParam, notFound, requireTeacher } from '$lib/server/auth/guard';
import { database } from '$lib/server/db';
import * as lessons from '$lib/server/curriculum/lessons';
import { renderLesson } from '$lib/server/curriculum/view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireTeacher(event);
	const lesson = await lessons.getVisibleLesson(database(), idParam(event.params.id), user);
	if (!lesson) notFound();
	return {
		id: lesson.id,
		content: lesson.content,
		html: renderLesson(lesson.content),
		version: lesson.version
	};
};
