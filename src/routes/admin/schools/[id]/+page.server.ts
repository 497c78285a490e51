import { fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { idParam, notFound, requireRole } from '$lib/server/auth/guard';
import * as schools from '$lib/server/schools/schools';
import { listSchoolClasses } from '$lib/server/classes/classes';
import * as teachers from '$lib/server/classes/teachers';
import * as rollover from '$lib/server/classes/rollover';
import { actorOf } from '$lib/server/audit/log';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The admin's guard, the school of the address (else 404). */
async function requireSchool(event: RequestEvent) {
	requireRole(event, 'admin');
	const db = database();
	const school = await schools.getSchool(db, idParam(event.params.id));
	if (!school) notFound();
	return { db, school };
}

/** A class of this school this year, named by the form (another school's id: 404). */
async function classOfForm(event: RequestEvent, form: FormData) {
	const { db, school } = await requireSchool(event);
	const cls = (await listSchoolClasses(db, school.id)).find(
		(c) => c.id === Number(form.get('classId'))
	);
	if (!cls) notFound();
	return { db, cls, teacherId: Number(form.get('teacherId')) };
}

export const load: PageServerLoad = async (event) => {
	const { db, school } = await requireSchool(event);
	const classes = await listSchoolClasses(db, school.id);
	return {
		school,
		classes: await Promise.all(
			classes.map(async (c) => ({
				id: c.id,
				name: c.name,
				teachers: await teachers.classTeachers(db, c.id)
			}))
		),
		candidates: await teachers.schoolTeachers(db, school.id),
		nextYear: (await rollover.nextYear(db))?.name ?? null
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { db, school } = await requireSchool(event);
		const input = schools.schoolInput(await event.request.formData());
		const checked = await schools.validateSchool(db, input, school.id);
		if (!checked.ok) return fail(400, { input, errors: checked.errors });
		await schools.updateSchool(db, school.id, checked.value);
		return { saved: true };
	},
	rollover: async (event) => {
		const { db, school } = await requireSchool(event);
		try {
			const count = await db
				.transaction()
				.execute((tx) => rollover.rollOverSchool(tx, actorOf(event), school.id));
			return { rolledOver: count };
		} catch (e) {
			if (!(e instanceof rollover.RolloverStopped)) throw e;
			return fail(400, { rolloverError: e.error, rolloverClass: e.className });
		}
	},
	addTeacher: async (event) => {
		const { db, cls, teacherId } = await classOfForm(event, await event.request.formData());
		const r = await db
			.transaction()
			.execute((tx) => teachers.addClassTeacher(tx, actorOf(event), cls, teacherId));
		if (!r.ok) return fail(400, { teacherError: r.error, classId: cls.id });
		return { teacherAdded: cls.id };
	},
	removeTeacher: async (event) => {
		const { db, cls, teacherId } = await classOfForm(event, await event.request.formData());
		const r = await db
			.transaction()
			.execute((tx) => teachers.removeClassTeacher(tx, actorOf(event), cls, teacherId));
		if (!r.ok) return fail(400, { teacherError: r.error, classId: cls.id });
		return { teacherRemoved: cls.id };
	}
};
