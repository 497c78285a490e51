// A teacher keeps a class's roster true: edits a pupil's details, or a pupil leaves the class (their
// work stays, and so do the figures that count it). Each change is in the audit trail, by field name
// only (never the values: they are a child's personal data).
import type { Conn, DB, Tx } from '../db';
import { isUniqueViolation } from '../db/dialect';
import { record, type Actor } from '../audit/log';
import { invalidateUserSessions } from '../auth/session';
import { duplicateKey, listRoster, today, type PupilError, type PupilInput } from './pupils';

type ClassRef = { id: number; schoolId: number };

/** Whether another pupil of the school already has this code. */
async function codeTaken(db: Conn, schoolId: number, code: string, pupilId: number) {
	const other = await db
		.selectFrom('pupil_profiles')
		.innerJoin('users', 'users.id', 'pupil_profiles.user_id')
		.select('users.id')
		.where('users.school_id', '=', schoolId)
		.where('pupil_profiles.pupil_code', '=', code)
		.where('users.id', '<>', pupilId)
		.executeTakeFirst();
	return other !== undefined;
}

/** The pupil codes the school's pupils have, each with its pupil. */
export async function schoolPupilCodes(db: Conn, schoolId: number): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('pupil_profiles')
		.innerJoin('users', 'users.id', 'pupil_profiles.user_id')
		.select(['pupil_profiles.pupil_code', 'users.id'])
		.where('users.school_id', '=', schoolId)
		.where('pupil_profiles.pupil_code', 'is not', null)
		.execute();
	return new Map(rows.map((r) => [r.pupil_code!, r.id]));
}

/**
 * Runs a change of pupils in a new transaction. The codes were checked before (checkPupilChange,
 * planRoster), but another save may have given a pupil of the school the same code since: the
 * database's unique index (0027) then refuses this one, nothing of it is kept, and the answer is
 * `codeTaken` (the page says so) instead of an error.
 */
export async function savingCodes<T>(
	db: DB,
	work: (tx: Tx) => Promise<T>
): Promise<{ ok: true; value: T } | { ok: false; codeTaken: true }> {
	try {
		return { ok: true, value: await db.transaction().execute(work) };
	} catch (e) {
		const columns = ['pupil_profiles.school_id', 'pupil_profiles.pupil_code'];
		if (isUniqueViolation(e, 'pupil_profiles_school_code', columns))
			return { ok: false, codeTaken: true };
		throw e;
	}
}

/** What is wrong with these details for this pupil of the class, beyond checkPupil's own rules. */
export async function checkPupilChange(
	db: Conn,
	cls: ClassRef,
	pupilId: number,
	value: PupilInput
): Promise<PupilError[]> {
	const errors: PupilError[] = [];
	const others = (await listRoster(db, cls.id)).filter((p) => p.id !== pupilId);
	if (others.some((p) => duplicateKey(p) === duplicateKey(value)))
		errors.push('duplicate_in_class');
	if (value.pupilCode && (await codeTaken(db, cls.schoolId, value.pupilCode, pupilId)))
		errors.push('code_taken');
	return errors;
}

/** Saves a pupil's checked details; returns the names of the fields that changed. */
export async function updatePupil(
	db: Conn,
	actor: Actor,
	cls: ClassRef,
	before: PupilInput & { id: number },
	value: PupilInput
): Promise<string[]> {
	const fields = (['fullName', 'gender', 'birthDate', 'ethnicity', 'pupilCode'] as const).filter(
		(f) => (before[f] ?? null) !== (value[f] ?? null)
	);
	if (!fields.length) return fields;
	await db
		.updateTable('users')
		.set({ full_name: value.fullName })
		.where('id', '=', before.id)
		.execute();
	await db
		.updateTable('pupil_profiles')
		.set({
			gender: value.gender,
			birth_date: value.birthDate,
			ethnicity: value.ethnicity,
			pupil_code: value.pupilCode ?? null
		})
		.where('user_id', '=', before.id)
		.execute();
	await record(db, actor, {
		action: 'pupil.updated',
		target: { type: 'user', id: before.id },
		schoolId: cls.schoolId,
		detail: { classId: cls.id, fields: fields.join(',') }
	});
	return fields;
}

/**
 * The pupil leaves the class today: their enrolment ends (they no longer sign in to it or appear on
 * its roster); attempts, work and portfolios stay, and the figures that count them do not change.
 */
export async function leaveClass(
	db: Conn,
	actor: Actor,
	cls: ClassRef,
	pupilId: number,
	now = Date.now()
): Promise<void> {
	await db
		.updateTable('enrolments')
		.set({ ended_on: today(now) })
		.where('pupil_id', '=', pupilId)
		.where('class_id', '=', cls.id)
		.where('ended_on', 'is', null)
		.execute();
	// Signed in on a tablet, the pupil would otherwise go on into the class's work.
	await invalidateUserSessions(db, pupilId);
	await record(
		db,
		actor,
		{
			action: 'pupil.left_class',
			target: { type: 'user', id: pupilId },
			schoolId: cls.schoolId,
			detail: { classId: cls.id }
		},
		now
	);
}
