import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Writable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { openDatabase } from '../db/connect';
import { migrate, readMigrations } from '../db/migrate';
import { BackupError, listArchives, runBackup, settings } from './backup.js';
import { pidFile, restoreBackup } from './restore.js';
import { backupStatus } from './status';

const root = mkdtempSync(join(tmpdir(), 'mam-backup-'));
const known = readMigrations().map((m) => m.name);
const s = {
	...settings({}),
	dir: join(root, 'backups'),
	database: join(root, 'live', 'mam-stem.db'),
	uploads: join(root, 'live', 'uploads')
};
let opened: ReturnType<typeof openDatabase>;

beforeAll(() => {
	mkdirSync(join(s.uploads, 'photos', '12'), { recursive: true });
	writeFileSync(join(s.uploads, 'photos', '12', 'a.webp'), 'photo a');
	writeFileSync(join(s.uploads, 'photos', '12', 'a-thumb.webp'), 'thumb a');
	opened = openDatabase(s.database);
	migrate(opened.sqlite);
});
afterAll(() => {
	opened.sqlite.close();
	rmSync(root, { recursive: true, force: true });
});

/**
 * Another process saving one after another (a millisecond apart: a loop with no gap at all starves every
 * other writer of SQLite's lock on a loaded machine); prints each id once its transaction has committed.
 */
function saver(database: string) {
	const code = `
		import Database from 'better-sqlite3';
		const db = new Database(${JSON.stringify(database)});
		db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL'); db.pragma('busy_timeout = 5000');
		const ins = db.prepare("INSERT INTO audit_log (at, actor_role, action, detail) VALUES (?, 'student', 'pupil.updated', 'autosave')");
		let stop = false; process.stdin.on('data', () => (stop = true)); process.stdin.resume();
		const loop = () => { if (stop) { db.close(); process.exit(0); }
			const id = ins.run(Date.now()).lastInsertRowid; process.stdout.write(id + '\\n'); setTimeout(loop, 1); };
		loop();`;
	return spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: process.cwd() });
}

const freshPlace = (name: string) => ({
	database: join(root, name, 'mam-stem.db'),
	uploads: join(root, name, 'uploads')
});

describe('backup and restore', () => {
	it('copies every save acknowledged before the backup began, while saves go on, and restores it whole', async () => {
		const child = saver(s.database);
		const acked: number[] = [];
		let partial = '';
		child.stdout.on('data', (c: Buffer) => {
			const lines = (partial + c.toString()).split('\n');
			partial = lines.pop()!;
			for (const l of lines) acked.push(Number(l));
		});
		while (acked.length < 300) await new Promise((r) => setTimeout(r, 20));
		const before = [...acked];
		const done = await runBackup(s);
		while (acked.length < before.length + 100) await new Promise((r) => setTimeout(r, 20));
		child.stdin.write('stop');
		await new Promise((r) => child.on('exit', r));
		expect(done.uploads).toBe(2);
		expect(existsSync(done.file)).toBe(true);

		const place = freshPlace('restored');
		const r = await restoreBackup({ archive: done.file, ...place, known });
		expect(r.uploads).toBe(2);
		const copy = new Database(place.database, { readonly: true });
		expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
		// The restored trail marks the restore, naming the archive.
		expect(
			copy.prepare("SELECT detail FROM audit_log WHERE action = 'backup.restored'").all()
		).toEqual([{ detail: JSON.stringify({ archive: basename(done.file) }) }]);
		const ids = new Set(
			(
				copy.prepare("SELECT id FROM audit_log WHERE detail = 'autosave'").all() as {
					id: number;
				}[]
			).map((x) => x.id)
		);
		copy.close();
		expect(before.filter((id) => !ids.has(id))).toEqual([]);
		expect(readFileSync(join(place.uploads, 'photos', '12', 'a.webp'), 'utf8')).toBe('photo a');

		// The administrator's home page sees it, and the audit trail has it.
		const status = await backupStatus(opened.db);
		expect(status.warning).toBeNull();
		expect(status.last?.bytes).toBe(done.bytes);
		const audit = opened.sqlite
			.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'backup.taken'")
			.get() as { n: number };
		expect(audit.n).toBe(1);
	}, 60_000);

	it('keeps what a restore replaces beside it', async () => {
		const [latest] = listArchives(s.dir);
		const place = freshPlace('restored');
		const r = await restoreBackup({ archive: join(s.dir, latest.name), ...place, known });
		expect(r.kept).toHaveLength(2);
		for (const k of r.kept) expect(existsSync(k)).toBe(true);
	});

	it('refuses to restore over a database that a running server holds, and changes nothing', async () => {
		const [latest] = listArchives(s.dir);
		const place = freshPlace('held');
		mkdirSync(join(root, 'held'), { recursive: true });
		writeFileSync(place.database, 'the live database');
		writeFileSync(pidFile(place.database), String(process.ppid));
		await expect(
			restoreBackup({ archive: join(s.dir, latest.name), ...place, known })
		).rejects.toThrow(/running Mầm STEM server .* Stop it first/);
		expect(readFileSync(place.database, 'utf8')).toBe('the live database');
		// A pid file left by a server that died does not stop a restore.
		writeFileSync(pidFile(place.database), '999999');
		rmSync(place.database);
		await restoreBackup({ archive: join(s.dir, latest.name), ...place, known });
		expect(existsSync(place.database)).toBe(true);
	});

	it('refuses a damaged or a foreign archive with a clear message, and changes nothing', async () => {
		const [latest] = listArchives(s.dir);
		const good = readFileSync(join(s.dir, latest.name));
		const place = freshPlace('untouched');
		mkdirSync(join(root, 'untouched'), { recursive: true });
		writeFileSync(place.database, 'keep me');
		const cases: [string, Buffer, RegExp][] = [
			['cut.tar.gz', good.subarray(0, Math.floor(good.length / 2)), /damaged or is not/],
			['noise.tar.gz', Buffer.from('not an archive at all'), /damaged or is not/],
			['foreign.tar.gz', gzipSync(Buffer.alloc(1024)), /not a Mầm STEM backup/]
		];
		for (const [name, bytes, message] of cases) {
			const file = join(root, name);
			writeFileSync(file, bytes);
			const err = await restoreBackup({ archive: file, ...place, known }).catch((e) => e);
			expect(err).toBeInstanceOf(BackupError);
			expect(err.message).toMatch(message);
			expect(readFileSync(place.database, 'utf8')).toBe('keep me');
		}
		expect(readdirSync(join(root, 'untouched')).sort()).toEqual(['mam-stem.db']);
	});

	it('says so when the backup folder cannot be written, or the disk is full; earlier backups stay', async () => {
		const before = listArchives(s.dir);
		writeFileSync(join(root, 'a-file'), '');
		await expect(runBackup({ ...s, dir: join(root, 'a-file', 'backups') })).rejects.toThrow(
			/cannot be written/
		);
		const full = () =>
			new Writable({
				write(_c, _e, done) {
					done(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
				}
			});
		const later = Date.now() + 3_600_000;
		await expect(runBackup(s, { open: full, now: later })).rejects.toThrow(/disk .* is full/);
		expect(listArchives(s.dir)).toEqual(before);
		expect(readdirSync(s.dir).filter((f) => f.startsWith('.'))).toEqual([]);
		const status = await backupStatus(opened.db);
		expect(status.warning).toBe('failed');
		expect(status.failed?.reason).toMatch(/full/);
	});

	it('warns when the last good backup is older than 26 hours', async () => {
		const at = Date.now() + 7_200_000; // after the failed attempt above
		await runBackup(s, { now: at });
		const status = await backupStatus(opened.db, at + 27 * 3_600_000);
		expect(status.warning).toBe('old');
		expect((await backupStatus(opened.db)).warning).toBeNull();
	});
});
