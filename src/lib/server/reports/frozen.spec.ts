// One set of figures, with a controlled clock: pupils join a class and send attempts between two reads of
// the dashboard. Within one snapshot every breakdown, drill-down and format shows the same totals, even a
// view first asked for after the change (it is cut from the snapshot's facts, never from the live
// tables); once the snapshot is refreshed, the new totals show everywhere.
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { buildTestPilot, NOW, type TestPilot } from './testdata';
import { readView } from './params';
import { viewTables, type ViewFigures } from './views';
import * as snapshots from './snapshot';
import type { Table } from './table';

const { db } = openTestDatabase();
let t: TestPilot;
beforeAll(async () => {
	t = await buildTestPilot(db);
});

const view = async (query: string) =>
	(await readView(db, new URL(`http://localhost/department?${query}`)))!;

const table = (f: ViewFigures, id: string): Table => f.tables.find((x) => x.id === id)!;
const totalRow = (f: ViewFigures, id: string) => table(f, id).rows.at(-1)!.cells;

/** What every breakdown must agree on: reach's pupils and active pupils, mastery's work. */
function totals(f: ViewFigures) {
	const reach = totalRow(f, 'reach');
	const [attempts, passed, rate, stars, hints] = totalRow(f, 'mastery');
	return { pupils: reach[3], active: reach[4], attempts, passed, rate, stars, hints };
}

/** The attempts and passes of the concepts' table, added up (shown when the view has ≥ 10 pupils). */
function conceptSums(f: ViewFigures) {
	const rows = table(f, 'concepts').rows;
	return {
		attempts: rows.reduce((s, r) => s + Number(r.cells[0]), 0),
		passed: rows.reduce((s, r) => s + Number(r.cells[1]), 0)
	};
}

const BREAKDOWNS = ['school', 'commune', 'level', 'grade', 'class', 'gender', 'ethnicity'];

async function read(queries: string[], now: number) {
	return Promise.all(queries.map(async (q) => viewTables(db, await view(q), now)));
}

async function addPupilsWithWork(n: number) {
	const [exercise] = await db.selectFrom('exercises').select('id').limit(1).execute();
	for (let i = 0; i < n; i++) {
		const u = await db
			.insertInto('users')
			.values({ role: 'student', school_id: t.schoolB, full_name: `Mới ${i}`, created_at: NOW })
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('pupil_profiles')
			.values({
				user_id: u.id,
				gender: i % 2 ? 'female' : 'male',
				ethnicity: 'Dao',
				secret_kind: 'words',
				secret: 'a b'
			})
			.execute();
		await db
			.insertInto('enrolments')
			.values({ class_id: t.class6A, pupil_id: u.id, started_on: '2026-02-01', ended_on: null })
			.execute();
		await db
			.insertInto('exercise_attempts')
			.values({
				exercise_id: exercise.id,
				pupil_id: u.id,
				class_id: t.class6A,
				passed: i < 4 ? 1 : 0,
				stars: i < 4 ? 3 : 0,
				hints_used: 1,
				time_spent_ms: 30000,
				created_at: NOW + 10_000 + i
			})
			.execute();
	}
}

/** Every breakdown's totals equal; the school breakdown's row of a school equals the school's own page. */
function expectOneSetOfFigures(figs: ViewFigures[], bySchool: ViewFigures, school: ViewFigures) {
	expect(new Set([...figs, school].map((f) => f.snapshotId)).size).toBe(1);
	expect(new Set([...figs, school].map((f) => f.asOf)).size).toBe(1);
	for (const f of figs) expect(totals(f)).toEqual(totals(figs[0]));
	for (const f of figs)
		expect(conceptSums(f)).toEqual({
			attempts: totals(f).attempts,
			passed: totals(f).passed
		});
	const row = (id: string) => table(bySchool, id).rows.find((r) => r.href?.includes(`school=`))!;
	const schoolRow = table(bySchool, 'reach').rows.find((r) => r.label === 'TH A')!;
	expect(row('reach')).toBeDefined();
	expect(schoolRow.cells[3]).toBe(totals(school).pupils);
	const masteryRow = table(bySchool, 'mastery').rows.find((r) => r.label === 'TH A')!;
	expect(masteryRow.cells.slice(0, 2)).toEqual([totals(school).attempts, totals(school).passed]);
}

describe('one set of figures under a controlled clock', () => {
	it('keeps every breakdown, drill-down and format on the snapshot, then shows the new totals everywhere', async () => {
		const schoolA = `school=${t.schoolA}`;
		// First read: only three breakdowns are asked for.
		const first = await read(['by=school', 'by=grade', 'by=gender'], NOW);
		const firstSchool = (await read([schoolA], NOW))[0];
		expectOneSetOfFigures(first, first[0], firstSchool);
		const before = totals(first[0]);
		expect(before.pupils).toBe(20);

		// A teacher adds 12 pupils to 6A, who each send an attempt (4 of them pass).
		await addPupilsWithWork(12);

		// Half a minute later: every breakdown (the four never asked for before too), the drill-down and
		// the other period's page of the same snapshot still show the snapshot's figures.
		const second = await read(
			BREAKDOWNS.map((by) => `by=${by}`),
			NOW + 30_000
		);
		const secondSchool = (await read([schoolA], NOW + 30_000))[0];
		expect(second[0].snapshotId).toBe(first[0].snapshotId);
		expectOneSetOfFigures(second, second[0], secondSchool);
		expect(totals(second[0])).toEqual(before);
		const classB = (await read([`class=${t.class6A}&by=gender`], NOW + 30_000))[0];
		expect(classB.snapshotId).toBe(first[0].snapshotId);
		expect(totalRow(classB, 'reach')[3]).toBe('< 10'); // 6A's 8 pupils of the snapshot

		// Past the maximum age: a new snapshot, and the new pupils and attempts in every view.
		const later = NOW + snapshots.MAX_AGE_MS + 1;
		const third = await read(
			BREAKDOWNS.map((by) => `by=${by}`),
			later
		);
		const thirdSchool = (await read([schoolA], later))[0];
		expect(third[0].snapshotId).not.toBe(first[0].snapshotId);
		expectOneSetOfFigures(third, third[0], thirdSchool);
		const after = totals(third[0]);
		expect(after.pupils).toBe(32);
		expect(after.attempts).toBe(Number(before.attempts) + 12);
		expect(after.passed).toBe(Number(before.passed) + 4);
		const classLater = (await read([`class=${t.class6A}&by=gender`], later))[0];
		expect(totalRow(classLater, 'reach')[3]).toBe(20);
		expect(totalRow(classLater, 'mastery')[0]).toBe(
			Number(totalRow(third[0], 'mastery')[0]) - Number(totals(thirdSchool).attempts)
		);
	});

	it('reads no live table once a snapshot is taken: its row holds every indicator’s facts', async () => {
		const [f] = await read(['by=school'], NOW + 10_000_000);
		const snap = (await snapshots.load(db, f.snapshotId))!;
		expect(Object.keys(snap.facts.indicators).sort()).toEqual(
			[
				'adoption',
				'assignments',
				'attitude',
				'dosage',
				'mastery',
				'project_quality',
				'reach',
				'teams_complete',
				'weekly'
			].sort()
		);
	});
});
