import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// The choice is remembered in a cookie; Vietnamese when nothing was chosen.
			strategy: ['cookie', 'baseLocale']
		}),
		sveltekit()
	],
	server: { port: 5173 },
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node',
		testTimeout: 20000
	}
});
