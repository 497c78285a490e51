// A pupil's current work on an exercise, autosaved with a version: an older save never overwrites a newer one.
import type { Conn } from '../db';
import { compiledOnce } from '../db/compiled-once';
import { inGroupCommit } from '../db/group-commit';
import { parseWorkspace, type WorkspaceProblem } from '$lib/blockly/workspace';
import { requirePupilMayOpen } from './pupil';

export interface Work {
	version: number;
	workspace: string;
	hintsUsed: number;
	updatedAt: number;
}

export async function getWork(
	db: Conn,
	exerciseId: number,
	pupilId: number
): Promise<Work | undefined> {
	const row = await db
		.selectFrom('exercise_work')
		.select(['version', 'workspace', 'hints_used', 'updated_at'])
		.where('exercise_id', '=', exerciseId)
		.where('pupil_id', '=', pupilId)
		.executeTakeFirst();
	return (
		row && {
			version: row.version,
			workspace: row.workspace,
			hintsUsed: row.hints_used,
			updatedAt: row.updated_at
		}
	);
}

/**
 * Stores the workspace if its version is newer than the stored one, in one statement that returns
 * what the server now holds (so two saves racing cannot both win). Only a save older than the stored
 * one (rare: a second tab) reads the stored version afterwards. Saves arriving together are
 * committed together (db/group-commit.ts): one fsync for the group, each answered once it is durable.
 */
export function saveWork(
	db: Conn,
	exerciseId: number,
	pupilId: number,
	version: number,
	workspace: string,
	now = Date.now()
): Promise<{ saved: boolean; version: number }> {
	return inGroupCommit(db, (tx) => storeWork(tx, exerciseId, pupilId, version, workspace, now));
}

/** What a save stores: the exercise, the pupil, the version, the workspace and when. */
type Save = [exerciseId: number, pupilId: number, version: number, workspace: string, now: number];

/** The save's one statement (compiled once: the lab's most frequent write). */
const storeIfNewer = compiledOnce(
	(db: Conn, ...[exerciseId, pupilId, version, workspace, now]: Save) =>
		db
			.insertInto('exercise_work')
			.values({ exercise_id: exerciseId, pupil_id: pupilId, version, workspace, updated_at: now })
			.onConflict((oc) =>
				oc
					.columns(['exercise_id', 'pupil_id'])
					.doUpdateSet({ version, workspace, updated_at: now })
					.where('exercise_work.version', '<', version)
			)
			.returning('version')
);

async function storeWork(db: Conn, ...save: Save): Promise<{ saved: boolean; version: number }> {
	const [exerciseId, pupilId, version] = save;
	const [row] = await storeIfNewer(db, ...save);
	if (row) return { saved: true, version: row.version };
	const current = await db
		.selectFrom('exercise_work')
		.select('version')
		.where('exercise_id', '=', exerciseId)
		.where('pupil_id', '=', pupilId)
		.executeTakeFirst();
	return { saved: false, version: current?.version ?? version };
}

/** Each hint step a pupil opened (nudge, strategy, answer), once per step, with when. */
async function recordHintView(
	db: Conn,
	exerciseId: number,
	pupilId: number,
	step: number,
	now: number
) {
	if (step < 1) return;
	await db
		.insertInto('exercise_hint_views')
		.values({ exercise_id: exerciseId, pupil_id: pupilId, step, created_at: now })
		.onConflict((oc) => oc.doNothing())
		.execute();
}

/**
 * Reveals the next hint step (nudge → strategy → answer): counts it (the attempt records hints used,
 * and the stars rule takes them off), records the step, and returns how many are shown.
 */
export async function useHint(
	db: Conn,
	exerciseId: number,
	pupilId: number,
	available: number,
	now = Date.now()
): Promise<number> {
	const shown = await revealHint(db, exerciseId, pupilId, available, now);
	await recordHintView(db, exerciseId, pupilId, shown, now);
	return shown;
}

async function revealHint(
	db: Conn,
	exerciseId: number,
	pupilId: number,
	available: number,
	now: number
): Promise<number> {
	const work = await getWork(db, exerciseId, pupilId);
	if (!work) {
		await db
			.insertInto('exercise_work')
			.values({
				exercise_id: exerciseId,
				pupil_id: pupilId,
				version: 0,
				workspace: '',
				hints_used: Math.min(1, available),
				updated_at: now
			})
			.execute();
		return Math.min(1, available);
	}
	const next = Math.min(work.hintsUsed + 1, available);
	await db
		.updateTable('exercise_work')
		.set({ hints_used: next })
		.where('exercise_id', '=', exerciseId)
		.where('pupil_id', '=', pupilId)
		.execute();
	return next;
}

/** What an autosave answers: the version the server holds, or why the save was refused. */
export type AutosaveAnswer =
	| { status: 200; body: { saved: boolean; version: number } }
	| { status: 400; body: { refused: WorkspaceProblem; detail?: string } };

/**
 * A pupil's autosave as the browser sends it ({ version, workspace }; `body` is undefined when it was
 * not JSON): 404 (thrown) unless the pupil may open the exercise, 400 for a malformed save or a
 * workspace refused by parseWorkspace, else stored when newer (saveWork). Cheap: no exercise spec is
 * read. The route and the fast path (server/fast-autosave.ts) both answer with it.
 */
export async function autosave(
	db: Conn,
	pupil: { id: number; schoolId: number | null },
	exerciseId: number,
	body: unknown
): Promise<AutosaveAnswer> {
	await requirePupilMayOpen(db, pupil, exerciseId);
	const { version, workspace } = (body ?? {}) as { version?: unknown; workspace?: unknown };
	const v = Number(version);
	if (!Number.isSafeInteger(v) || v < 1) return { status: 400, body: { refused: 'malformed' } };
	const text = typeof workspace === 'string' ? workspace : '';
	const parsed = parseWorkspace(text);
	if (!parsed.ok)
		return {
			status: 400,
			body: { refused: parsed.problem, ...(parsed.detail ? { detail: parsed.detail } : {}) }
		};
	return { status: 200, body: await saveWork(db, exerciseId, pupil.id, v, text) };
}
