import { fail } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { notFound, requireTeacher } from '$lib/server/auth/guard';
import { getClassForTeacher, listTeacherClasses } from '$lib/server/classes/classes';
import * as rollover from '$lib/server/classes/rollover';
import { actorOf } from '$lib/server/audit/log';
import { formIds } from '$lib/server/form-ids';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireTeacher(event);
	const db = database();
	const mine = await listTeacherClasses(db, user.id);
	const next = await rollover.nextYear(db);
	return {
		nextYear: next ? next.name : null,
		classes: await rollover.rolloverClasses(
			db,
			mine.map((c) => c.id)
		)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireTeacher(event);
		const db = database();
		const form = await event.request.formData();
		const cls = await getClassForTeacher(db, user, Number(form.get('classId')));
		if (!cls) notFound();
		const name = String(form.get('name') ?? '').slice(0, 100);
		const r = await db.transaction().execute((tx) =>
			rollover.rollOver(tx, actorOf(event), cls.id, {
				stay: formIds(form.getAll('stay')),
				name: name || undefined
			})
		);
		if (!r.ok) return fail(400, { classId: cls.id, error: r.error });
		return { rolled: cls.name, nextClassId: r.nextClassId };
	}
};
