// npm start: build when the build is missing or older than the sources, then serve.
// Migrations and the demo seed run inside the server as it starts (src/lib/server/startup.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const SOURCES = [
	'src',
	'static',
	'messages',
	'project.inlang/settings.json',
	'svelte.config.js',
	'vite.config.ts',
	'package.json',
	'package-lock.json'
];

function newest(path) {
	if (!existsSync(path)) return 0;
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	let latest = st.mtimeMs;
	for (const entry of readdirSync(path)) {
		if (entry === 'paraglide' || entry === 'node_modules') continue; // generated
		latest = Math.max(latest, newest(join(path, entry)));
	}
	return latest;
}

const marker = join(root, 'build', 'handler.js');
const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
const sources = Math.max(...SOURCES.map((s) => newest(join(root, s))));
if (process.argv.includes('--no-build')) {
	// used by the tests, which build once beforehand
} else if (built < sources) {
	console.log(
		built ? 'Mầm STEM: sources changed, rebuilding…' : 'Mầm STEM: first start, building…'
	);
	const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (r.status !== 0) {
		console.error('Mầm STEM: the build failed; see the messages above.');
		process.exit(r.status ?? 1);
	}
}
await import('./serve.js');
