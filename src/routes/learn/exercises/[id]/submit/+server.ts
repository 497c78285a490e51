import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { idParam, requireRole } from '$lib/server/auth/guard';
import * as attempts from '$lib/server/exercises/attempts';
import { gradeWorkspaceText } from '$lib/server/exercises/grade';
import { pupilClass, requirePupilExercise } from '$lib/server/exercises/pupil';
import * as work from '$lib/server/exercises/work';
import type { RequestHandler } from './$types';

/**
 * A submission: only the workspace and the time spent are read. The server grades it itself; any
 * "passed" or "stars" the browser sends is ignored.
 */
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'student');
	const db = database();
	const ex = await requirePupilExercise(db, user, idParam(event.params.id));
	let body: { workspace?: unknown; timeSpentMs?: unknown };
	try {
		body = await event.request.json();
	} catch {
		return json({ refused: 'malformed' }, { status: 400 });
	}
	const text = typeof body.workspace === 'string' ? body.workspace : '';
	const saved = await work.getWork(db, ex.id, user.id);
	const graded = gradeWorkspaceText(ex.kind, ex.spec, text, saved?.hintsUsed ?? 0);
	if (!graded.ok) return json({ refused: graded.problem, detail: graded.detail }, { status: 400 });
	const cls = await pupilClass(db, user.id);
	const id = await attempts.recordAttempt(db, {
		exerciseId: ex.id,
		pupilId: user.id,
		classId: cls?.id ?? null,
		verdict: graded.verdict,
		stars: graded.stars,
		blocks: graded.blocks,
		hintsUsed: saved?.hintsUsed ?? 0,
		timeSpentMs: Number(body.timeSpentMs) || 0,
		workspace: text
	});
	return json({
		attemptId: id,
		verdict: graded.verdict,
		stars: graded.stars,
		blocks: graded.blocks
	});
};
