import { fail, redirect } from '@sveltejs/kit';
import { idParam, notFound, requireTeacher } from '$lib/server/auth/guard';
import { database } from '$lib/server/db';
import * as lessons from '$lib/server/curriculum/lessons';
import * as teachings from '$lib/server/curriculum/teachings';
import { renderLesson } from '$lib/server/curriculum/view';
import { listLessonFiles } from '$lib/server/curriculum/files';
import { listTeacherClasses } from '$lib/server/classes/classes';
import { groupsParam } from '$lib/curriculum/lesson';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireTeacher(event);
	const db = database();
	const lesson = await lessons.getVisibleLesson(db, idParam(event.params.id), user);
	if (!lesson) notFound();
	const { content, ...meta } = lesson;
	return {
		meta,
		content,
		html: renderLesson(content),
		canEdit: lessons.canEdit(lesson, user),
		isAuthor: lesson.authorId === user.id,
		reviews: lesson.authorId === user.id ? await lessons.listReviews(db, lesson.id) : [],
		classes: (await listTeacherClasses(db, user.id)).map((c) => ({ id: c.id, name: c.name })),
		teachings: await teachings.listTeachings(db, user.id, lesson.id),
		files: await listLessonFiles(db, lesson.id),
		today: new Date().toISOString().slice(0, 10),
		groups: groupsParam(event.url.searchParams.get('groups'))
	};
};

export const actions: Actions = {
	copy: async (event) => {
		const user = requireTeacher(event);
		const db = database();
		const id = await db
			.transaction()
			.execute((tx) => lessons.copyLesson(tx, user, idParam(event.params.id)));
		if (!id) notFound();
		redirect(303, `/teach/lessons/${id}/edit`);
	},
	submit: async (event) => {
		const user = requireTeacher(event);
		const db = database();
		const r = await db
			.transaction()
			.execute((tx) => lessons.submitLesson(tx, user, idParam(event.params.id)));
		if (!r.ok) return fail(400, { notAllowed: true });
		return { submitted: true };
	},
	log: async (event) => {
		const user = requireTeacher(event);
		const form = await event.request.formData();
		const input = {
			classId: String(form.get('classId') ?? ''),
			taughtOn: String(form.get('taughtOn') ?? ''),
			periods: String(form.get('periods') ?? ''),
			note: String(form.get('note') ?? '').slice(0, 5000)
		};
		const r = await teachings.logTeaching(database(), user, idParam(event.params.id), input);
		if (!r.ok && r.notFound) notFound();
		if (!r.ok) return fail(400, { logInput: input, logErrors: r.errors });
		const cls = (await listTeacherClasses(database(), user.id)).find(
			(c) => c.id === Number(input.classId)
		);
		return {
			logged: { class: cls?.name ?? '', date: input.taughtOn, periods: Number(input.periods) }
		};
	}
};
