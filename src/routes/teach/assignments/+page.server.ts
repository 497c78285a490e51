import { fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireTeacher } from '$lib/server/auth/guard';
import * as assignments from '$lib/server/assignments/assignments';
import * as todo from '$lib/server/assignments/todo';
import * as rubrics from '$lib/server/projects/rubrics';
import { listTeacherClasses } from '$lib/server/classes/classes';
import { listRoster, today } from '$lib/server/classes/pupils';
import { listLessonsForAssigning } from '$lib/server/curriculum';
import { formIds } from '$lib/server/form-ids';
import { lessonToAssign } from '$lib/server/courses/courses';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireTeacher(event);
	const db = database();
	const classes = await listTeacherClasses(db, user.id);
	const rosters = await Promise.all(
		classes.map(async (c) => ({
			classId: c.id,
			className: c.name,
			pupils: (await listRoster(db, c.id)).map((p) => ({ id: p.id, fullName: p.fullName }))
		}))
	);
	// The library's published lessons and the teacher's own (a colleague's draft stays theirs).
	const lessons = await listLessonsForAssigning(db, user);
	const exercises = await assignments.listAssignableExercises(db, user.schoolId);
	return {
		assignments: await todo.assignmentRows(db, user),
		classes,
		rosters,
		lessons,
		exercises,
		rubrics: (await rubrics.listRubrics(db, user.schoolId)).map((r) => ({
			id: r.id,
			title: r.title
		})),
		today: today(),
		// ?courseLesson=<id> (from a course path): the form opens with that lesson's puzzles chosen.
		prefill: event.url.searchParams.has('courseLesson')
			? ((await lessonToAssign(db, Number(event.url.searchParams.get('courseLesson')))) ?? null)
			: null
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireTeacher(event);
		const form = await event.request.formData();
		const input = {
			kind: String(form.get('kind') ?? ''),
			title: String(form.get('title') ?? '').slice(0, 500),
			instructions: String(form.get('instructions') ?? '').slice(0, 6000),
			opensOn: String(form.get('opensOn') ?? ''),
			dueOn: String(form.get('dueOn') ?? ''),
			classIds: formIds(form.getAll('classIds')),
			pupilIds: formIds(form.getAll('pupilIds')),
			// The ticked exercises, in the order the teacher put them in.
			exerciseIds: assignments.orderedExerciseIds(
				formIds(form.getAll('exerciseIds')),
				String(form.get('exerciseOrder') ?? '')
			),
			lessonId: Number(form.get('lessonId')) || null,
			process: String(form.get('process') ?? ''),
			rubricId: Number(form.get('rubricId')) || null
		};
		const db = database();
		const result = await db
			.transaction()
			.execute((tx) => assignments.createAssignment(tx, user, input));
		if (!result.ok)
			return fail(400, {
				values: {
					kind: input.kind,
					title: input.title,
					instructions: input.instructions,
					opensOn: input.opensOn,
					dueOn: input.dueOn,
					exerciseIds: input.exerciseIds
				},
				errors: result.errors
			});
		redirect(303, `/teach/assignments/${result.id}`);
	}
};
