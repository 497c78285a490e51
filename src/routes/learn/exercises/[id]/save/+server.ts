import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { idParam, requireRole } from '$lib/server/auth/guard';
import { parseWorkspace } from '$lib/blockly/workspace';
import { requirePupilMayOpen } from '$lib/server/exercises/pupil';
import * as work from '$lib/server/exercises/work';
import type { RequestHandler } from './$types';

/** Autosave: { version, workspace }. Cheap: no exercise spec is read, one statement stores. A version not newer than the stored one is ignored (not an error). */
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'student');
	const db = database();
	const exerciseId = await requirePupilMayOpen(db, user, idParam(event.params.id));
	let body: { version?: unknown; workspace?: unknown };
	try {
		body = await event.request.json();
	} catch {
		return json({ refused: 'malformed' }, { status: 400 });
	}
	const version = Number(body.version);
	const text = typeof body.workspace === 'string' ? body.workspace : '';
	if (!Number.isSafeInteger(version) || version < 1)
		return json({ refused: 'malformed' }, { status: 400 });
	const parsed = parseWorkspace(text);
	if (!parsed.ok) return json({ refused: parsed.problem, detail: parsed.detail }, { status: 400 });
	return json(await work.saveWork(db, exerciseId, user.id, version, text));
};
