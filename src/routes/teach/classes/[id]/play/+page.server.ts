import { fail } from '@sveltejs/kit';
import { requireTeacherClass } from '$lib/server/classes/guard';
import { formIds } from '$lib/server/form-ids';
import { actorOf } from '$lib/server/audit/log';
import * as play from '$lib/server/play/drawings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, cls } = await requireTeacherClass(event);
	return { cls, drawings: await play.classDrawings(db, cls.id, 'teacher') };
};

async function setHidden(event: Parameters<Actions[string]>[0], hidden: boolean) {
	const { db, cls } = await requireTeacherClass(event);
	const [id] = formIds((await event.request.formData()).getAll('drawing'));
	const drawing = id ? await play.classDrawing(db, cls.id, id) : undefined;
	const done =
		drawing &&
		(await db
			.transaction()
			.execute((tx) => play.setHidden(tx, actorOf(event), cls, drawing.id, hidden)));
	if (!done) return fail(404, { missing: true });
	return { hidden, name: drawing.name };
}

export const actions: Actions = {
	hide: (event) => setHidden(event, true),
	show: (event) => setHidden(event, false)
};
