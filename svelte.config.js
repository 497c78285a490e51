import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { buildWorkers } from './scripts/build-workers.js';

const node = adapter({ out: 'build' });

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
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
