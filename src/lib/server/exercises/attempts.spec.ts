import { beforeAll, describe, expect, test } from 'vitest';
import { emptySpec } from '$lib/blockly/spec';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import { bestStarsByExercise, passedAmong, recordAttempt } from './attempts';
import { createExercise } from './exercises';

describe("a pupil's attempts, as their pages show them", () => {
	let db: DB;
	let pupil: number;
	let other: number;
	const ex: number[] = [];

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
		const user = async () =>
			(
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
		pupil = await user();
		other = await user();
		for (const title of ['A', 'B', 'C'])
			ex.push(
				await createExercise(db, {
					title,
					kind: 'maze',
					grade: 3,
					concept: 'sequence',
					spec: emptySpec('maze'),
					authorId: null,
					schoolId: null
				})
			);
		const attempt = (exerciseId: number, pupilId: number, passed: boolean, stars: number) =>
			recordAttempt(db, {
				exerciseId,
				pupilId,
				classId: null,
				verdict: { passed, code: passed ? 'ok' : 'maze_not_goal', params: {} },
				stars,
				blocks: 1,
				hintsUsed: 0,
				timeSpentMs: 1000,
				workspace: '{}'
			});
		await attempt(ex[0], pupil, false, 0);
		await attempt(ex[0], pupil, true, 2);
		await attempt(ex[0], pupil, true, 1);
		await attempt(ex[1], pupil, false, 0);
		await attempt(ex[2], other, true, 3); // another pupil's
	});

	test('the best stars per exercise tried, and only the pupil’s own', async () => {
		expect(await bestStarsByExercise(db, pupil)).toEqual(
			new Map([
				[ex[0], 2],
				[ex[1], 0]
			])
		);
		expect(await bestStarsByExercise(db, other)).toEqual(new Map([[ex[2], 3]]));
	});

	test('which of a list the pupil has passed at least once', async () => {
		expect(await passedAmong(db, pupil, ex)).toEqual(new Set([ex[0]]));
		expect(await passedAmong(db, other, [ex[0], ex[1]])).toEqual(new Set());
		expect(await passedAmong(db, pupil, [])).toEqual(new Set());
	});
});
