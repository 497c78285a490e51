import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import * as lease from '../jobs/lease';
import { buildTestPilot, NOW, type TestPilot } from './testdata';
import { readView } from './params';
import { asOfLabel, viewTables } from './views';
import * as snapshots from './snapshot';
import type { Table } from './dashboard';

const { db } = openTestDatabase();
let t: TestPilot;
beforeAll(async () => {
	t = await buildTestPilot(db);
});

/** The reach table's "Total" row: schools, classes, teachers, pupils, active. */
function total(tables: Table[]) {
	const reach = tables.find((x) => x.id === 'reach')!;
	return reach.rows.at(-1)!.cells;
}

const BREAKDOWNS = ['school', 'commune', 'level', 'grade', 'class', 'gender', 'ethnicity'];

async function readAll(now: number) {
	const out = [];
	for (const by of BREAKDOWNS) {
		const view = (await readView(db, new URL(`http://localhost/department?by=${by}`)))!;
		out.push(await viewTables(db, view, now));
	}
	// A drill-down: school B's page reads the same snapshot.
	const school = (await readView(db, new URL(`http://localhost/department?school=${t.schoolB}`)))!;
	out.push(await viewTables(db, school, now));
	return out;
}

async function addPupils(n: number) {
	for (let i = 0; i < n; i++) {
		const u = await db
			.insertInto('users')
			.values({ role: 'student', school_id: t.schoolB, full_name: `New ${i}`, created_at: NOW })
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('enrolments')
			.values({ class_id: t.class6A, pupil_id: u.id, started_on: '2025-09-05', ended_on: null })
			.execute();
	}
}

describe('one set of figures', () => {
	it('gives every breakdown, drill-down and format the same totals and "as of" at every read', async () => {
		const first = await readAll(NOW);
		expect(new Set(first.map((f) => f.snapshotId)).size).toBe(1);
		for (const f of first.slice(0, -1)) expect(total(f.tables)).toEqual(total(first[0].tables));
		expect(total(first[0].tables)[3]).toBe(20);
		expect(total(first.at(-1)!.tables)[3]).toBe('< 10'); // school B's 8 pupils: a small group

		// A teacher imports 12 pupils into 6A; half a minute later every view still agrees (old figures).
		await addPupils(12);
		const second = await readAll(NOW + 30_000);
		expect(second.map((f) => f.snapshotId)).toEqual(first.map((f) => f.snapshotId));
		for (const f of second.slice(0, -1)) expect(total(f.tables)[3]).toBe(20);
		expect(new Set(second.map((f) => f.asOf)).size).toBe(1);

		// Past the maximum age, the next read takes a new snapshot: every view shows the 32 pupils.
		const third = await readAll(NOW + snapshots.MAX_AGE_MS + 1);
		expect(new Set(third.map((f) => f.snapshotId)).size).toBe(1);
		expect(third[0].snapshotId).not.toBe(first[0].snapshotId);
		for (const f of third.slice(0, -1)) expect(total(f.tables)).toEqual(total(third[0].tables));
		expect(total(third[0].tables)[3]).toBe(32);
		expect(total(third.at(-1)!.tables)[3]).toBe(20);
		expect(third[0].takenAt).toBe(NOW + snapshots.MAX_AGE_MS + 1);
	});

	it('serves the last snapshot past a minute and refreshes it after the response', async () => {
		const view = (await readView(db, new URL('http://localhost/department')))!;
		const start = NOW + 1_000_000;
		const a = await viewTables(db, view, start);
		await addPupils(1);
		const b = await viewTables(db, view, start + snapshots.REFRESH_AFTER_MS + 1);
		expect(b.snapshotId).toBe(a.snapshotId);
		await snapshots.settled();
		const c = await viewTables(db, view, start + snapshots.REFRESH_AFTER_MS + 2);
		expect(c.snapshotId).not.toBe(a.snapshotId);
		expect(total(c.tables)[3]).toBe(Number(total(a.tables)[3]) + 1);
	});

	it('gives the export and the report of a page the snapshot the page showed, while it is kept', async () => {
		const view = (await readView(db, new URL('http://localhost/department?by=level')))!;
		const start = NOW + 5_000_000;
		const page = await viewTables(db, view, start);
		await addPupils(2);
		// Past the 90 s a page would wait for: the page's link still gets the page's figures.
		const later = start + snapshots.MAX_AGE_MS + 1;
		const newest = await viewTables(db, view, later);
		expect(newest.snapshotId).not.toBe(page.snapshotId);
		const exported = await viewTables(db, view, later, page.snapshotId);
		expect(exported.snapshotId).toBe(page.snapshotId);
		expect(exported.asOf).toBe(page.asOf);
		expect(total(exported.tables)).toEqual(total(page.tables));
		// A snapshot of another period, or one no longer kept, gives the newest.
		const s1 = (await readView(db, new URL('http://localhost/department?by=level&period=s1')))!;
		expect((await viewTables(db, s1, later, page.snapshotId)).snapshotId).not.toBe(page.snapshotId);
		expect((await viewTables(db, view, later, 987_654)).snapshotId).toBe(newest.snapshotId);
	});

	it('is computed by one process at a time: concurrent first reads make one snapshot', async () => {
		const yp = { yearId: t.yearId, yearStartsOn: '2025-09-05', yearEndsOn: '2026-05-31' };
		const s1 = { ...yp, period: 's1' as const };
		const [x, y, z] = await Promise.all([
			snapshots.current(db, s1, NOW),
			snapshots.current(db, s1, NOW),
			snapshots.current(db, s1, NOW)
		]);
		expect(new Set([x.id, y.id, z.id]).size).toBe(1);
		const rows = await db
			.selectFrom('report_snapshots')
			.select('id')
			.where('period', '=', 's1')
			.execute();
		expect(rows).toHaveLength(1);
	});

	it('keeps only the two newest snapshots of a year and period, with their views', async () => {
		const yp = { yearId: t.yearId, yearStartsOn: '2025-09-05', yearEndsOn: '2026-05-31' };
		for (let i = 0; i < 4; i++) await snapshots.take(db, { ...yp, period: 's2' }, NOW + i);
		const rows = await db
			.selectFrom('report_snapshots')
			.select('taken_at')
			.where('period', '=', 's2')
			.orderBy('taken_at')
			.execute();
		expect(rows.map((r) => r.taken_at)).toEqual([NOW + 2, NOW + 3]);
	});

	it('shows when the figures were taken, in Vietnam’s time and date format', () => {
		// 07:05 UTC is 14:05 in Hà Nội.
		expect(asOfLabel(Date.parse('2026-12-01T07:05:00Z'))).toBe('Số liệu lúc 14:05, 01/12/2026');
	});
});

describe('leases', () => {
	it('lets one holder at a time take a lease, and another once it has expired or been given back', async () => {
		expect(await lease.acquire(db, 'x', 'one', 1000, NOW)).toBe(true);
		expect(await lease.acquire(db, 'x', 'two', 1000, NOW + 10)).toBe(false);
		expect(await lease.acquire(db, 'x', 'two', 1000, NOW + 1000)).toBe(true);
		await lease.release(db, 'x', 'one'); // not the holder: nothing changes
		expect(await lease.acquire(db, 'x', 'three', 1000, NOW + 1001)).toBe(false);
		await lease.release(db, 'x', 'two');
		expect(await lease.acquire(db, 'x', 'three', 1000, NOW + 1002)).toBe(true);
	});
});
