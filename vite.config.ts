import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import type { Rollup } from 'vite';
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

/**
 * Blockly's messages for the browser: the UMD file of a language (its one export, the table), not the
 * ES module beside it, which names each of the ~700 messages once more (11 KB brotli instead of 7).
 * `vite dev` keeps the ES module (its namespace is the same table).
 */
const blocklyMessages: Plugin = {
	name: 'mam-stem-blockly-messages',
	enforce: 'pre',
	apply: 'build',
	async resolveId(id, importer, options) {
		if (/^blockly\/msg\/(vi|en)$/.test(id) && this.environment?.name === 'client') {
			const esm = await this.resolve(id, importer, { ...options, skipSelf: true });
			return esm && { ...esm, id: esm.id.replace(/\.mjs$/, '.js') };
		}
	}
};

/**
 * The browser's chunks, for schools on a thin link (HTTP/1.1: six connections, each request a round
 * trip): Blockly's core, blocks and JavaScript generator are one file (the exercise page asks for them
 * together); what twelve pages or more import is one file (Svelte, SvelteKit's client, the layout's
 * parts); Paraglide's messages, one tiny module each, are grouped by the pages that use them, small
 * groups merged into a neighbour. A page loads 10–20 files instead of 25–35 (npm run bench:pages).
 * Two sets join the common file whatever their share count: what the root error page needs beyond
 * it (SvelteKit imports that page as soon as any page starts, and its files, fetched after the common
 * one, delayed the load event), and what nearly every page imports through the root layout or
 * SvelteKit's client, which the share count had left in three small files of their own (Svelte's
 * version mark, the messages' registry, SvelteKit's navigation and forms, dates, icons; Vite's preload
 * helper; the network state): a page without Blockly loaded 18 files where it now loads 15.
 */
const ERROR_PAGE_MODULES =
	/src[\\/]lib[\\/]paraglide[\\/]messages[\\/](app_name|error_not_found|error_forbidden|error_generic|back_home)\.js$|@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]app[\\/]state[\\/]/;
const EVERY_PAGE_MODULES =
	/vite[\\/]preload-helper|svelte[\\/]src[\\/]internal[\\/]disclose-version|src[\\/]lib[\\/]offline[\\/]network|src[\\/]lib[\\/]paraglide[\\/]registry|@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]app[\\/](navigation|forms)\.js|src[\\/]lib[\\/]dates\.ts|src[\\/]lib[\\/]components[\\/]icons[\\/]/;
const chunks: Plugin = {
	name: 'mam-stem-chunks',
	apply: 'build',
	applyToEnvironment: (environment) => environment.name === 'client',
	outputOptions(options) {
		return {
			...options,
			codeSplitting: {
				groups: [
					// Blockly's core and blocks; its messages and JavaScript generator come apart (load.ts)
					{
						name: 'blockly',
						test: /node_modules[\\/]blockly[\\/](?!msg[\\/]|javascript)/,
						priority: 20
					},
					{ name: 'common', tags: ['$initial'], minShareCount: 12, priority: 10 },
					{
						name: 'common',
						test: (id) => ERROR_PAGE_MODULES.test(id) || EVERY_PAGE_MODULES.test(id),
						priority: 11
					},
					{
						name: 'shared',
						// Paraglide's messages, a tiny module each: grouped by the pages that use them
						test: /src[\\/]lib[\\/]paraglide[\\/]/,
						tags: ['$initial'],
						minShareCount: 2,
						entriesAware: true,
						entriesAwareMergeThreshold: 20000,
						priority: 5
					}
				]
			}
		};
	}
};

/**
 * The files loadBlockly (src/lib/blockly/load.ts) imports — Blockly, its blocks, our blocks, and each
 * language's messages — and the root error page's script, listed in _app/preload.json
 * ({ common: [...], vi: [...], en: [...], errorPage: [...] }). The server (src/lib/server/preload.ts)
 * names Blockly's in the HTML of the pages with a workspace as modulepreload links, so they download
 * alongside the page's own scripts instead of after them; the error page's on every page (SvelteKit's
 * client imports it as soon as a page starts, which on a thin link was a round trip of its own after
 * the shared file). Left out: what comes once the workspace is drawn (Blockly's JavaScript generator
 * and js-interpreter, to run; the keyboard navigation).
 */
const BLOCKLY_FILES =
	/node_modules[\\/]blockly[\\/](?!javascript)|src[\\/]lib[\\/]blockly[\\/]register\.ts$/;
const preloadList: Plugin = {
	name: 'mam-stem-preload-list',
	apply: 'build',
	applyToEnvironment: (environment) => environment.name === 'client',
	generateBundle(_options, bundle) {
		const chunks = new Map<string, Rollup.OutputChunk>();
		for (const c of Object.values(bundle)) if (c.type === 'chunk') chunks.set(c.fileName, c);
		const lists: Record<string, Set<string>> = { common: new Set() };
		const add = (list: Set<string>, file: string) => {
			if (list.has(file)) return;
			list.add(file);
			for (const i of chunks.get(file)?.imports ?? []) add(list, i);
		};
		for (const chunk of chunks.values()) {
			if (!chunk.moduleIds.some((id) => BLOCKLY_FILES.test(id))) continue;
			const locale = chunk.moduleIds
				.map((id) => /blockly[\\/]msg[\\/](\w+)\.m?js$/.exec(id)?.[1])
				.find(Boolean);
			add((lists[locale ?? 'common'] ??= new Set()), chunk.fileName);
		}
		const errorPage = [...chunks.values()].find((c) =>
			/generated[\\/]client-optimized[\\/]nodes[\\/]1\.js$/.test(c.facadeModuleId ?? '')
		);
		if (errorPage) lists.errorPage = new Set([errorPage.fileName]);
		const json = Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, [...v]]));
		this.emitFile({
			type: 'asset',
			fileName: '_app/preload.json',
			source: JSON.stringify(json)
		});
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
		blocklyMessages,
		sveltekit(),
		chunks,
		preloadList,
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
