import { fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guard';
import { pupilClass } from '$lib/server/exercises/pupil';
import * as play from '$lib/server/play/drawings';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'student');
	const db = database();
	const cls = await pupilClass(db, user.id);
	return {
		mine: await play.listMine(db, user.id),
		classmates: cls
			? (await play.classDrawings(db, cls.id, 'pupil')).filter((d) => d.pupilId !== user.id)
			: [],
		max: play.MAX_DRAWINGS,
		deleted: event.url.searchParams.has('deleted')
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'student');
		const db = database();
		const count = (await play.listMine(db, user.id)).length;
		const id = await play.createDrawing(db, user.id, m.play_default_name({ n: count + 1 }));
		if (id === null) return fail(400, { tooMany: true });
		redirect(303, `/learn/play/${id}`);
	}
};
