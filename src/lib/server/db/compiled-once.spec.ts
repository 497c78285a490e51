import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase } from './testing';
import type { Conn, DB } from './index';
import { compiledOnce } from './compiled-once';

describe('compiledOnce', () => {
	let db: DB;
	beforeAll(async () => {
		db = openTestDatabase().db;
		await sql`CREATE TABLE co_probe (a INTEGER NOT NULL, b TEXT NOT NULL, n INTEGER NOT NULL)`.execute(
			db
		);
		await sql`INSERT INTO co_probe (a, b, n) VALUES (1, 'x', 10), (1, 'y', 20), (2, 'x', 30)`.execute(
			db
		);
	});
	afterAll(() => db.destroy());

	// Two values, the first used twice: each call's values reach their places in the SQL.
	let builds = 0;
	const probe = compiledOnce((db: Conn, a: number, b: string) => {
		builds++;
		return db
			.selectFrom('co_probe' as never)
			.select(sql<number>`n`.as('n'))
			.where(sql<boolean>`a = ${a} AND b = ${b} AND n > ${a}`);
	});

	test('runs with each call’s values, built and compiled once', async () => {
		expect(await probe(db, 1, 'y')).toEqual([{ n: 20 }]);
		expect(await probe(db, 2, 'x')).toEqual([{ n: 30 }]);
		expect(await probe(db, 3, 'x')).toEqual([]);
		expect(builds).toBe(1);
	});

	test('runs inside a transaction too', async () => {
		const rows = await db.transaction().execute((tx) => probe(tx, 1, 'x'));
		expect(rows).toEqual([{ n: 10 }]);
	});

	test('a build whose SQL leaves a value out is refused', async () => {
		const unused = compiledOnce((db: Conn, a: number, b: string) => {
			void b; // in the call, not in the SQL
			return db
				.selectFrom('co_probe' as never)
				.select(sql<number>`n`.as('n'))
				.where(sql<boolean>`a = ${a}`);
		});
		await expect(unused(db, 1, 'x')).rejects.toThrow(/value 1 is not a parameter/);
	});

	test('a build that writes a value into the SQL text is refused', async () => {
		const written = compiledOnce((db: Conn, a: number) =>
			db
				.selectFrom('co_probe' as never)
				.select(sql<number>`n`.as('n'))
				.where(sql<boolean>`a = ${a} AND b <> ${sql.lit(String(a))}`)
		);
		await expect(written(db, 1)).rejects.toThrow(/in the SQL text/);
	});

	test('an undefined value is refused', async () => {
		await expect(probe(db, 1, undefined as unknown as string)).rejects.toThrow(/undefined/);
	});

	test('a build that computes with its values is refused', async () => {
		const computed = compiledOnce((db: Conn, a: number) =>
			db
				.selectFrom('co_probe' as never)
				.select(sql<number>`n`.as('n'))
				.where(sql<boolean>`n > ${Number(a) * 10}`)
		);
		await expect(computed(db, 1)).rejects.toThrow(/not one of the values/);
	});
});
