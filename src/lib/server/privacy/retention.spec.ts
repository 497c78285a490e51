import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase } from '../db/testing';
import { buildTestPilot, type TestPilot } from '../reports/testdata';
import { ERASED_NAME } from './erase';
import {
	cutoffDay,
	duePupils,
	retentionStatus,
	retentionYears,
	runRetention,
	scheduleRetention
} from './retention';

const { db } = openTestDatabase();
let t: TestPilot;
const pupils: Record<'left2020' | 'left2021' | 'stillHere', number> = {
	left2020: 0,
	left2021: 0,
	stillHere: 0
};

/** A pupil with enrolments [started, ended] in 4A. */
async function pupilWith(name: string, spans: [string, string | null][]) {
	const u = await db
		.insertInto('users')
		.values({ role: 'student', school_id: t.schoolA, full_name: name, created_at: 0 })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('pupil_profiles')
		.values({
			user_id: u.id,
			gender: 'male',
			birth_date: '2010-01-01',
			ethnicity: 'Kinh',
			secret_kind: 'words',
			secret: 'a|b'
		})
		.execute();
	for (const [from, until] of spans)
		await db
			.insertInto('enrolments')
			.values({ class_id: t.class4A, pupil_id: u.id, started_on: from, ended_on: until })
			.execute();
	return u.id;
}

beforeAll(async () => {
	process.env.UPLOADS_PATH = mkdtempSync(join(tmpdir(), 'mam-retention-'));
	t = await buildTestPilot(db);
	pupils.left2020 = await pupilWith('Left 2020', [
		['2018-09-05', '2019-05-31'],
		['2019-09-05', '2020-06-01']
	]);
	pupils.left2021 = await pupilWith('Left 2021', [['2020-09-05', '2021-06-01']]);
	pupils.stillHere = await pupilWith('Still here', [
		['2015-09-05', '2016-05-31'],
		['2025-09-05', null]
	]);
});

afterEach(() => vi.useRealTimers());

describe('the retention period', () => {
	it('is RETENTION_YEARS whole years, 5 when unset or not a whole number of at least 1', () => {
		expect(retentionYears({})).toBe(5);
		expect(retentionYears({ RETENTION_YEARS: '7' })).toBe(7);
		expect(retentionYears({ RETENTION_YEARS: '0' })).toBe(5);
		expect(retentionYears({ RETENTION_YEARS: 'năm' })).toBe(5);
		// 20:00 UTC on 20 February is already 21 February in Vietnam.
		expect(cutoffDay(5, Date.UTC(2026, 1, 20, 20, 0))).toBe('2021-02-21');
	});

	it('makes due only the pupils whose enrolments all ended more than that long ago', async () => {
		const now = Date.UTC(2026, 1, 20, 12, 0);
		expect(await duePupils(db, 5, now)).toEqual([pupils.left2020]);
		expect(await duePupils(db, 4, now)).toEqual([pupils.left2020, pupils.left2021]);
	});

	it('erases them once a day at RETENTION_AT, records each run, and the admin page reads it', async () => {
		const start = Date.UTC(2026, 1, 20, 20, 0); // 03:00 on 21 February in Vietnam
		vi.useFakeTimers({ now: start, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
		const before = await retentionStatus(db, 5, start);
		expect(before).toEqual({ years: 5, erased: 0, lastRun: null, due: 1 });
		const stop = scheduleRetention(db, { RETENTION_AT: '03:30', RETENTION_YEARS: '5' });
		await vi.advanceTimersByTimeAsync(29 * 60_000);
		expect((await retentionStatus(db, 5, Date.now())).lastRun).toBeNull();
		await vi.advanceTimersByTimeAsync(60_000);
		const ranAt = start + 30 * 60_000;
		// On PostgreSQL the run's queries take real time: wait for its entry.
		const ranBy = (at: number) =>
			vi.waitFor(async () => expect((await retentionStatus(db, 5, at)).lastRun?.at).toBe(at), {
				timeout: 10_000
			});
		await ranBy(ranAt);
		expect(await retentionStatus(db, 5, Date.now())).toEqual({
			years: 5,
			erased: 1,
			lastRun: { at: ranAt, count: 1 },
			due: 0
		});
		const erased = await db
			.selectFrom('users')
			.select(['full_name', 'erased_at'])
			.where('id', '=', pupils.left2020)
			.executeTakeFirstOrThrow();
		expect(erased).toEqual({ full_name: ERASED_NAME, erased_at: ranAt });
		const entry = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'pupil.erased')
			.executeTakeFirstOrThrow();
		expect(entry).toMatchObject({
			actor_id: null,
			actor_role: 'system',
			target_id: pupils.left2020
		});
		expect(JSON.parse(entry.detail!)).toMatchObject({ reason: 'retention' });

		// The next day: nobody is due, the run is recorded with 0.
		await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
		await ranBy(ranAt + 24 * 60 * 60_000);
		stop();
		expect(await retentionStatus(db, 5, Date.now())).toEqual({
			years: 5,
			erased: 1,
			lastRun: { at: ranAt + 24 * 60 * 60_000, count: 0 },
			due: 0
		});
		const stillHere = await db
			.selectFrom('users')
			.select('erased_at')
			.where('id', 'in', [pupils.left2021, pupils.stillHere])
			.execute();
		expect(stillHere).toEqual([{ erased_at: null }, { erased_at: null }]);
	});

	it('runs on request too, and erases nobody twice', async () => {
		const now = Date.UTC(2027, 5, 10, 12, 0); // a year later, 2021's leaver is due
		expect(await runRetention(db, 5, now)).toBe(1);
		expect(await runRetention(db, 5, now + 1000)).toBe(0);
		expect((await retentionStatus(db, 5, now)).erased).toBe(2);
	});
});
