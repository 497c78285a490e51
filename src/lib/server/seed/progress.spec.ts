import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { seedAll } from '.';
import { reach } from '../reports/reach';
import { mastery } from '../reports/mastery';
import { results } from '../surveys/surveys';

describe('the progress demo seed', () => {
	it('gives the dashboard attempts, lessons, plans and pre/post responses', async () => {
		const { db } = openTestDatabase();
		const now = Date.parse('2026-11-28T10:00:00Z');
		await seedAll(db, now);
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
	});
});
