// db:copy's check: the province figures of two databases, every breakdown and period, compared.
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { buildTestPilot, NOW, type TestPilot } from './testdata';
import { compareProvinceFigures } from './views';

const a = openTestDatabase().db;
const b = openTestDatabase().db;
let pilotB: TestPilot;
beforeAll(async () => {
	await buildTestPilot(a);
	pilotB = await buildTestPilot(b);
});

describe('comparing two databases’ province figures', () => {
	it('finds the same pilot identical in every breakdown of every period, and names where one more pupil differs', async () => {
		// Three periods × six province-wide breakdowns.
		expect(await compareProvinceFigures(a, b, NOW)).toEqual({ views: 18, difference: null });

		const pupil = await b
			.insertInto('users')
			.values({ role: 'student', school_id: pilotB.schoolB, full_name: 'Thêm', created_at: NOW })
			.returning('id')
			.executeTakeFirstOrThrow();
		await b
			.insertInto('enrolments')
			.values({
				class_id: pilotB.class6A,
				pupil_id: pupil.id,
				started_on: '2025-09-05',
				ended_on: null
			})
			.execute();
		const { difference } = await compareProvinceFigures(a, b, NOW);
		expect(difference).toMatch(/^year\|school: /);
	});
});
