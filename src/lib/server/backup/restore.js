// Restoring a backup (issue 10): checks the archive (a Mầm STEM manifest, every file present with its
// size and checksum, the database's integrity, a schema this version knows), refuses to replace a
// database that a running server holds, keeps what it replaces beside it, and says what it restored.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readArchive } from './archive.js';
import { APP, BackupError } from './backup.js';

/** The file a running server keeps beside its database, holding its process id. @param {string} db */
export const pidFile = (db) => `${db}.pid`;

/** Called by the server at start: marks the database as held (removed when the process exits). @param {string} db */
export function holdDatabase(db) {
	const file = pidFile(db);
	writeFileSync(file, String(process.pid));
	process.once('exit', () => {
		try {
			if (readFileSync(file, 'utf8') === String(process.pid)) rmSync(file, { force: true });
		} catch {
			// already gone
		}
	});
}

/** The process id of a running server that holds `db`, or null (a stale file of a dead one is ignored). @param {string} db */
export function holder(db) {
	let pid;
	try {
		pid = Number(readFileSync(pidFile(db), 'utf8').trim());
	} catch {
		return null;
	}
	if (!pid || pid === process.pid) return null;
	try {
		process.kill(pid, 0);
		return pid;
	} catch (e) {
		return /** @type {{ code?: string }} */ (e).code === 'EPERM' ? pid : null;
	}
}

/** @param {string} path */
const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * Unpacks and checks an archive into `work`; returns its manifest. Throws BackupError saying what is wrong.
 * @param {string} archive @param {string} work @param {string[]} known the migrations this version has
 */
export async function checkArchive(archive, work, known) {
	if (!existsSync(archive)) throw new BackupError(`There is no file ${archive}.`);
	try {
		await readArchive(archive, work);
	} catch (e) {
		throw new BackupError(
			`${archive} is damaged or is not a Mầm STEM backup (${e instanceof Error ? e.message : e}). Nothing was changed.`
		);
	}
	let manifest;
	try {
		manifest = JSON.parse(readFileSync(join(work, 'manifest.json'), 'utf8'));
	} catch {
		manifest = null;
	}
	if (!manifest || manifest.app !== APP || !Array.isArray(manifest.files))
		throw new BackupError(
			`${archive} is not a Mầm STEM backup (no manifest). Nothing was changed.`
		);
	for (const f of manifest.files) {
		const p = join(work, f.name);
		if (!existsSync(p) || statSync(p).size !== f.bytes || sha256(p) !== f.sha256)
			throw new BackupError(
				`${archive} is damaged: ${f.name} is missing or differs from when it was saved. Nothing was changed.`
			);
	}
	const db = new Database(join(work, 'mam-stem.db'), { readonly: true });
	try {
		const ok = db.pragma('integrity_check', { simple: true });
		if (ok !== 'ok')
			throw new BackupError(`The database in ${archive} is damaged (${ok}). Nothing was changed.`);
		const names = /** @type {{ name: string }[]} */ (
			db.prepare('SELECT name FROM schema_migrations').all()
		).map((r) => r.name);
		const unknown = names.filter((n) => !known.includes(n));
		if (unknown.length)
			throw new BackupError(
				`${archive} was made by a newer version of Mầm STEM (it has ${unknown.join(', ')}). Update the app first. Nothing was changed.`
			);
		manifest.pupils = /** @type {{ n: number }} */ (
			db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'student'").get()
		).n;
		manifest.schools = /** @type {{ n: number }} */ (
			db.prepare('SELECT COUNT(*) AS n FROM schools').get()
		).n;
	} finally {
		db.close();
	}
	return manifest;
}

/**
 * The restored database's audit trail says it was restored, from which archive (the entries the
 * archive holds end before the restore; this one marks the seam).
 * @param {string} database @param {string} archive @param {number} now
 */
function recordRestore(database, archive, now) {
	const db = new Database(database);
	try {
		db.prepare(
			"INSERT INTO audit_log (at, actor_id, actor_role, action, detail) VALUES (?, NULL, 'system', 'backup.restored', ?)"
		).run(now, JSON.stringify({ archive }));
	} finally {
		db.close();
	}
}

/**
 * Restores `archive` into the database file `database` and the folder `uploads`. What they held is kept
 * beside them ('….before-restore-<time>'). Returns a plain-words account of what was restored.
 * @param {{ archive: string, database: string, uploads: string, known: string[], now?: number }} o
 */
export async function restoreBackup(o) {
	const now = o.now ?? Date.now();
	const pid = holder(o.database);
	if (pid)
		throw new BackupError(
			`A running Mầm STEM server (process ${pid}) is using ${o.database}. Stop it first, then restore. Nothing was changed.`
		);
	mkdirSync(dirname(o.database), { recursive: true });
	const work = join(dirname(o.database), `.restore-${process.pid}-${now}`);
	try {
		const manifest = await checkArchive(o.archive, work, o.known);
		const stamp = new Date(now).toISOString().replace(/[-:]/g, '').slice(0, 15);
		const kept = [];
		if (existsSync(o.database)) {
			// Fold the write-ahead log into the file first, so the kept copy is whole.
			const old = new Database(o.database);
			old.pragma('wal_checkpoint(TRUNCATE)');
			old.close();
			renameSync(o.database, `${o.database}.before-restore-${stamp}`);
			kept.push(`${o.database}.before-restore-${stamp}`);
		}
		for (const s of ['-wal', '-shm']) rmSync(o.database + s, { force: true });
		renameSync(join(work, 'mam-stem.db'), o.database);
		recordRestore(o.database, basename(o.archive), now);
		if (existsSync(o.uploads) && readdirSync(o.uploads).length) {
			renameSync(o.uploads, `${o.uploads}.before-restore-${stamp}`);
			kept.push(`${o.uploads}.before-restore-${stamp}`);
		} else rmSync(o.uploads, { recursive: true, force: true });
		const uploads = manifest.files.filter((/** @type {{ name: string }} */ f) =>
			f.name.startsWith('uploads/')
		);
		if (existsSync(join(work, 'uploads'))) {
			mkdirSync(dirname(o.uploads), { recursive: true });
			renameSync(join(work, 'uploads'), o.uploads);
		}
		return { manifest, uploads: uploads.length, kept };
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}
