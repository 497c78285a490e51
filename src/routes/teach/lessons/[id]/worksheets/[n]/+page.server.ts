import { idParam, notFound, requireTeacher } from '$lib/server/auth/guard';
import { database } from '$lib/server/db';
import * as lessons from '$lib/server/curriculum/lessons';
import { renderMarkdown } from '$lib/server/curriculum/render';
import type { PageServerLoad } from './$types';

/** One worksheet of a lesson, alone on an A4 page: the n-th (from 1) of the lesson's worksheets. */
export const load: PageServerLoad = async (event) => {
	const user = requireTeacher(event);
	const lesson = await lessons.getVisibleLesson(database(), idParam(event.params.id), user);
	if (!lesson) notFound();
	const n = Number(event.params.n);
	const sheet = Number.isInteger(n) && n >= 1 ? lesson.content.worksheets?.[n - 1] : undefined;
	if (!sheet) notFound();
	return { id: lesson.id, lesson: lesson.content.title, sheet, html: renderMarkdown(sheet.body) };
};
