import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { idParam, requireRole } from '$lib/server/auth/guard';
import * as attempts from '$lib/server/exercises/attempts';
import { gradeOffThread } from '$lib/server/exercises/grade-pool';
import { busyResponse } from '$lib/server/workers/pool';
import { pupilClass, requirePupilExercise } from '$lib/server/exercises/pupil';
import * as work from '$lib/server/exercises/work';
import type { RequestHandler } from './$types';

/**
 * A submission: only the workspace, the time spent, and for one queued on the device its key and when it
 * was made are read. The server grades it itself; any "passed" or "stars" the browser sends is ignored.
 * The same key sent twice is recorded once and answered with the first verdict. Grading runs in a
 * worker thread; when the pool is full the answer is 503 with Retry-After and the page sends it again.
 */
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'student');
	const db = database();
	const ex = await requirePupilExercise(db, user, idParam(event.params.id));
	let body: { workspace?: unknown; timeSpentMs?: unknown; key?: unknown; madeAt?: unknown };
	try {
		body = await event.request.json();
	} catch {
		return json({ refused: 'malformed' }, { status: 400 });
	}
	const text = typeof body.workspace === 'string' ? body.workspace : '';
	// A resend of a submission already recorded is answered with its first verdict, not graded again.
	const key = attempts.validClientKey(body.key);
	const earlier = key ? await attempts.attemptByKey(db, user.id, key) : undefined;
	if (earlier) return json(answerOf(earlier));
	const saved = await work.getWork(db, ex.id, user.id);
	let graded;
	try {
		graded = await gradeOffThread(ex.kind, ex.spec, text, saved?.hintsUsed ?? 0);
	} catch (e) {
		return busyResponse(e);
	}
	if (!graded.ok) return json({ refused: graded.problem, detail: graded.detail }, { status: 400 });
	const cls = await pupilClass(db, user.id);
	const recorded = await attempts.recordAttemptOnce(
		db,
		{
			exerciseId: ex.id,
			pupilId: user.id,
			classId: cls?.id ?? null,
			verdict: graded.verdict,
			stars: graded.stars,
			blocks: graded.blocks,
			hintsUsed: saved?.hintsUsed ?? 0,
			timeSpentMs: Number(body.timeSpentMs) || 0,
			workspace: text
		},
		key,
		attempts.submittedAt(body.madeAt)
	);
	return json(answerOf(recorded));
};

/** The answer to a submission, the same for its first sending and any resend. */
function answerOf(a: attempts.Recorded) {
	const { id, verdict, stars, blocks, duplicate } = a;
	return { attemptId: id, verdict, stars, blocks, duplicate };
}
