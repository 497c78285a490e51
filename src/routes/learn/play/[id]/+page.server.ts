import { fail, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { idParam, notFound, requireRole } from '$lib/server/auth/guard';
import * as play from '$lib/server/play/drawings';
import type { WorkspaceJson } from '$lib/blockly/spec';
import { preloadBlockly } from '$lib/server/preload';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

/** The pupil's own drawing (to edit), or a classmate's shared with their class (to look at); else 404. */
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'student');
	const db = database();
	const opened = await play.openForPupil(db, user.id, idParam(event.params.id));
	if (!opened) notFound();
	if (!opened.mine) return { mine: false as const, drawing: opened.drawing, author: opened.author };
	let workspace: WorkspaceJson | null = null;
	try {
		workspace = JSON.parse(opened.workspace);
	} catch {
		// an unreadable save: an empty canvas
	}
	return {
		mine: true as const,
		drawing: opened.drawing,
		workspace,
		toolbox: await play.toolboxFor(db, user.id),
		preload: preloadBlockly(event, getLocale())
	};
};

async function share(event: Parameters<Actions[string]>[0], shared: boolean) {
	const user = requireRole(event, 'student');
	const r = await play.setShared(database(), user.id, idParam(event.params.id), shared);
	if (r === 'not_found') notFound();
	if (r === 'no_class') return fail(400, { noClass: true });
	return { shared };
}

export const actions: Actions = {
	share: (event) => share(event, true),
	unshare: (event) => share(event, false),
	delete: async (event) => {
		const user = requireRole(event, 'student');
		const db = database();
		const id = idParam(event.params.id);
		const opened = await play.openForPupil(db, user.id, id);
		if (!opened?.mine || !(await play.deleteDrawing(db, user.id, id))) notFound();
		redirect(303, '/learn/play?deleted');
	}
};
