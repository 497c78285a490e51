// Backups that restore (issue 10): a consistent copy of the database taken while the server runs
// (SQLite's VACUUM INTO, one read transaction: every save acknowledged before it began is in the copy),
// the uploads, and a manifest, in one dated .tar.gz under BACKUP_DIR; and the way back (restore).
// Plain JavaScript, shared by the server's nightly job and `npm run backup` / `npm run restore`.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
	createReadStream,
	createWriteStream,
	existsSync,
	mkdirSync,
	readdirSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readArchive, writeArchive } from './archive.js';

export const APP = 'mam-stem';
const DAY = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const NAME = /^mam-stem-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})\.tar\.gz$/;

/** A failure with a message for people (no stack trace needed). */
export class BackupError extends Error {}

/** The settings from the environment, with their defaults. */
export function settings(env = process.env) {
	const keep = Number(env.BACKUP_KEEP ?? 14);
	return {
		dir: resolve(env.BACKUP_DIR ?? 'data/backups'),
		keepDays: Number.isFinite(keep) && keep >= 1 ? keep : 14,
		at: env.BACKUP_AT ?? '02:00',
		database: resolve(env.DATABASE_PATH ?? 'data/mam-stem.db'),
		uploads: resolve(env.UPLOADS_PATH ?? 'data/uploads')
	};
}

/** 'mam-stem-2026-12-01-020000.tar.gz' (Vietnam's time). @param {number} at */
export function archiveName(at) {
	const t = new Date(at + VIETNAM_OFFSET_MS).toISOString();
	return `${APP}-${t.slice(0, 10)}-${t.slice(11, 13)}${t.slice(14, 16)}${t.slice(17, 19)}.tar.gz`;
}

/** @param {string} dir @returns {string[]} every file under dir, relative to it */
function filesUnder(dir) {
	if (!existsSync(dir)) return [];
	/** @type {string[]} */
	const out = [];
	const walk = (/** @type {string} */ d) => {
		for (const e of readdirSync(d, { withFileTypes: true })) {
			const p = join(d, e.name);
			if (e.isDirectory()) walk(p);
			else if (e.isFile()) out.push(relative(dir, p).split('\\').join('/'));
		}
	};
	walk(dir);
	return out.sort();
}

/** @param {string} path */
function sha256(path) {
	return new Promise((ok, fail) => {
		const h = createHash('sha256');
		createReadStream(path)
			.on('data', (c) => h.update(c))
			.on('end', () => ok(h.digest('hex')))
			.on('error', fail);
	});
}

/** @param {unknown} e */
const reason = (e) => (e instanceof Error ? e.message : String(e));

/** @param {string} dir */
function checkWritable(dir) {
	try {
		mkdirSync(dir, { recursive: true });
		const probe = join(dir, `.probe-${process.pid}`);
		writeFileSync(probe, 'ok');
		rmSync(probe);
	} catch (e) {
		throw new BackupError(`The backup folder ${dir} cannot be written (${reason(e)}).`);
	}
}

/**
 * @typedef {object} BackupOptions
 * @property {import('better-sqlite3').Database} sqlite an open connection to the database to copy
 * @property {string} uploads the uploads folder
 * @property {string} dir BACKUP_DIR
 * @property {number} [keepDays] archives older than this are removed after a backup succeeds
 * @property {number} [now]
 * @property {(path: string) => import('node:stream').Writable} [open] opens the archive for writing (tests)
 */

/**
 * Takes a backup: a consistent copy of the database and the uploads, in one archive. Writes to a
 * temporary name and renames at the end, so a failure (a full disk) leaves no half archive and the
 * previous backups as they were. Returns what was written.
 * @param {BackupOptions} o
 */
export async function takeBackup(o) {
	const now = o.now ?? Date.now();
	checkWritable(o.dir);
	const work = join(o.dir, `.work-${process.pid}-${now}`);
	const name = archiveName(now);
	const partial = join(o.dir, `.${name}.partial`);
	try {
		mkdirSync(work, { recursive: true });
		const copy = join(work, 'mam-stem.db');
		// One statement, one read transaction: a consistent copy even while pupils save. The server's
		// handle does not wait when another process holds the database (its queries wait without
		// blocking); the backup, once a night, may.
		const busy = o.sqlite.pragma('busy_timeout', { simple: true });
		o.sqlite.pragma('busy_timeout = 5000');
		try {
			o.sqlite.prepare('VACUUM INTO ?').run(copy);
		} finally {
			o.sqlite.pragma(`busy_timeout = ${Number(busy)}`);
		}
		const check = new Database(copy, { readonly: true });
		let schema;
		let ok;
		try {
			ok = check.pragma('integrity_check', { simple: true });
			schema = /** @type {{ name: string }[]} */ (
				check.prepare('SELECT name FROM schema_migrations ORDER BY name').all()
			).map((r) => r.name);
		} finally {
			check.close();
		}
		if (ok !== 'ok') throw new BackupError(`The copy of the database is damaged: ${ok}`);
		const uploads = filesUnder(o.uploads);
		const files = [{ name: 'mam-stem.db', path: copy }];
		for (const f of uploads) files.push({ name: `uploads/${f}`, path: join(o.uploads, f) });
		const manifest = {
			app: APP,
			format: 1,
			takenAt: now,
			schema,
			files: await Promise.all(
				files.map(async (f) => ({
					name: f.name,
					bytes: statSync(f.path).size,
					sha256: await sha256(f.path)
				}))
			)
		};
		writeFileSync(join(work, 'manifest.json'), JSON.stringify(manifest, null, '\t'));
		const sink = o.open ? o.open(partial) : createWriteStream(partial);
		await writeArchive(
			[{ name: 'manifest.json', path: join(work, 'manifest.json') }, ...files],
			sink
		);
		const file = join(o.dir, name);
		renameSync(partial, file);
		const removed = o.keepDays ? prune(o.dir, o.keepDays, now, name) : [];
		return {
			file,
			name,
			bytes: statSync(file).size,
			uploads: uploads.length,
			schema: schema.at(-1) ?? null,
			removed
		};
	} catch (e) {
		rmSync(partial, { force: true });
		if (e instanceof BackupError) throw e;
		const code = /** @type {{ code?: string }} */ (e).code;
		if (code === 'ENOSPC')
			throw new BackupError(
				`The disk holding ${o.dir} is full: the backup was not written (the previous ones are kept).`
			);
		throw new BackupError(`The backup could not be written to ${o.dir}: ${reason(e)}`);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

/**
 * Removes the archives (by their dated names) older than `keepDays`, never the one just written.
 * @param {string} dir @param {number} keepDays @param {number} now @param {string} keep
 */
export function prune(dir, keepDays, now, keep) {
	/** @type {string[]} */
	const removed = [];
	for (const f of readdirSync(dir)) {
		const m = NAME.exec(f);
		if (!m || f === keep) continue;
		const at = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+07:00`);
		if (now - at > keepDays * DAY) {
			rmSync(join(dir, f), { force: true });
			removed.push(f);
		}
	}
	return removed;
}

/** The archives in `dir`, newest first. @param {string} dir */
export function listArchives(dir) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => NAME.test(f))
		.sort()
		.reverse()
		.map((f) => ({ name: f, bytes: statSync(join(dir, f)).size }));
}

export { readArchive, writeArchive };

/**
 * Takes a backup of the database at settings().database (its own connection) and records the attempt
 * (backup_runs, for the administrator's home page, and the audit trail), failed or not.
 * @param {ReturnType<typeof settings>} s
 * @param {{ now?: number, open?: BackupOptions['open'] }} [extra]
 */
export async function runBackup(s, extra = {}) {
	if (!existsSync(s.database)) throw new BackupError(`There is no database at ${s.database}.`);
	const sqlite = new Database(s.database);
	sqlite.pragma('busy_timeout = 5000');
	const startedAt = extra.now ?? Date.now();
	try {
		const done = await takeBackup({
			sqlite,
			uploads: s.uploads,
			dir: s.dir,
			keepDays: s.keepDays,
			now: startedAt,
			open: extra.open
		});
		logRun(sqlite, startedAt, { ok: 1, file: done.name, bytes: done.bytes, error: null });
		return done;
	} catch (e) {
		const message = reason(e);
		try {
			logRun(sqlite, startedAt, { ok: 0, file: null, bytes: null, error: message });
		} catch {
			// the database itself cannot be written: the message above says why
		}
		throw e instanceof BackupError ? e : new BackupError(message);
	} finally {
		sqlite.close();
	}
}

/**
 * @param {import('better-sqlite3').Database} sqlite @param {number} startedAt
 * @param {{ ok: number, file: string | null, bytes: number | null, error: string | null }} r
 */
function logRun(sqlite, startedAt, r) {
	const now = Date.now();
	sqlite.transaction(() => {
		sqlite
			.prepare(
				'INSERT INTO backup_runs (started_at, finished_at, file, bytes, ok, error) VALUES (?, ?, ?, ?, ?, ?)'
			)
			.run(startedAt, now, r.file, r.bytes, r.ok, r.error);
		// The same entry audit/log.ts's record() writes, by the server itself ('system').
		sqlite
			.prepare(
				"INSERT INTO audit_log (at, actor_id, actor_role, action, detail) VALUES (?, NULL, 'system', ?, ?)"
			)
			.run(
				now,
				r.ok ? 'backup.taken' : 'backup.failed',
				JSON.stringify(r.ok ? { bytes: r.bytes } : { code: 'failed' })
			);
	})();
}
