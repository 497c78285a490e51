import { error, json } from '@sveltejs/kit';
import { idParam, notFound, requireRole } from '$lib/server/auth/guard';
import { database } from '$lib/server/db';
import * as lessons from '$lib/server/curriculum/lessons';
import type { RequestHandler } from './$types';

/** The editor's autosave: the unsaved form kept for this user until they save or discard it. */
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'teacher', 'department');
	const id = idParam(event.params.id);
	const body = await event.request.text();
	if (body.length > 400_000) error(413, 'too large');
	try {
		const state = JSON.parse(body);
		if (typeof state !== 'object' || state === null || Array.isArray(state)) throw new Error();
	} catch {
		error(400, 'bad request');
	}
	const r = await lessons.autosaveDraft(database(), user, id, body);
	if (!r.ok) notFound();
	return json({ savedAt: Date.now() });
};
