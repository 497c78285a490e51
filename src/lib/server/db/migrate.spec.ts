import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './connect';
import {
	checksum,
	migrate,
	MigrationChangedError,
	MigrationError,
	readMigrations,
	schemaVersion
} from './migrate';

const tables = (sqlite: ReturnType<typeof openDatabase>['sqlite']) =>
	(
		sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
			name: string;
		}[]
	).map((r) => r.name);

describe('migrations', () => {
	it('applies the numbered files in order, once, and records them', () => {
		const { sqlite } = openDatabase(':memory:');
		const all = readMigrations();
		expect(all.map((m) => m.name)).toEqual([...all.map((m) => m.name)].sort());
		expect(migrate(sqlite)).toEqual(all.map((m) => m.name));
		expect(migrate(sqlite)).toEqual([]);
		expect(schemaVersion(sqlite)).toBe(all.at(-1)!.name);
		expect(tables(sqlite)).toEqual(
			expect.arrayContaining([
				'schools',
				'users',
				'sessions',
				'classes',
				'enrolments',
				'pupil_profiles'
			])
		);
	});

	it('stops at a failing migration and leaves the database as the previous one left it', () => {
		const { sqlite } = openDatabase(':memory:');
		const list = [
			{ name: '0001_a.sql', sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY);' },
			{
				name: '0002_b.sql',
				sql: 'CREATE TABLE b (id INTEGER PRIMARY KEY); INSERT INTO a VALUES (1); CREATE TABLE oops ('
			},
			{ name: '0003_c.sql', sql: 'CREATE TABLE c (id INTEGER PRIMARY KEY);' }
		];
		let error: unknown;
		try {
			migrate(sqlite, list);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(MigrationError);
		expect((error as MigrationError).migration).toBe('0002_b.sql');
		expect(tables(sqlite)).toEqual(['a', 'schema_migrations']);
		expect(sqlite.prepare('SELECT count(*) AS n FROM a').get()).toEqual({ n: 0 });
		expect(schemaVersion(sqlite)).toBe('0001_a.sql');
	});
});

describe('migration checksums', () => {
	const list = [
		{ name: '0001_a.sql', sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY);' },
		{ name: '0002_b.sql', sql: 'CREATE TABLE b (id INTEGER PRIMARY KEY);' }
	];
	const recorded = (sqlite: ReturnType<typeof openDatabase>['sqlite']) =>
		sqlite.prepare('SELECT name, checksum FROM schema_migrations ORDER BY name').all();

	it('records the SHA-256 of each file it applies', () => {
		const { sqlite } = openDatabase(':memory:');
		migrate(sqlite, list);
		expect(recorded(sqlite)).toEqual(
			list.map((m) => ({ name: m.name, checksum: checksum(m.sql) }))
		);
		expect(checksum('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
	});

	it('refuses to run, naming the file, when a migration that has run was changed; changes nothing', () => {
		const { sqlite } = openDatabase(':memory:');
		migrate(sqlite, list.slice(0, 1));
		const changed = [
			{ name: '0001_a.sql', sql: 'CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT);' },
			list[1]
		];
		let error: unknown;
		try {
			migrate(sqlite, changed);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(MigrationChangedError);
		expect((error as MigrationChangedError).migration).toBe('0001_a.sql');
		expect((error as Error).message).toContain('0001_a.sql');
		expect(tables(sqlite)).toEqual(['a', 'schema_migrations']); // 0002 was not applied
		expect(recorded(sqlite)).toEqual([{ name: '0001_a.sql', checksum: checksum(list[0].sql) }]);
	});

	it('signs the migrations of a database migrated before checksums, trusting the present files', () => {
		const { sqlite } = openDatabase(':memory:');
		sqlite.exec(
			'CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL);' +
				list[0].sql +
				"INSERT INTO schema_migrations VALUES ('0001_a.sql', 1);"
		);
		expect(migrate(sqlite, list)).toEqual(['0002_b.sql']);
		expect(recorded(sqlite)).toEqual(
			list.map((m) => ({ name: m.name, checksum: checksum(m.sql) }))
		);
		expect(() => migrate(sqlite, [{ ...list[0], sql: '-- changed' }, list[1]])).toThrow(
			MigrationChangedError
		);
	});
});

describe('connection settings', () => {
	it('uses WAL with synchronous=FULL, foreign keys, and no blocking busy wait (Kysely waits instead)', () => {
		const dir = mkdtempSync(join(tmpdir(), 'mam-stem-'));
		const { sqlite } = openDatabase(join(dir, 'x.db'));
		expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
		expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(0);
	});
});
