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

/**
 * Blockly's keyboard navigation: its package.json points bundlers at sources it does not ship, so the
 * built file is taken; that file's `require('blockly')` would add Blockly's English messages (and set
 * them as the locale) — it is given Blockly's core, which is all it uses.
 */
const keyboardNavigation: Plugin = {
	name: 'mam-stem-keyboard-navigation',
	enforce: 'pre',
	async resolveId(id, importer, options) {
		if (id === '@blockly/keyboard-navigation')
			return this.resolve('@blockly/keyboard-navigation/dist/index.js', importer, {
				...options,
				skipSelf: true
			});
		if (id === 'blockly' && importer?.includes('@blockly/keyboard-navigation'))
			return this.resolve('blockly/core', importer, { ...options, skipSelf: true });
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
		keyboardNavigation,
		sveltekit(),
		workers
	],
	server: { port: 5173 },
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node',
		testTimeout: 20000,
		// Hooks seed pilots and make or drop PostgreSQL databases: slower than 10 s on a loaded machine.
		hookTimeout: 60000
	}
});
