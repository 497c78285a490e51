// Failed sign-ins are counted in the database (they must survive a restart and be shared by
// every request), per key: 'user:<username>', 'ip:<address>' or 'pupil:<id>'.
import type { Conn } from '../db';

export interface Policy {
	/** Failures allowed within the window before the key is locked. */
	maxFailures: number;
	windowMs: number;
	lockMs: number;
}

const MINUTE = 60_000;
export const STAFF_ACCOUNT: Policy = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
// A school's classrooms often share one address, so the per-address limit is looser.
export const ADDRESS: Policy = { maxFailures: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
export const PUPIL: Policy = { maxFailures: 6, windowMs: 10 * MINUTE, lockMs: 5 * MINUTE };
/**
 * Pupils' sign-ins from one address into one class (a school's pupils share one public address):
 * a class of 35 each making 3 wrong tries (105) is never locked; one device sweeping a class is.
 */
export const PUPIL_ADDRESS: Policy = {
	maxFailures: 150,
	windowMs: 60 * MINUTE,
	lockMs: 60 * MINUTE
};

const DAY = 24 * 60 * MINUTE;
/** The longest a pupil's escalating lock lasts; the class's teacher can lift it at any time. */
export const PUPIL_MAX_LOCK_MS = 30 * DAY;

/**
 * The n-th lock of a pupil since their last successful sign-in (n >= 1): 5 minutes, then four times
 * longer each time (20 min, 80 min, 5 h 20, 21 h, 3.6 days, 14 days), at most 30 days.
 */
export function pupilLockMs(n: number): number {
	return Math.min(PUPIL.lockMs * 4 ** Math.max(0, n - 1), PUPIL_MAX_LOCK_MS);
}

/** When the key may try again, or null when it is not locked. */
export async function lockedUntil(db: Conn, key: string, now = Date.now()): Promise<number | null> {
	const row = await db
		.selectFrom('login_failures')
		.select('locked_until')
		.where('key', '=', key)
		.executeTakeFirst();
	return row?.locked_until && row.locked_until > now ? row.locked_until : null;
}

/** The latest lock among several keys (an account and an address), or null. */
export async function lockedUntilAny(
	db: Conn,
	keys: string[],
	now = Date.now()
): Promise<number | null> {
	let latest: number | null = null;
	for (const key of keys) {
		const until = await lockedUntil(db, key, now);
		if (until && (!latest || until > latest)) latest = until;
	}
	return latest;
}

/** Counts a failure; returns when the key is now locked until, or null. */
export async function recordFailure(
	db: Conn,
	key: string,
	policy: Policy,
	now = Date.now()
): Promise<number | null> {
	const row = await db
		.selectFrom('login_failures')
		.selectAll()
		.where('key', '=', key)
		.executeTakeFirst();
	const fresh =
		!row ||
		now - row.window_start > policy.windowMs ||
		(row.locked_until !== null && row.locked_until <= now);
	const failures = fresh ? 1 : row!.failures + 1;
	const windowStart = fresh ? now : row!.window_start;
	const locked = failures >= policy.maxFailures ? now + policy.lockMs : null;
	await db
		.insertInto('login_failures')
		.values({ key, failures, window_start: windowStart, locked_until: locked })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({ failures, window_start: windowStart, locked_until: locked })
		)
		.execute();
	return locked;
}

/**
 * A pupil's failure. The first lock comes after PUPIL.maxFailures wrong tries; once locked, every
 * further wrong try (until a success or a teacher lifts the lock) locks again, each lock longer.
 */
export async function recordPupilFailure(
	db: Conn,
	key: string,
	now = Date.now()
): Promise<number | null> {
	const row = await db
		.selectFrom('login_failures')
		.selectAll()
		.where('key', '=', key)
		.executeTakeFirst();
	const locks = row?.locks ?? 0;
	let failures: number;
	let windowStart: number;
	if (locks > 0) {
		failures = PUPIL.maxFailures;
		windowStart = row!.window_start;
	} else {
		const fresh = !row || now - row.window_start > PUPIL.windowMs;
		failures = fresh ? 1 : row!.failures + 1;
		windowStart = fresh ? now : row!.window_start;
	}
	const nextLocks = failures >= PUPIL.maxFailures ? locks + 1 : locks;
	const locked = nextLocks > locks ? now + pupilLockMs(nextLocks) : null;
	await db
		.insertInto('login_failures')
		.values({ key, failures, window_start: windowStart, locked_until: locked, locks: nextLocks })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({
				failures,
				window_start: windowStart,
				locked_until: locked,
				locks: nextLocks
			})
		)
		.execute();
	return locked;
}

export async function clearFailures(db: Conn, key: string): Promise<void> {
	await db.deleteFrom('login_failures').where('key', '=', key).execute();
}
