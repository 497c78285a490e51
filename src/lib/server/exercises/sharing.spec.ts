import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { makeSchool } from '../projects/testing';
import { actorFor } from '../audit/log';
import {
	createExercise,
	getExercise,
	listForPupil,
	listLibrary,
	updateExercise,
	visibleToTeacher
} from './exercises';
import { decideSharing, requestSharing, shareRequests } from './sharing';
import { requirePupilExercise, requirePupilMayOpen } from './pupil';
import { listAssignableExercises } from '../assignments/assignments';

describe('sharing a school’s exercise with every school', () => {
	it('is the school’s at once, and reaches other schools only once the department accepts it', async () => {
		const { db } = openTestDatabase();
		const a = await makeSchool(db, 0);
		const b = await makeSchool(db, 0);
		const author = { id: a.teacherId, schoolId: a.schoolId };
		const other = { id: b.teacherId, schoolId: b.schoolId };
		const id = await createExercise(db, {
			title: 'Đếm quả na',
			kind: 'io',
			grade: 6,
			concept: 'loops',
			spec: { task: 'Đếm **na**', toolbox: [], start: null, ideal: 3, hints: [], reference: null },
			authorId: a.teacherId,
			schoolId: a.schoolId,
			status: 'draft'
		});
		const reach = async () => ({
			teacher: visibleToTeacher((await getExercise(db, id))!, other),
			library: (await listLibrary(db, other, { page: 1 })).rows.some((r) => r.id === id),
			pupils: (await listForPupil(db, 6, b.schoolId)).some((r) => r.id === id),
			assign: (await listAssignableExercises(db, b.schoolId)).some((r) => r.id === id)
		});
		const none = { teacher: false, library: false, pupils: false, assign: false };
		expect(await requestSharing(db, author, (await getExercise(db, id))!)).toEqual({
			ok: false,
			error: 'not_published'
		});
		await db.updateTable('exercises').set({ status: 'published' }).where('id', '=', id).execute();
		await expect(
			requirePupilExercise(db, { id: 1, schoolId: b.schoolId }, id)
		).rejects.toMatchObject({
			status: 404
		});
		// Its own school has it at once; another school does not.
		expect((await listForPupil(db, 6, a.schoolId)).some((r) => r.id === id)).toBe(true);
		expect(await reach()).toEqual(none);
		expect(await requestSharing(db, other, (await getExercise(db, id))!)).toEqual({
			ok: false,
			error: 'not_author'
		});
		expect(await requestSharing(db, author, (await getExercise(db, id))!)).toEqual({ ok: true });
		expect(await reach()).toEqual(none);
		const officer = actorFor(999, 'department');
		const [waiting] = await shareRequests(db);
		expect(waiting).toMatchObject({ id, title: 'Đếm quả na' });
		expect(waiting.taskHtml).toContain('<strong>na</strong>');

		// Returned: a comment is needed, and the author reads it; asked again, then accepted.
		expect(await decideSharing(db, officer, id, 'return', ' ')).toEqual({
			ok: false,
			error: 'comment_required'
		});
		expect(await decideSharing(db, officer, id, 'return', 'Thêm gợi ý.')).toEqual({ ok: true });
		expect((await getExercise(db, id))!.shareComment).toBe('Thêm gợi ý.');
		expect(await reach()).toEqual(none);
		await requestSharing(db, author, (await getExercise(db, id))!);
		expect(await decideSharing(db, officer, id, 'accept', '')).toEqual({ ok: true });
		expect(await reach()).toEqual({ teacher: true, library: true, pupils: true, assign: true });
		// A pupil of the other school opens it, and autosaves in it.
		expect((await requirePupilExercise(db, { id: 1, schoolId: b.schoolId }, id)).id).toBe(id);
		expect(await requirePupilMayOpen(db, { schoolId: b.schoolId }, id)).toBe(id);
		expect(await decideSharing(db, officer, id, 'accept', '')).toEqual({
			ok: false,
			error: 'not_requested'
		});
		// New content leaves the other schools until the department accepts it again.
		const ex = (await getExercise(db, id))!;
		await updateExercise(db, id, { ...ex, spec: { ...ex.spec, task: 'Đếm **hồi**' } }, true);
		await db.updateTable('exercises').set({ status: 'published' }).where('id', '=', id).execute();
		expect(await reach()).toEqual(none);
		const actions = await db.selectFrom('audit_log').select('action').orderBy('id').execute();
		expect(actions.map((x) => x.action)).toEqual(['exercise.share_returned', 'exercise.shared']);
	});
});
