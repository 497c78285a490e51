// npm run test:postgres: every database suite of vitest on PostgreSQL (a fresh schema per suite, in a
// throwaway database made here and dropped at the end), then the browser journeys on PostgreSQL.
// TEST_DATABASE_URL names a database of the server to use for that (default: the CI machines' service).
// --unit-only skips the journeys.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const root = new URL('..', import.meta.url).pathname;
const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const unitOnly = process.argv.includes('--unit-only');
const extra = process.argv.slice(2).filter((a) => a !== '--unit-only');

async function admin(sql) {
	const client = new pg.Client({ connectionString: base, connectionTimeoutMillis: 5000 });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

const name = `mamstem_test_${randomBytes(4).toString('hex')}`;
try {
	await admin(`CREATE DATABASE ${name}`);
} catch (e) {
	console.error(`PostgreSQL suites not run: ${base} cannot be used (${e.message.split('\n')[0]}).`);
	console.error(
		'Set TEST_DATABASE_URL to a PostgreSQL server where the user may create databases.'
	);
	process.exit(1);
}
const url = new URL(base);
url.pathname = `/${name}`;
const env = { ...process.env, TEST_ENGINE: 'postgres', TEST_DATABASE_URL: url.toString() };

function run(label, cmd, args, more = {}) {
	console.log(`\n▶ ${label}`);
	const started = Date.now();
	const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...more } });
	console.log(
		`${label}: ${r.status === 0 ? 'passed' : 'failed'} in ${Math.round((Date.now() - started) / 1000)} s`
	);
	return r.status === 0;
}

// The suites import the compiled messages, which a fresh clone does not have yet.
let ok = run('Compile messages (Paraglide)', 'npm', ['run', '--silent', 'i18n']);
ok &&= run('Unit tests on PostgreSQL (vitest)', 'npx', ['vitest', 'run', ...extra]);
if (ok && !unitOnly) {
	await admin(`CREATE DATABASE ${name}_e2e`);
	const e2e = new URL(base);
	e2e.pathname = `/${name}_e2e`;
	ok = run(
		'Browser journeys on PostgreSQL (Playwright)',
		'node',
		['scripts/test.js', '--e2e-only'],
		{
			E2E_DATABASE_URL: e2e.toString()
		}
	);
	await admin(`DROP DATABASE IF EXISTS ${name}_e2e WITH (FORCE)`).catch(() => {});
	if (ok) {
		// The journeys built the app: two instances of it over one PostgreSQL database.
		await admin(`CREATE DATABASE ${name}_inst`);
		const inst = new URL(base);
		inst.pathname = `/${name}_inst`;
		ok = run('Two instances over one PostgreSQL database', 'node', ['scripts/instances-test.js'], {
			INSTANCES_DATABASE_URL: inst.toString()
		});
		await admin(`DROP DATABASE IF EXISTS ${name}_inst WITH (FORCE)`).catch(() => {});
	}
}
await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
console.log(ok ? '\n✓ PostgreSQL suites passed' : '\n✗ PostgreSQL suites failed');
process.exit(ok ? 0 : 1);
