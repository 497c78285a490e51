// npm run db:copy -- --from data/mam-stem.db --to postgres://…
// Copies a whole SQLite pilot into an empty PostgreSQL database in one transaction, then checks that
// every table has as many rows on both sides and that the dashboard shows the same province figures
// on both (every breakdown and period, through the app's own reports); on any difference or error
// nothing is kept.
// The target is migrated first with the app's own migrator (the .pg.sql twins); a target with rows, or
// with tables that are not the app's, is refused and left as it was.
import Database from 'better-sqlite3';
import { createJiti } from 'jiti';

const root = new URL('..', import.meta.url).pathname;
const arg = (name) => {
	const i = process.argv.indexOf(name);
	return i > 0 ? process.argv[i + 1] : undefined;
};
const from = arg('--from');
const to = arg('--to');

function fail(message) {
	console.error(`db:copy: ${message}`);
	process.exit(1);
}
if (!from || !to || !/^postgres(ql)?:\/\//.test(to))
	fail('usage: npm run db:copy -- --from data/mam-stem.db --to postgres://user@host/database');

process.env.MIGRATIONS_DIR ??= root + 'migrations';
const jiti = createJiti(import.meta.url, { alias: { $lib: root + 'src/lib' } });
const { migratePostgres, readMigrations } = await jiti.import('../src/lib/server/db/migrate.ts');

let source;
try {
	source = new Database(from, { readonly: true, fileMustExist: true });
	source.prepare('SELECT name FROM schema_migrations').all();
} catch (e) {
	fail(`${from} is not a Mầm STEM SQLite database (${e.message}).`);
}
const done = new Set(
	source
		.prepare('SELECT name FROM schema_migrations')
		.all()
		.map((r) => r.name)
);
const missing = readMigrations().filter((m) => !done.has(m.name));
if (missing.length)
	fail(
		`${from} lacks migrations ${missing.map((m) => m.name).join(', ')}: start the app on it once.`
	);

const tables = source
	.prepare(
		"SELECT name FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
	)
	.all()
	.map((r) => r.name)
	.filter((t) => t !== 'schema_migrations' && !/^lesson_search_/.test(t));

// The app's pool: numbers come back as numbers, as the app reads them.
const { openDatabase, postgresKysely, postgresPool } = await jiti.import(
	'../src/lib/server/db/connect.ts'
);
const pool = postgresPool(to, undefined, 2);
pool.on('error', () => {});
const client = await pool.connect().catch((e) => fail(`${to} cannot be used: ${e.message}`));

/** The target's own tables with their rows; refuses when it holds anything. */
async function refuseNonEmpty() {
	const { rows } = await client.query(
		"SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
	);
	const ours = new Set([...tables, 'schema_migrations']);
	const foreign = rows.map((r) => r.t).filter((t) => !ours.has(t));
	if (foreign.length)
		fail(`the target is not empty (tables ${foreign.join(', ')}); nothing was copied.`);
	for (const { t } of rows) {
		if (t === 'schema_migrations') continue;
		const r = await client.query(`SELECT EXISTS (SELECT 1 FROM "${t}") AS x`);
		if (r.rows[0].x) fail(`the target is not empty (table ${t} has rows); nothing was copied.`);
	}
}

async function copyTable(t) {
	const select =
		t === 'lesson_search'
			? 'SELECT rowid, title, aims, activities FROM lesson_search'
			: `SELECT * FROM "${t}"`;
	const stmt = source.prepare(select);
	const cols = stmt.columns().map((c) => c.name);
	const batch = Math.max(1, Math.floor(30000 / cols.length));
	let rows = [];
	let n = 0;
	const flush = async () => {
		if (!rows.length) return;
		const values = rows.map(
			(_, i) => `(${cols.map((__, j) => `$${i * cols.length + j + 1}`).join(', ')})`
		);
		await client.query(
			`INSERT INTO "${t}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES ${values.join(', ')}`,
			rows.flatMap((r) => cols.map((c) => r[c]))
		);
		n += rows.length;
		rows = [];
	};
	for (const row of stmt.iterate()) {
		rows.push(row);
		if (rows.length >= batch) await flush();
	}
	await flush();
	return n;
}

/** How many dashboard views were compared on both engines. */
let compared = 0;
try {
	await refuseNonEmpty();
	await migratePostgres(pool);
	await client.query('BEGIN');
	// Rows go in as they are: the rollups are copied, not recomputed, and references are complete only
	// at the end (PostgreSQL 15: a superuser, or GRANT SET ON PARAMETER session_replication_role).
	await client.query('SET LOCAL session_replication_role = replica');
	const counts = [];
	for (const t of tables) {
		const copied = await copyTable(t);
		const want = source.prepare(`SELECT count(*) AS n FROM "${t}"`).get().n;
		const got = Number((await client.query(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
		if (copied !== want || got !== want)
			throw new Error(`${t}: ${want} rows in SQLite, ${got} copied`);
		counts.push([t, want]);
	}
	// Identity columns continue after the copied ids.
	const { rows: ids } = await client.query(
		"SELECT table_name AS t FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'"
	);
	for (const { t } of ids)
		await client.query(
			`SELECT setval(pg_get_serial_sequence('"${t}"', 'id'), GREATEST((SELECT max(id) FROM "${t}"), 1))`
		);
	// Statistics for the planner before the copy is read: without them PostgreSQL plans the dashboard's
	// joins blind (on the synthetic province the weekly-activity query took about a minute per view,
	// and the check below compares 18 views). ANALYZE runs in the transaction, on the uncommitted rows.
	await client.query('ANALYZE');
	const differs = await sameFigures();
	if (differs) throw new Error(`the dashboard differs on PostgreSQL: ${differs}`);
	await client.query('COMMIT');
	for (const [t, n] of counts) console.log(`${t.padEnd(36)} ${String(n).padStart(10)}`);
	console.log(
		`db:copy: ${counts.length} tables copied and checked (row counts equal, ${compared} dashboard views identical) into ${to.replace(/:[^:@/]*@/, ':***@')}`
	);
} catch (e) {
	await client.query('ROLLBACK').catch(() => {});
	fail(`nothing was copied: ${e.message.split('\n')[0]}`);
} finally {
	client.release();
	await pool.end();
}

/**
 * The department's province figures (every breakdown and period of the current year) computed on the
 * SQLite file and on the copy, still uncommitted, through the app's own reports: the first difference.
 */
async function sameFigures() {
	const { compareProvinceFigures } = await jiti.import('../src/lib/server/reports/views.ts');
	const sqlite = openDatabase(from);
	try {
		// The copy is read inside this transaction, on its connection.
		const onCopy = postgresKysely({ connect: async () => transactionClient(client) });
		const { views, difference } = await compareProvinceFigures(sqlite.db, onCopy, Date.now());
		compared = views;
		return difference;
	} finally {
		sqlite.sqlite.close();
	}
}

/** A pg client that Kysely may use and "release" without ending the open transaction. */
function transactionClient(c) {
	return { query: (...args) => c.query(...args), release: () => {} };
}
