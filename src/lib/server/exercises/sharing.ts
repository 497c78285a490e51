// A school's exercise reaches every school once the department accepts it (as lessons are
// published): its author asks, the department accepts or returns it with a comment.
import type { Conn } from '../db';
import { record, type Actor } from '../audit/log';
import { editableBy, type Exercise } from './exercises';
import { renderTask } from './pupil';

export type ShareError =
	'not_author' | 'not_published' | 'already' | 'not_requested' | 'comment_required';

/** The author asks for their published exercise to be shared with every school. */
export async function requestSharing(
	db: Conn,
	user: { id: number; schoolId: number },
	ex: Exercise,
	now = Date.now()
): Promise<{ ok: true } | { ok: false; error: ShareError }> {
	if (!editableBy(ex, user)) return { ok: false, error: 'not_author' };
	if (ex.status !== 'published') return { ok: false, error: 'not_published' };
	if (ex.sharedAt !== null || ex.shareRequestedAt !== null) return { ok: false, error: 'already' };
	await db
		.updateTable('exercises')
		.set({ share_requested_at: now, share_comment: null })
		.where('id', '=', ex.id)
		.execute();
	return { ok: true };
}

/** The exercises waiting for the department's decision, oldest request first. */
export async function shareRequests(db: Conn) {
	const rows = await db
		.selectFrom('exercises')
		.leftJoin('users', 'users.id', 'exercises.author_id')
		.leftJoin('schools', 'schools.id', 'exercises.school_id')
		.select([
			'exercises.id',
			'exercises.title',
			'exercises.grade',
			'exercises.kind',
			'exercises.concept',
			'exercises.spec',
			'exercises.share_requested_at',
			'users.full_name as author',
			'schools.name as school'
		])
		.where('exercises.share_requested_at', 'is not', null)
		.where('exercises.shared_at', 'is', null)
		.where('exercises.status', '=', 'published')
		.orderBy('exercises.share_requested_at')
		.execute();
	return rows.map(({ spec, share_requested_at, ...r }) => ({
		...r,
		requestedAt: share_requested_at!,
		taskHtml: renderTask((JSON.parse(spec) as { task?: string }).task ?? '')
	}));
}

/** The department accepts a request (every school sees the exercise) or returns it with a comment. */
export async function decideSharing(
	db: Conn,
	actor: Actor,
	exerciseId: number,
	decision: 'accept' | 'return',
	comment: string,
	now = Date.now()
): Promise<{ ok: true } | { ok: false; error: ShareError }> {
	if (!Number.isSafeInteger(exerciseId)) return { ok: false, error: 'not_requested' };
	const ex = await db
		.selectFrom('exercises')
		.select(['id', 'school_id'])
		.where('id', '=', exerciseId)
		.where('share_requested_at', 'is not', null)
		.where('shared_at', 'is', null)
		.where('status', '=', 'published')
		.executeTakeFirst();
	if (!ex) return { ok: false, error: 'not_requested' };
	const text = comment.normalize('NFC').trim().slice(0, 2000);
	if (decision === 'return' && !text) return { ok: false, error: 'comment_required' };
	await db
		.updateTable('exercises')
		.set(
			decision === 'accept'
				? { shared_at: now, share_comment: text || null }
				: { share_requested_at: null, share_comment: text }
		)
		.where('id', '=', ex.id)
		.execute();
	await record(
		db,
		actor,
		{
			action: decision === 'accept' ? 'exercise.shared' : 'exercise.share_returned',
			target: { type: 'exercise', id: ex.id },
			schoolId: ex.school_id
		},
		now
	);
	return { ok: true };
}
