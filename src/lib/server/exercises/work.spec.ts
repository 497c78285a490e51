import { beforeAll, describe, expect, test } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import { createExercise } from './exercises';
import { emptySpec } from '$lib/blockly/spec';
import { getWork, saveWork, useHint } from './work';
import { requirePupilMayOpen } from './pupil';

describe('autosave', () => {
	let db: DB;
	let exerciseId: number;
	let pupilId: number;
	beforeAll(async () => {
		db = openTestDatabase().db;
		const school = await db
			.insertInto('schools')
			.values({
				name: 'T',
				commune: 'X',
				level: 'primary',
				pilot_since: '2024-09-05',
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		pupilId = (
			await db
				.insertInto('users')
				.values({
					role: 'student',
					school_id: school.id,
					username: null,
					full_name: 'Em',
					password_hash: null,
					disabled_at: null,
					created_at: 0
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		exerciseId = await createExercise(db, {
			title: 'E',
			kind: 'io',
			grade: 3,
			concept: 'sequence',
			spec: emptySpec('io'),
			authorId: null,
			schoolId: null
		});
	});

	test('a newer version replaces the work; a stale one does not', async () => {
		expect(await saveWork(db, exerciseId, pupilId, 1, 'one')).toEqual({ saved: true, version: 1 });
		expect(await saveWork(db, exerciseId, pupilId, 5, 'five')).toEqual({ saved: true, version: 5 });
		// The offline queue's older save arrives late: refused, the newer work stays.
		expect(await saveWork(db, exerciseId, pupilId, 3, 'three')).toEqual({
			saved: false,
			version: 5
		});
		expect(await saveWork(db, exerciseId, pupilId, 5, 'five again')).toEqual({
			saved: false,
			version: 5
		});
		expect((await getWork(db, exerciseId, pupilId))?.workspace).toBe('five');
	});

	test('hints are counted one at a time, never past the number available', async () => {
		expect(await useHint(db, exerciseId, pupilId, 2)).toBe(1);
		expect(await useHint(db, exerciseId, pupilId, 2)).toBe(2);
		expect(await useHint(db, exerciseId, pupilId, 2)).toBe(2);
		expect((await getWork(db, exerciseId, pupilId))?.workspace).toBe('five');
	});

	test('the autosave opens only what the pupil may open: published, shared or of their school', async () => {
		const input = {
			title: 'Shared',
			kind: 'io' as const,
			grade: 3,
			concept: 'sequence' as const,
			spec: emptySpec('io'),
			authorId: null,
			schoolId: null,
			status: 'published' as const
		};
		const shared = await createExercise(db, input);
		expect(await requirePupilMayOpen(db, { schoolId: -1 }, shared)).toBe(shared);
		const school2 = await db
			.insertInto('schools')
			.values({
				name: 'U',
				commune: 'X',
				level: 'primary',
				pilot_since: '2024-09-05',
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const other = await createExercise(db, { ...input, schoolId: school2.id });
		await expect(requirePupilMayOpen(db, { schoolId: -1 }, other)).rejects.toMatchObject({
			status: 404
		});
		// A draft (the suite's exercise) is not for pupils.
		await expect(requirePupilMayOpen(db, { schoolId: -1 }, exerciseId)).rejects.toMatchObject({
			status: 404
		});
		await expect(requirePupilMayOpen(db, { schoolId: -1 }, 123456)).rejects.toMatchObject({
			status: 404
		});
	});
});
