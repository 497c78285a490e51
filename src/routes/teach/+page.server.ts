import { fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guard';
import * as classes from '$lib/server/classes/classes';
import * as todo from '$lib/server/assignments/todo';
import * as rollover from '$lib/server/classes/rollover';
import { currentYear } from '$lib/server/schools/years';
import { getSchool } from '$lib/server/schools/schools';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireTeacher(event);
	const db = database();
	return {
		fullName: user.fullName,
		school: await getSchool(db, user.schoolId),
		year: await currentYear(db),
		classes: await classes.listTeacherClasses(db, user.id),
		pastClasses: await rollover.pastClasses(db, user.id),
		nextYear: (await rollover.nextYear(db))?.name ?? null,
		todo: await todo.teacherTodo(db, user)
	};
};

export const actions: Actions = {
	createClass: async (event) => {
		const user = requireTeacher(event);
		const form = await event.request.formData();
		const input = {
			grade: String(form.get('grade') ?? ''),
			name: String(form.get('name') ?? '').slice(0, 100)
		};
		const result = await classes.createClass(database(), user, input);
		if (!result.ok) return fail(400, { ...input, errors: result.errors });
		redirect(303, `/teach/classes/${result.id}`);
	}
};
