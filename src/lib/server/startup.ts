// What the server does once before it answers: migrate, seed the demo pilot, say hello.
import { sql } from 'kysely';
import {
	database,
	databaseLabel,
	databasePath,
	databaseUrl,
	isBusy,
	openAppDatabase,
	type DB
} from './db';
import { checkpointOffThread } from './db/checkpoints';
import { runsJobs } from './jobs/schedule';
import * as lease from './jobs/lease';
import { migrateOpened, MigrationChangedError, MigrationError } from './db/migrate';
import { DEMO_PASSWORDS, DEMO_SCHOOLS, isEmpty } from './seed/demo';
import { listRoster } from './classes/pupils';
import { picturesOf, wordsOf } from '$lib/secrets';
import { warmDashboard } from './reports/views';
import { holdDatabase } from './backup/restore.js';
import { scheduleBackups } from './backup/nightly';
import { scheduleAuditPruning } from './audit/nightly';
import { auditKeepDays } from './audit/trail';
import { scheduleRetention } from './privacy/retention';

/** Stops the start with one clear line (no stack trace). */
function refuse(message: string): never {
	console.error(`\nMầm STEM cannot start: ${message}\n`);
	process.exit(1);
}

/** What went wrong reaching PostgreSQL, in one line. */
function unreachable(e: unknown): string {
	const err = e as { code?: string; message?: string };
	const why =
		err.code === 'ECONNREFUSED' || err.code === 'ENOTFOUND' || err.code === 'ETIMEDOUT'
			? 'nothing answers at that address'
			: (err.message ?? String(e)).split('\n')[0];
	return `the PostgreSQL database at ${databaseLabel()} (DATABASE_URL) cannot be used: ${why}.`;
}

/**
 * Migrations and the demo seed. Run once per start: in the cluster's primary before it forks
 * (workers/prepare.worker.ts, then MAM_STEM_PREPARED=1 in every server process), else here.
 */
export async function prepareDatabase(): Promise<void> {
	try {
		auditKeepDays();
	} catch (e) {
		refuse(e instanceof Error ? e.message : String(e));
	}
	const url = databaseUrl();
	if (url && !/^postgres(ql)?:\/\/[^\s]+$/.test(url))
		refuse('DATABASE_URL must be a postgres:// address (or unset, for SQLite at DATABASE_PATH).');
	const opened = openAppDatabase();
	const { db } = opened;
	if (opened.engine === 'postgres')
		await sql`SELECT 1`.execute(db).catch((e) => refuse(unreachable(e)));
	try {
		const applied = await migrateOpened(opened);
		if (applied.length)
			console.log(`Mầm STEM: applied migrations ${applied.join(', ')} to ${databaseLabel()}`);
	} catch (e) {
		if (e instanceof MigrationChangedError) refuse(`(${databaseLabel()}) ${e.message}`);
		if (!(e instanceof MigrationError))
			refuse(
				opened.engine === 'postgres'
					? unreachable(e)
					: `the database ${databaseLabel()} cannot be prepared: ${String((e as Error)?.message ?? e).split('\n')[0]} (the migrations are read from ./migrations: start it from the app's folder).`
			);
		refuse(
			`migration ${e.migration} failed.\n${e.message}\n` +
				`The database ${databaseLabel()} was left as it was before that migration. Fix the migration and start again.`
		);
	}
	console.log(
		`Mầm STEM: database ${opened.engine === 'postgres' ? 'PostgreSQL' : 'SQLite'} at ${databaseLabel()}`
	);
	if (process.env.SEED_DEMO !== '0' && (await isEmpty(db))) await seedDemoOnce(db);
	await syncContentOnce(db);
}

/** Longer than the demo seed takes; a lease left by an instance that died expires after it. */
const SEED_LEASE_MS = 10 * 60_000;

/**
 * Runs `fn` holding the lease `name`: another instance started at the same time waits for it, then
 * runs it after (each `fn` checks whether anything is left to do).
 */
async function underLease(db: DB, name: string, fn: () => Promise<void>) {
	const holder = lease.newHolder();
	// The holder may keep SQLite's write lock for longer than a query waits: busy means "not yet".
	const take = () =>
		lease
			.acquire(db, name, holder, SEED_LEASE_MS)
			.catch((e) => (isBusy(e) ? false : Promise.reject(e)));
	while (!(await take())) await new Promise((resolve) => setTimeout(resolve, 500));
	try {
		await fn();
	} finally {
		await lease.release(db, name, holder);
	}
}

/** The demo seed, by one instance only: another started with it waits, then finds the pilot there. */
async function seedDemoOnce(db: DB) {
	await underLease(db, 'demo-seed', async () => {
		if (!(await isEmpty(db))) return;
		const t = Date.now();
		// Loaded only to seed: the seed grades its exercises' references, which loads Blockly (60 MB).
		const { seedAll } = await import('./seed');
		await seedAll(db);
		console.log(`Mầm STEM: seeded the demo pilot in ${Date.now() - t} ms`);
	});
}

/** New and rewritten built-in lessons and exercises reach a pilot seeded by an earlier version. */
async function syncContentOnce(db: DB) {
	await underLease(db, 'content-sync', async () => {
		const { syncBuiltinContent } = await import('./content/sync');
		const report = await db.transaction().execute((tx) => syncBuiltinContent(tx));
		const { lessons: l, exercises: e } = report ?? {};
		if (l && e && l.added + l.updated + e.added + e.updated)
			console.log(
				`Mầm STEM: built-in content brought up to date: lessons ${l.added} added, ${l.updated} updated, ${l.kept} edited ones kept; exercises ${e.added} added, ${e.updated} updated, ${e.kept} kept`
			);
	});
}

export async function startUp(): Promise<void> {
	if (process.env.MAM_STEM_PREPARED !== '1') await prepareDatabase();
	const db = database();
	if (!databaseUrl()) {
		// A restore refuses to replace the database while this file names a living server.
		holdDatabase(databasePath());
		// The WAL is folded back into the file by a thread of its own, never inside a pupil's save.
		const opened = openAppDatabase();
		if (opened.engine === 'sqlite') checkpointOffThread(opened, databasePath());
		// The nightly backup (SQLite; a PostgreSQL server is backed up with its own tools).
		if (runsJobs()) {
			try {
				scheduleBackups();
			} catch (e) {
				console.error(
					`Mầm STEM: no nightly backup: ${e instanceof Error ? e.message : e} (BACKUP_AT)`
				);
			}
		}
	}
	if (runsJobs()) scheduleAuditPruning(db);
	// Pupils who left the pilot more than RETENTION_YEARS ago are erased daily (either engine).
	if (runsJobs()) {
		try {
			scheduleRetention(db);
		} catch (e) {
			console.error(
				`Mầm STEM: no retention run: ${e instanceof Error ? e.message : e} (RETENTION_AT)`
			);
		}
	}
	// One welcome for the whole cluster: the process that runs the jobs says it.
	if (process.env.QUIET_START !== '1' && runsJobs()) console.log(await welcome(db));
	// After the server has begun to answer: a failure here only means the first dashboard computes them.
	setTimeout(
		() =>
			warmDashboard(db).catch((e) =>
				console.error('Mầm STEM: could not prepare the dashboard:', e)
			),
		0
	);
}

/** The URL and the demo sign-ins, read from the database so they are always true. */
export async function welcome(db: DB): Promise<string> {
	const host = process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : 'localhost';
	const url = process.env.ORIGIN ?? `http://${host}:${process.env.PORT ?? 3000}`;
	const lines = [`\nMầm STEM is running at ${url}`];
	const admin = await db
		.selectFrom('users')
		.select('id')
		.where('username', '=', 'admin')
		.executeTakeFirst();
	if (!admin) return lines.join('\n');
	lines.push(
		'Demo sign-ins (staff at /login):',
		`  administrator       admin / ${DEMO_PASSWORDS.admin}`,
		`  department officer  sogd / ${DEMO_PASSWORDS.staff}`,
		`  teacher             gv.hoa / ${DEMO_PASSWORDS.staff}  (every gv.* account uses the same password)`
	);
	for (const [schoolIndex, classIndex] of [
		[2, 0],
		[0, 0]
	]) {
		const s = DEMO_SCHOOLS[schoolIndex];
		const cls = await db
			.selectFrom('classes')
			.innerJoin('schools', 'schools.id', 'classes.school_id')
			.select(['classes.id', 'classes.join_code', 'classes.name'])
			.where('schools.name', '=', s.name)
			.where('classes.name', '=', s.classes[classIndex].name)
			.executeTakeFirst();
		if (!cls) continue;
		const pupil = (await listRoster(db, cls.id))[0];
		if (!pupil) continue;
		const secret =
			pupil.secretKind === 'pictures'
				? `pictures ${picturesOf(pupil.secret)
						.map((p) => `${p.emoji} ${p.vi}`)
						.join(' + ')}`
				: `words "${wordsOf(pupil.secret).join('" + "')}"`;
		lines.push(
			`  pupil of ${cls.name}, ${s.name}: ${url}/join, class code ${cls.join_code}, pick "${pupil.fullName}", ${secret}`
		);
	}
	return lines.join('\n') + '\n';
}
