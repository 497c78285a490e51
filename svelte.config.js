import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { buildWorkers } from './scripts/build-workers.js';

const node = adapter({ out: 'build' });

/**
 * The Content-Security-Policy of every page. 'auto': SvelteKit adds a nonce to its own inline
 * scripts on pages rendered per request (every page here) and a hash on prerendered ones; no other
 * script runs, and never eval (pupils' programs run in js-interpreter, which parses, not evals).
 * Styles: 'unsafe-inline' because Blockly (the exercise page, the teacher's exercise editor) injects
 * its stylesheet as a <style> element and positions blocks, menus and the toolbox with style
 * attributes, which no nonce or hash can cover; Svelte's style: directives, transitions and Chart.js
 * write style attributes too. Styles cannot run code, and scripts stay locked. SvelteKit adds no
 * nonce to style-src while 'unsafe-inline' is there (a nonce would make browsers ignore it).
 * Images: our own files (photos are served by the app, Blockly's media is bundled) and data: URIs
 * (Blockly's inline icons and cursors); no blob: or other hosts, nothing uses them. Fonts: ours and
 * data: URIs (the build inlines KaTeX's smallest font files into its stylesheet).
 * Violations are reported to /csp-report (src/routes/csp-report), which logs a line.
 */
/** @type {import('@sveltejs/kit').KitConfig['csp']} */
const csp = {
	mode: 'auto',
	directives: {
		'default-src': ['self'],
		'script-src': ['self'],
		'style-src': ['self', 'unsafe-inline'],
		'img-src': ['self', 'data:'],
		'font-src': ['self', 'data:'],
		'connect-src': ['self'],
		'media-src': ['self'],
		'worker-src': ['self'],
		'manifest-src': ['self'],
		'frame-src': ['none'],
		'frame-ancestors': ['none'],
		'object-src': ['none'],
		'base-uri': ['self'],
		'form-action': ['self'],
		'report-uri': ['/csp-report']
	}
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	// Our components are runes components, as `sv create` sets it: one compiled as a legacy component
	// (no rune in it) switches Svelte's legacy mode on for the whole page, and the exercise page
	// fetched that flag's module as a file of its own.
	compilerOptions: {
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		csp,
		// Stylesheets under 8 KB are written into the page: no request (a round trip on a thin link)
		// before the page is drawn.
		inlineStyleThreshold: 8192,
		// adapter-node, then the worker threads' bundles beside the server (build/workers).
		adapter: {
			...node,
			async adapt(builder) {
				await node.adapt(builder);
				builder.log.minor('Building worker threads');
				await buildWorkers('build/workers', { force: true });
			}
		}
	}
};

export default config;
