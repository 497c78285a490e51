// npm run db:copy: a SQLite pilot into an empty PostgreSQL database, row counts checked; a target that
// is not empty is refused and left as it was. Needs the test PostgreSQL; skipped, and says so, without.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './connect';
import { migrate } from './migrate';
import { PILOT_SQL } from './pilot.fixture';
import { postgresAnswers, testDatabaseUrl } from './testing';

const reachable = await postgresAnswers();
if (!reachable) console.warn(`db:copy test not run: nothing answers at ${testDatabaseUrl()}.`);
const run = promisify(execFile);

async function admin(text: string) {
	const client = new pg.Client({ connectionString: testDatabaseUrl() });
	await client.connect();
	try {
		return await client.query(text);
	} finally {
		await client.end();
	}
}

describe.skipIf(!reachable)('db:copy', () => {
	const name = `mamstem_copy_${randomBytes(4).toString('hex')}`;
	// A loaded machine may take more than the default 10 s to drop a database.
	afterAll(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`), 60_000);

	it('copies every table with its rows, then refuses a target that is not empty', async () => {
		const file = join(mkdtempSync(join(tmpdir(), 'mam-stem-copy-')), 'pilot.db');
		const { sqlite } = openDatabase(file);
		migrate(sqlite);
		sqlite.exec(PILOT_SQL);
		sqlite.close();
		await admin(`CREATE DATABASE ${name}`);
		const url = new URL(testDatabaseUrl());
		url.pathname = `/${name}`;
		const copy = () =>
			run('node', ['scripts/db-copy.js', '--from', file, '--to', url.toString()]).then(
				(r) => ({ ok: true, out: r.stdout }),
				(e: { stderr: string }) => ({ ok: false, out: e.stderr })
			);
		const first = await copy();
		// Row counts and the dashboard: every breakdown (6) of every period (3) identical on both.
		expect(first.out).toMatch(
			/tables copied and checked \(row counts equal, 18 dashboard views identical\)/
		);
		const target = new pg.Client({ connectionString: url.toString() });
		await target.connect();
		const count = async (t: string) =>
			Number((await target.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
		expect(await count('exercise_attempts')).toBe(4);
		expect(await count('progress_mastery_school')).toBeGreaterThan(0);
		// New rows continue after the copied ids.
		const { rows } = await target.query(
			"INSERT INTO schools (name, commune, level, pilot_since, created_at) VALUES ('TH Mới', 'Cao Lộc', 'primary', '2025-09-01', 0) RETURNING id"
		);
		expect(Number(rows[0].id)).toBe(2);
		const second = await copy();
		expect(second).toEqual({ ok: false, out: expect.stringMatching(/not empty/) });
		expect(await count('exercise_attempts')).toBe(4);
		await target.end();
	}, 300_000);
});
