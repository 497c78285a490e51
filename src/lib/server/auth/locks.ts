// What a class's teacher sees of pupils' sign-in locks, and how they lift one.
import type { Conn } from '../db';
import { record, type Actor } from '../audit/log';

export interface PupilLock {
	pupilId: number;
	/** When the pupil may try again, or null when the current lock is over. */
	lockedUntil: number | null;
	/** Locks since the pupil's last successful sign-in: the next wrong try locks for longer. */
	locks: number;
}

/** Pupils of the class who are locked now or have been locked since their last sign-in. */
export async function classLocks(db: Conn, classId: number, now = Date.now()) {
	const pupils = await db
		.selectFrom('enrolments')
		.select('pupil_id')
		.where('class_id', '=', classId)
		.where('ended_on', 'is', null)
		.execute();
	const keys = pupils.map((p) => `pupil:${p.pupil_id}`);
	const rows = keys.length
		? await db
				.selectFrom('login_failures')
				.select(['key', 'locked_until', 'locks'])
				.where('key', 'in', keys)
				.where((eb) => eb.or([eb('locks', '>', 0), eb('locked_until', '>', now)]))
				.execute()
		: [];
	const address = await db
		.selectFrom('login_failures')
		.select('locked_until')
		.where('key', 'like', `pupil-ip:${classId}:%`)
		.where('locked_until', '>', now)
		.orderBy('locked_until', 'desc')
		.executeTakeFirst();
	const pupilLocks: PupilLock[] = rows.map((r) => ({
		pupilId: Number(r.key.slice('pupil:'.length)),
		lockedUntil: r.locked_until && r.locked_until > now ? r.locked_until : null,
		locks: r.locks
	}));
	return { pupils: pupilLocks, addressLockedUntil: address?.locked_until ?? null };
}

/** Lifts a pupil's lock and resets its escalation; the caller has checked the pupil is in the class. */
export async function liftPupilLock(
	db: Conn,
	actor: Actor,
	cls: { id: number; schoolId: number },
	pupilId: number
) {
	await db.deleteFrom('login_failures').where('key', '=', `pupil:${pupilId}`).execute();
	await record(db, actor, {
		action: 'pupil.lock_lifted',
		target: { type: 'user', id: pupilId },
		schoolId: cls.schoolId,
		detail: { classId: cls.id }
	});
}

/** Lifts the locks of every address on the class's sign-in page. */
export async function liftClassAddressLocks(
	db: Conn,
	actor: Actor,
	cls: { id: number; schoolId: number }
) {
	await db.deleteFrom('login_failures').where('key', 'like', `pupil-ip:${cls.id}:%`).execute();
	await record(db, actor, {
		action: 'pupil.lock_lifted',
		target: { type: 'class', id: cls.id },
		schoolId: cls.schoolId,
		detail: { addresses: true }
	});
}
