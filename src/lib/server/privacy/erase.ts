// Erasing a pupil (a family's request, or the retention period): the person goes, the anonymous facts
// the department's figures rest on stay. columns.ts says what happens to each column naming the pupil:
// - the users row stays (its id is what the attempts, team memberships and rollups count) with a neutral
//   name, no username, no password, disabled; the profile loses birth date, ethnicity and secret
//   (gender stays: the figures are broken down by it, and alone it names nobody);
// - saved work, free-play drawings, reflections, photos and files (rows and files on disk), sessions and sign-in failures go;
// - attempts stay without their program; survey responses stay as scale scores, without the answers;
// - open enrolments end today; consents are withdrawn and the team's showcase entry with them;
// - the team's shared portfolio entries stay, shown under the neutral name.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Conn, DB } from '../db';
import { record, type Actor } from '../audit/log';
import { today } from '../classes/pupils';
import { uploadsRoot } from '../portfolios/photos';

/** The name an erased pupil shows under, in every list that still counts them. */
export const ERASED_NAME = 'Học sinh đã xoá';

export class NotAllowed extends Error {}

export interface ErasureCounts {
	photos: number;
	files: number;
	reflections: number;
	savedWork: number;
	drawings: number;
	sessions: number;
	surveyAnswers: number;
	attemptsCleared: number;
	enrolmentsEnded: number;
	consentsWithdrawn: number;
	showcaseWithdrawn: number;
}

export type ErasureResult =
	| { erased: true; counts: ErasureCounts; stored: { photos: string[]; files: string[] } }
	| { erased: false; reason: 'not_found' | 'already_erased' };

const n = (r: { numDeletedRows?: bigint; numUpdatedRows?: bigint }) =>
	Number(r.numDeletedRows ?? r.numUpdatedRows ?? 0);

async function deleteContent(tx: Conn, pupilId: number) {
	const photos = await tx
		.selectFrom('portfolio_photos')
		.select('stored_name')
		.where('author_id', '=', pupilId)
		.execute();
	const files = await tx
		.selectFrom('portfolio_files')
		.select('stored_name')
		.where('author_id', '=', pupilId)
		.execute();
	await tx.deleteFrom('portfolio_photos').where('author_id', '=', pupilId).execute();
	await tx.deleteFrom('portfolio_files').where('author_id', '=', pupilId).execute();
	const responses = tx
		.selectFrom('survey_responses')
		.select('id')
		.where('respondent_id', '=', pupilId);
	return {
		stored: { photos: photos.map((p) => p.stored_name), files: files.map((f) => f.stored_name) },
		reflections: n(
			await tx.deleteFrom('reflections').where('pupil_id', '=', pupilId).executeTakeFirst()
		),
		savedWork: n(
			await tx.deleteFrom('exercise_work').where('pupil_id', '=', pupilId).executeTakeFirst()
		),
		drawings: n(
			await tx.deleteFrom('play_drawings').where('pupil_id', '=', pupilId).executeTakeFirst()
		),
		sessions: n(await tx.deleteFrom('sessions').where('user_id', '=', pupilId).executeTakeFirst()),
		surveyAnswers: n(
			await tx.deleteFrom('survey_answers').where('response_id', 'in', responses).executeTakeFirst()
		)
	};
}

async function withdrawShowcase(tx: Conn, actor: Actor, pupilId: number, now: number) {
	const teams = tx.selectFrom('team_members').select('team_id').where('pupil_id', '=', pupilId);
	const showcase = await tx
		.deleteFrom('showcase_entries')
		.where('team_id', 'in', teams)
		.executeTakeFirst();
	const consents = await tx
		.updateTable('showcase_consents')
		.set({ withdrawn_by: actor.id, withdrawn_at: now })
		.where('pupil_id', '=', pupilId)
		.where('withdrawn_at', 'is', null)
		.executeTakeFirst();
	return { showcaseWithdrawn: n(showcase), consentsWithdrawn: n(consents) };
}

async function clearIdentity(tx: Conn, pupilId: number, now: number) {
	await tx
		.updateTable('users')
		.set((eb) => ({
			full_name: ERASED_NAME,
			username: null,
			password_hash: null,
			must_change_password: 0,
			disabled_at: eb.fn.coalesce('disabled_at', eb.val(now)),
			erased_at: now
		}))
		.where('id', '=', pupilId)
		.execute();
	// Gender stays (the figures by gender stay equal); clearing ethnicity moves the pupil to "not
	// given" in the breakdowns by ethnicity, whose totals stay equal (a trigger recomputes the teams').
	await tx
		.updateTable('pupil_profiles')
		.set({ birth_date: null, ethnicity: null, pupil_code: null, secret: '' })
		.where('user_id', '=', pupilId)
		.execute();
	await tx
		.updateTable('survey_responses')
		.set({ ethnicity: '' })
		.where('respondent_id', '=', pupilId)
		.execute();
	await tx.deleteFrom('login_failures').where('key', '=', `pupil:${pupilId}`).execute();
	const attempts = await tx
		.updateTable('exercise_attempts')
		.set({ workspace: '{}', verdict: '{}' })
		.where('pupil_id', '=', pupilId)
		.executeTakeFirst();
	const enrolments = await tx
		.updateTable('enrolments')
		.set({ ended_on: today(now) })
		.where('pupil_id', '=', pupilId)
		.where('ended_on', 'is', null)
		.executeTakeFirst();
	return { attemptsCleared: n(attempts), enrolmentsEnded: n(enrolments) };
}

/**
 * Erases the pupil's rows inside the caller's transaction and records 'pupil.erased' (ids and counts
 * only). Returns the photos and files to remove from disk once the transaction has committed.
 * An erased pupil is left as it is (erasing twice changes nothing).
 */
export async function eraseRows(
	tx: Conn,
	actor: Actor,
	pupilId: number,
	now = Date.now(),
	reason: 'request' | 'retention' = 'request'
): Promise<ErasureResult> {
	if (actor.role !== 'admin' && actor.role !== 'system') throw new NotAllowed(actor.role);
	const pupil = await tx
		.selectFrom('users')
		.select(['id', 'school_id', 'erased_at'])
		.where('id', '=', pupilId)
		.where('role', '=', 'student')
		.executeTakeFirst();
	if (!pupil) return { erased: false, reason: 'not_found' };
	if (pupil.erased_at !== null) return { erased: false, reason: 'already_erased' };
	const { stored, ...deleted } = await deleteContent(tx, pupilId);
	const withdrawn = await withdrawShowcase(tx, actor, pupilId, now);
	const cleared = await clearIdentity(tx, pupilId, now);
	const counts: ErasureCounts = {
		photos: stored.photos.length,
		files: stored.files.length,
		...deleted,
		...withdrawn,
		...cleared
	};
	await record(
		tx,
		actor,
		{
			action: 'pupil.erased',
			target: { type: 'user', id: pupilId },
			schoolId: pupil.school_id,
			detail: { reason, ...counts }
		},
		now
	);
	return { erased: true, counts, stored };
}

/** Removes erased photos and files from disk (a file already gone is no error). */
export async function removeStored(stored: { photos: string[]; files: string[] }): Promise<void> {
	const root = uploadsRoot();
	const hex = /^[0-9a-f]{32}$/;
	for (const s of stored.photos.filter((x) => hex.test(x))) {
		await rm(join(root, 'photos', `${s}.webp`), { force: true });
		await rm(join(root, 'photos', `${s}.thumb.webp`), { force: true });
	}
	for (const s of stored.files.filter((x) => hex.test(x)))
		await rm(join(root, 'files', s), { force: true });
}

/** Erases one pupil in a transaction of its own, then their photos and files on disk. */
export async function erasePupil(
	db: DB,
	actor: Actor,
	pupilId: number,
	now = Date.now(),
	reason: 'request' | 'retention' = 'request'
): Promise<ErasureResult> {
	const result = await db.transaction().execute((tx) => eraseRows(tx, actor, pupilId, now, reason));
	if (result.erased) await removeStored(result.stored);
	return result;
}
