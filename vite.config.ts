import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig, type Plugin } from 'vitest/config';
import { buildWorkers } from './scripts/build-workers.js';

/** `vite dev` and vitest: bundle the worker threads' code (src/lib/server/workers) when it changed. */
const workers: Plugin = {
	name: 'mam-stem-workers',
	apply: 'serve',
	async configureServer() {
		await buildWorkers('.svelte-kit/workers');
	}
};

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// The choice is remembered in a cookie; Vietnamese when nothing was chosen.
			strategy: ['cookie', 'baseLocale']
		}),
		sveltekit(),
		workers
	],
	server: { port: 5173 },
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node',
		testTimeout: 20000
	}
});
