import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { idParam, notFound, requireRole } from '$lib/server/auth/guard';
import { cleanDrawingName } from '$lib/blockly/play';
import { drawOffThread } from '$lib/server/exercises/grade-pool';
import { busyResponse } from '$lib/server/workers/pool';
import * as play from '$lib/server/play/drawings';
import type { RequestHandler } from './$types';

/**
 * Saves the pupil's own drawing: { name, workspace }. The workspace is screened as an exercise's is
 * (and may hold only the canvas's blocks); the server runs it in a grading worker and keeps the strokes
 * it draws. Anything refused is a 400 `{ refused }`, and nothing is changed.
 */
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'student');
	const db = database();
	const id = idParam(event.params.id);
	const opened = await play.openForPupil(db, user.id, id);
	if (!opened?.mine) notFound();
	let body: { name?: unknown; workspace?: unknown };
	try {
		body = await event.request.json();
	} catch {
		return json({ refused: 'malformed' }, { status: 400 });
	}
	const name = cleanDrawingName(body.name);
	if (!name) return json({ refused: 'name' }, { status: 400 });
	const text = typeof body.workspace === 'string' ? body.workspace : '';
	let drawn;
	try {
		drawn = await drawOffThread(text, await play.toolboxFor(db, user.id));
	} catch (e) {
		return busyResponse(e);
	}
	if (!drawn.ok) return json({ refused: drawn.problem, detail: drawn.detail }, { status: 400 });
	await play.saveDrawing(db, user.id, id, { name, workspace: text, segments: drawn.segments });
	return json({ saved: true, strokes: drawn.segments.length, ended: drawn.ended });
};
