// Bundles the code that runs in worker threads (src/lib/server/workers/*.worker.ts) into plain ESM files
// that `new Worker()` can load: the built app's build/workers/ (svelte.config.js, after adapter-node),
// and .svelte-kit/workers/ for `vite dev` and vitest (vite.config.ts). Dependencies stay external, as in
// the server build, so the workers load the same blockly, js-interpreter and exceljs from node_modules.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const source = join(root, 'src/lib/server/workers');

export const WORKER_ENTRIES = ['grade', 'prepare', 'sheets', 'checkpoint'];

function newest(path) {
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	let latest = st.mtimeMs;
	for (const entry of readdirSync(path)) {
		if (entry === 'paraglide' || entry.endsWith('.spec.ts')) continue;
		latest = Math.max(latest, newest(join(path, entry)));
	}
	return latest;
}

/** True when every bundle in outDir is newer than the sources under src/lib. */
export function workersFresh(outDir) {
	const files = WORKER_ENTRIES.map((e) => join(outDir, `${e}.js`));
	if (!files.every((f) => existsSync(f))) return false;
	const built = Math.min(...files.map((f) => statSync(f).mtimeMs));
	return built > newest(join(root, 'src/lib'));
}

export async function buildWorkers(outDir, { force = false } = {}) {
	if (!force && workersFresh(outDir)) return;
	const { build } = await import('vite');
	const tmp = `${outDir}.tmp-${process.pid}`;
	const input = Object.fromEntries(WORKER_ENTRIES.map((e) => [e, join(source, `${e}.worker.ts`)]));
	await build({
		configFile: false,
		root,
		logLevel: 'warn',
		resolve: { alias: { $lib: join(root, 'src/lib') } },
		build: {
			ssr: true,
			outDir: tmp,
			emptyOutDir: true,
			minify: false,
			target: 'node20',
			rollupOptions: {
				input,
				output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' }
			}
		}
	});
	rmSync(outDir, { recursive: true, force: true });
	renameSync(tmp, outDir);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	await buildWorkers(process.argv[2] ?? join(root, '.svelte-kit/workers'), { force: true });
}
