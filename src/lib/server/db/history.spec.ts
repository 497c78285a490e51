// Migrations that have landed never change, and an upgrade from an earlier release ends with the
// same schema as a fresh database and with every row it had. Both read the repository's git history;
// without it (a shallow clone, a source archive) they are skipped and say so.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './connect';
import { PILOT_SQL } from './pilot.fixture';
import { checksum, migrate, MIGRATIONS_DIR, readMigrations, type Migration } from './migrate';

/** Changed after they had landed (before migrations were checksummed): their present text is the baseline. */
const REBASELINED: Record<string, string> = {
	'0005_projects.sql': 'd0638f28ab7883b8d30b9da02ca45a487f648e199fae77f2d6e3ce7710b7182f',
	'0006_progress.sql': '209c1ee991b73d01e3832921c8da032538bb80704716840ada447470a535c861',
	'0008_dashboard_rollups.sql': '6ac3b295e5b5f4819249ecccbc5adf9d79eea09373570b86842c9926c4336ed7'
};

/** An earlier release: 0001–0007 as they are now, before the dashboard's rollups (0008) and the audit trail (0009). */
const EARLIER = 'fa289e4';

function git(...args: string[]): string | null {
	try {
		return execFileSync('git', args, {
			cwd: dirname(MIGRATIONS_DIR),
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
			maxBuffer: 64 << 20
		});
	} catch {
		return null;
	}
}

const history =
	git('rev-parse', '--is-shallow-repository')?.trim() === 'false' &&
	git('cat-file', '-e', `${EARLIER}^{commit}`) !== null;
if (!history)
	console.warn(
		'Migration history tests skipped: no full git history here (shallow clone or no git).'
	);

const files = () => readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{4}_[\w.-]+\.sql$/.test(f));

describe.skipIf(!history)('migrations that have landed', () => {
	it.each(files())('%s is as it was first committed', (file) => {
		const present = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
		if (REBASELINED[file]) {
			expect(checksum(present), `${file} changed after its new baseline`).toBe(REBASELINED[file]);
			return;
		}
		const path = `migrations/${file}`;
		const first = git('log', '--diff-filter=A', '--format=%H', '--', path)
			?.trim()
			.split('\n')
			.at(-1);
		if (!first) {
			// Not committed yet: it lands with this change.
			expect(git('cat-file', '-e', `HEAD:${path}`)).toBeNull();
			return;
		}
		expect(present, `${file} differs from commit ${first.slice(0, 7)}`).toBe(
			git('show', `${first}:${path}`)
		);
	});
});

/** The migrations of an earlier commit, read from git. */
function migrationsAt(commit: string): Migration[] {
	return git('ls-tree', '--name-only', `${commit}:migrations`)!
		.split('\n')
		.filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
		.sort()
		.map((name) => ({ name, sql: git('show', `${commit}:migrations/${name}`)! }));
}

type Sqlite = ReturnType<typeof openDatabase>['sqlite'];

/** A small pilot written with the earlier schema's columns only: every later migration must keep it. */
const addPilot = (sqlite: Sqlite) => sqlite.exec(PILOT_SQL);

const schemaOf = (sqlite: Sqlite) =>
	sqlite
		.prepare(
			"SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
		)
		.all();

/** Every row of every table (schema_migrations without its times), in a stable order. */
function rowsOf(sqlite: Sqlite) {
	const tables = sqlite
		.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
		.all() as { name: string }[];
	return Object.fromEntries(
		tables.map(({ name }) => {
			const cols = name === 'schema_migrations' ? 'name, checksum' : '*';
			const rows = sqlite.prepare(`SELECT ${cols} FROM "${name}"`).all();
			return [name, rows.map((r) => JSON.stringify(r)).sort()];
		})
	);
}

describe.skipIf(!history)('an upgrade from an earlier release', () => {
	it('ends with the schema of a fresh database and keeps (and rolls up) the earlier data', () => {
		const old = openDatabase(':memory:').sqlite;
		const earlier = migrationsAt(EARLIER);
		expect(earlier.map((m) => m.name)).toContain('0007_project_indexes.sql');
		// The migrator of that release: names only, no checksums.
		old.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
		for (const m of earlier) {
			old.exec(m.sql);
			old.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(m.name, Date.now());
		}
		addPilot(old);

		const applied = migrate(old);
		expect(applied).toEqual(
			readMigrations()
				.map((m) => m.name)
				.filter((n) => !earlier.some((m) => m.name === n))
		);

		const fresh = openDatabase(':memory:').sqlite;
		migrate(fresh);
		addPilot(fresh);
		expect(schemaOf(old)).toEqual(schemaOf(fresh));
		// The same rows, including what 0008's rollups computed from the earlier data.
		expect(rowsOf(old)).toEqual(rowsOf(fresh));
		const n = old.prepare('SELECT count(*) AS n FROM progress_mastery_school').get() as {
			n: number;
		};
		expect(n.n).toBeGreaterThan(0);
	});
});

/** Each migration as it was first committed (a pilot that migrated before 0005, 0006 and 0008 were edited). */
function firstVersions(upTo: string): Migration[] {
	return files()
		.filter((f) => !f.endsWith('.pg.sql') && f <= upTo)
		.map((name) => {
			const path = `migrations/${name}`;
			const first = git('log', '--diff-filter=A', '--format=%H', '--', path)!
				.trim()
				.split('\n')
				.at(-1)!;
			return { name, sql: git('show', `${first}:${path}`)! };
		});
}

describe.skipIf(!history)('a pilot migrated before 0005, 0006 and 0008 were edited', () => {
	it('is repaired by 0015: the tables and triggers the edits added, and rollups of its earlier data', () => {
		const old = openDatabase(':memory:').sqlite;
		const first = firstVersions('0008_dashboard_rollups.sql');
		expect(first.find((m) => m.name === '0005_projects.sql')!.sql).not.toContain('portfolio_files');
		old.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
		for (const m of first) {
			old.exec(m.sql);
			old.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(m.name, Date.now());
		}
		addPilot(old);
		expect(() => old.prepare('SELECT 1 FROM progress_mastery_class').get()).toThrow();

		const applied = migrate(old);
		expect(applied).toContain('0015_repair_edited_migrations.sql');

		const fresh = openDatabase(':memory:').sqlite;
		migrate(fresh);
		addPilot(fresh);
		expect(schemaOf(old)).toEqual(schemaOf(fresh));
		expect(rowsOf(old)).toEqual(rowsOf(fresh));
		const n = (table: string) =>
			(old.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
		expect(n('progress_mastery_class')).toBeGreaterThan(0);
		expect(n('progress_mastery_school')).toBeGreaterThan(0);
	});
});
