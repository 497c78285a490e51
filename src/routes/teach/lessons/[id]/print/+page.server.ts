import { idParam, notFound, requireTeacher } from '$lib/server/auth/guard';
import { database } from '$lib/server/db';
import * as lessons from '$lib/server/curriculum/lessons';
import { renderLesson } from '$lib/server/curriculum/view';
import { getSchool } from '$lib/server/schools/schools';
import { cleanText } from '$lib/text/normalize';
import { groupsParam } from '$lib/curriculum/lesson';
import type { PageServerLoad } from './$types';

const HEADER = ['school', 'dept', 'teacher', 'class', 'dates'] as const;

export const load: PageServerLoad = async (event) => {
	const user = requireTeacher(event);
	const db = database();
	const lesson = await lessons.getVisibleLesson(db, idParam(event.params.id), user);
	if (!lesson) notFound();
	const q = event.url.searchParams;
	// The plan's header as typed (GET, so the printout can be bookmarked); the school and teacher
	// start from the signed-in teacher's.
	const header = Object.fromEntries(
		HEADER.map((k) => [k, cleanText(q.get(k) ?? '').slice(0, 200)])
	) as Record<(typeof HEADER)[number], string>;
	if (!q.has('school')) header.school = (await getSchool(db, user.schoolId))?.name ?? '';
	if (!q.has('teacher')) header.teacher = user.fullName;
	return {
		id: lesson.id,
		content: lesson.content,
		html: renderLesson(lesson.content),
		version: lesson.version,
		groups: groupsParam(q.get('groups')),
		header
	};
};
