// A snapshot reads a province's rows a slice of classes at a time (inClassSlices), answering the
// requests that came meanwhile between slices; the rows are those of one read, in class order.
import { sql, type RawBuilder } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { inClassSlices, type Scope } from './scope';

const { db } = openTestDatabase();

const ids = {
	year: 0,
	other: 0,
	schools: [] as number[],
	classes: [] as number[],
	second: [] as number[]
};
const scope = (extra: Partial<Scope> = {}): Scope => ({
	yearId: ids.year,
	yearStartsOn: '2030-08-15',
	yearEndsOn: '2031-05-31',
	period: 'year',
	...extra
});

beforeAll(async () => {
	for (const [name, starts_on, ends_on] of [
		['2030–2031', '2030-08-15', '2031-05-31'],
		['2031–2032', '2031-08-15', '2032-05-31']
	]) {
		const y = await db
			.insertInto('school_years')
			.values({ name, starts_on, ends_on, is_current: 0 })
			.returning('id')
			.executeTakeFirstOrThrow();
		if (ids.year) ids.other = y.id;
		else ids.year = y.id;
	}
	for (const name of ['TH Hoàng Văn Thụ', 'TH Tam Thanh']) {
		const s = await db
			.insertInto('schools')
			.values({
				name,
				commune: 'Phường Tam Thanh',
				level: 'primary',
				pilot_since: '2030-08-15',
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		ids.schools.push(s.id);
	}
	// Seven classes of the year over two schools, one of another year between them.
	for (let i = 0; i < 8; i++) {
		const c = await db
			.insertInto('classes')
			.values({
				school_id: ids.schools[i % 2],
				school_year_id: i === 3 ? ids.other : ids.year,
				grade: 3,
				name: `3A${i}`,
				join_code: `SLICE${i}`,
				created_at: 0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (i !== 3) ids.classes.push(c.id);
		if (i !== 3 && i % 2 === 1) ids.second.push(c.id);
	}
});

const classesIn = (slice: RawBuilder<unknown>, s: Scope) =>
	sql<{ id: number }>`SELECT c.id FROM classes c JOIN schools s ON s.id = c.school_id
		WHERE c.school_year_id = ${s.yearId} AND ${s.schoolId ? sql`s.id = ${s.schoolId}` : sql`1 = 1`} AND ${slice}
		ORDER BY c.id`
		.execute(db)
		.then((r) => r.rows.map((row) => Number(row.id)));

describe('inClassSlices', () => {
	it('reads the scope’s classes in slices of the size asked, in class order, as one read would', async () => {
		let reads = 0;
		const got = await inClassSlices(
			db,
			scope(),
			(slice) => {
				reads++;
				return classesIn(slice, scope());
			},
			3
		);
		expect(got).toEqual(ids.classes);
		expect(reads).toBe(3); // 7 classes: 3 + 3 + 1
		expect(await inClassSlices(db, scope(), (slice) => classesIn(slice, scope()))).toEqual(
			ids.classes
		);
	});

	it('keeps to the scope: one school’s classes, none for a year without classes', async () => {
		const one = scope({ schoolId: ids.schools[1] });
		const got = await inClassSlices(db, one, (slice) => classesIn(slice, one), 2);
		expect(got).toEqual(ids.second);
		expect(ids.second).toHaveLength(3);
		let reads = 0;
		const none = scope({ yearId: ids.other + 1000 });
		expect(
			await inClassSlices(db, none, async () => {
				reads++;
				return [1];
			})
		).toEqual([]);
		expect(reads).toBe(0);
	});

	it('lets work that came meanwhile run between two slices', async () => {
		const order: string[] = [];
		await inClassSlices(
			db,
			scope(),
			async (slice) => {
				const rows = await classesIn(slice, scope());
				order.push(`slice ${rows.length}`);
				// A request that arrives while this slice is read is answered before the next slice.
				if (order.length === 1) setImmediate(() => order.push('request'));
				return rows;
			},
			4
		);
		expect(order).toEqual(['slice 4', 'request', 'slice 3']);
	});
});
