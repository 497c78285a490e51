// Graded attempts: the server's verdict with the workspace it graded, read by teachers and the dashboards.
import type { Conn } from '../db';
import { inGroupCommit } from '../db/group-commit';
import type { Verdict } from '$lib/blockly/verdict';

export const MAX_TIME_SPENT_MS = 4 * 60 * 60 * 1000;

export async function recordAttempt(
	db: Conn,
	a: {
		exerciseId: number;
		pupilId: number;
		classId: number | null;
		verdict: Verdict;
		stars: number;
		blocks: number;
		hintsUsed: number;
		timeSpentMs: number;
		workspace: string;
	},
	now = Date.now(),
	clientKey: string | null = null
): Promise<number> {
	const row = await db
		.insertInto('exercise_attempts')
		.values({
			exercise_id: a.exerciseId,
			pupil_id: a.pupilId,
			class_id: a.classId,
			passed: a.verdict.passed ? 1 : 0,
			stars: a.stars,
			hints_used: a.hintsUsed,
			time_spent_ms: Math.max(0, Math.min(MAX_TIME_SPENT_MS, Math.round(a.timeSpentMs) || 0)),
			workspace: a.workspace,
			verdict: JSON.stringify(a.verdict),
			block_count: a.blocks,
			created_at: now,
			...(clientKey ? { client_key: clientKey } : {})
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** A submission's key made on the pupil's device: letters, digits and dashes, 8–64 long. */
export function validClientKey(key: unknown): string | null {
	return typeof key === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(key) ? key : null;
}

/** How far back a queued submission's time on the device is believed (a tablet offline for a week). */
export const MAX_QUEUED_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** When a submission was made: the device's time if plausible (not in the future, not too old), else now. */
export function submittedAt(madeAt: unknown, now = Date.now()): number {
	const t = Number(madeAt);
	if (!Number.isSafeInteger(t) || t > now || t < now - MAX_QUEUED_AGE_MS) return now;
	return t;
}

export type Recorded = {
	id: number;
	duplicate: boolean;
	stars: number;
	blocks: number;
	verdict: Verdict;
};

/**
 * Records an attempt once per device key: a resend of the same queued submission (its reply lost on a
 * cut link) gets the first attempt back, not a second one. Without a key it is an ordinary attempt.
 * Submissions graded together are committed together (db/group-commit.ts).
 */
export function recordAttemptOnce(
	db: Conn,
	a: Parameters<typeof recordAttempt>[1],
	clientKey: string | null,
	now = Date.now()
): Promise<Recorded> {
	return inGroupCommit(db, (tx) => recordOnce(tx, a, clientKey, now));
}

async function recordOnce(
	db: Conn,
	a: Parameters<typeof recordAttempt>[1],
	clientKey: string | null,
	now: number
): Promise<Recorded> {
	if (clientKey) {
		const same = await attemptByKey(db, a.pupilId, clientKey);
		if (same) return same;
	}
	try {
		const id = await recordAttempt(db, a, now, clientKey);
		return { id, duplicate: false, stars: a.stars, blocks: a.blocks, verdict: a.verdict };
	} catch (e) {
		// Two copies racing: the unique index lets one in; the other answers with its attempt.
		const same = clientKey ? await attemptByKey(db, a.pupilId, clientKey) : undefined;
		if (same) return same;
		throw e;
	}
}

/** The attempt a device's key already recorded for the pupil, if any (a resend is answered with it). */
export async function attemptByKey(
	db: Conn,
	pupilId: number,
	key: string
): Promise<Recorded | undefined> {
	const row = await db
		.selectFrom('exercise_attempts')
		.select(['id', 'stars', 'block_count', 'verdict'])
		.where('pupil_id', '=', pupilId)
		.where('client_key', '=', key)
		.executeTakeFirst();
	return (
		row && {
			id: row.id,
			duplicate: true,
			stars: row.stars,
			blocks: row.block_count,
			verdict: JSON.parse(row.verdict)
		}
	);
}

export async function listPupilAttempts(db: Conn, exerciseId: number, pupilId: number) {
	const rows = await db
		.selectFrom('exercise_attempts')
		.select([
			'id',
			'passed',
			'stars',
			'hints_used',
			'time_spent_ms',
			'block_count',
			'verdict',
			'created_at'
		])
		.where('exercise_id', '=', exerciseId)
		.where('pupil_id', '=', pupilId)
		.orderBy('id', 'desc')
		.execute();
	return rows.map((r) => ({
		...r,
		passed: r.passed === 1,
		verdict: JSON.parse(r.verdict) as Verdict
	}));
}

/** The best stars a pupil has earned on an exercise (0 if never tried). */
export async function bestStars(db: Conn, exerciseId: number, pupilId: number): Promise<number> {
	const row = await db
		.selectFrom('exercise_attempts')
		.select((eb) => eb.fn.max('stars').as('best'))
		.where('exercise_id', '=', exerciseId)
		.where('pupil_id', '=', pupilId)
		.executeTakeFirst();
	return Number(row?.best ?? 0);
}

/** The best stars a pupil has earned on each exercise they tried (exercise id → stars). */
export async function bestStarsByExercise(db: Conn, pupilId: number): Promise<Map<number, number>> {
	const rows = await db
		.selectFrom('exercise_attempts')
		.select(['exercise_id', (eb) => eb.fn.max('stars').as('stars')])
		.where('pupil_id', '=', pupilId)
		.groupBy('exercise_id')
		.execute();
	return new Map(rows.map((r) => [r.exercise_id, Number(r.stars)]));
}

/** Which of these exercises the pupil has passed at least once. */
export async function passedAmong(
	db: Conn,
	pupilId: number,
	exerciseIds: number[]
): Promise<Set<number>> {
	if (!exerciseIds.length) return new Set();
	const rows = await db
		.selectFrom('exercise_attempts')
		.select('exercise_id')
		.distinct()
		.where('pupil_id', '=', pupilId)
		.where('passed', '=', 1)
		.where('exercise_id', 'in', exerciseIds)
		.execute();
	return new Set(rows.map((r) => r.exercise_id));
}

/** Attempts of a class on an exercise, for its teacher. */
export async function listClassAttempts(db: Conn, exerciseId: number, classId: number) {
	return db
		.selectFrom('exercise_attempts')
		.innerJoin('users', 'users.id', 'exercise_attempts.pupil_id')
		.select([
			'exercise_attempts.id',
			'users.full_name',
			'exercise_attempts.pupil_id',
			'exercise_attempts.passed',
			'exercise_attempts.stars',
			'exercise_attempts.hints_used',
			'exercise_attempts.created_at'
		])
		.where('exercise_attempts.exercise_id', '=', exerciseId)
		.where('exercise_attempts.class_id', '=', classId)
		.orderBy('exercise_attempts.id', 'desc')
		.limit(200)
		.execute();
}

export async function getAttempt(db: Conn, id: number) {
	return db
		.selectFrom('exercise_attempts')
		.innerJoin('users', 'users.id', 'exercise_attempts.pupil_id')
		.select([
			'exercise_attempts.id',
			'exercise_attempts.exercise_id',
			'exercise_attempts.pupil_id',
			'exercise_attempts.class_id',
			'exercise_attempts.passed',
			'exercise_attempts.stars',
			'exercise_attempts.workspace',
			'exercise_attempts.verdict',
			'exercise_attempts.created_at',
			'users.full_name'
		])
		.where('exercise_attempts.id', '=', id)
		.executeTakeFirst();
}
