import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { seedAll } from '.';
import { syncBuiltinContent } from '../content/sync';
import { reach } from '../reports/reach';
import { mastery } from '../reports/mastery';
import { results } from '../reports/attitude';
import { gradeWorkspaceText } from '../exercises/grade';
import type { Kind } from '$lib/blockly/spec';

describe('the progress demo seed', () => {
	it('gives the dashboard attempts, lessons, plans and pre/post responses', async () => {
		const { db } = openTestDatabase();
		const now = Date.parse('2026-11-28T10:00:00Z');
		await seedAll(db, now);
		// The seed records what each built-in item became: the first start's content sync finds
		// nothing to do (and never recomputes a spec).
		const synced = await syncBuiltinContent(db, undefined, now);
		const none = { added: 0, updated: 0, kept: 0 };
		expect(synced).toMatchObject({ lessons: none, exercises: none });
		const year = await db
			.selectFrom('school_years')
			.selectAll()
			.where('is_current', '=', 1)
			.executeTakeFirstOrThrow();
		const scope = {
			yearId: year.id,
			yearStartsOn: year.starts_on,
			yearEndsOn: year.ends_on,
			period: 'year' as const
		};
		const [r] = await reach(db, scope, 'all', now);
		expect(r.pupils).toBe(540);
		expect(r.active).toBeGreaterThan(100);
		const [mAll] = await mastery(db, scope, 'all', now);
		expect(mAll.attempts).toBeGreaterThan(1000);
		// A replay shows the program behind each verdict: passes and failures regrade the same.
		const sample = await db
			.selectFrom('exercise_attempts')
			.innerJoin('exercises', 'exercises.id', 'exercise_attempts.exercise_id')
			.select([
				'exercise_attempts.passed',
				'exercise_attempts.workspace',
				'exercise_attempts.block_count',
				'exercises.kind',
				'exercises.spec'
			])
			.orderBy('exercise_attempts.id')
			.limit(60)
			.execute();
		expect(new Set(sample.map((a) => a.passed))).toEqual(new Set([0, 1]));
		for (const a of sample) {
			const g = gradeWorkspaceText(a.kind as Kind, JSON.parse(a.spec!), a.workspace);
			expect(g.ok && g.verdict.passed).toBe(a.passed === 1);
			expect(g.ok && g.blocks).toBe(a.block_count);
		}
		const form = await db
			.selectFrom('survey_forms')
			.select('id')
			.where('audience', '=', 'pupil_secondary')
			.executeTakeFirstOrThrow();
		const res = await results(db, form.id, scope, 'all');
		expect(res).toHaveLength(5);
		expect(res[0].change).toBeGreaterThan(0);
		const open = await db
			.selectFrom('survey_windows')
			.select('id')
			.where('opens_on', '<=', '2026-11-28')
			.where('closes_on', '>=', '2026-11-28')
			.execute();
		expect(open).toHaveLength(3);
	}, 90_000); // seeds a whole demo pilot (grading every reference)
});
