import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { idParam, requireRole } from '$lib/server/auth/guard';
import * as work from '$lib/server/exercises/work';
import type { RequestHandler } from './$types';

/**
 * Autosave: { version, workspace } (work.autosave). A version not newer than the stored one is ignored
 * (not an error). Most autosaves are answered before SvelteKit (server/fast-autosave.ts); this route
 * answers the rest: a session to renew, a request that is not plainly a pupil's JSON.
 */
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'student');
	const exerciseId = idParam(event.params.id);
	const body = await event.request.json().catch(() => undefined);
	const answer = await work.autosave(database(), user, exerciseId, body);
	return json(answer.body, { status: answer.status });
};
