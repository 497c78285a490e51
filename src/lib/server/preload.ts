// The Blockly files a page with a workspace will import, for <link rel="modulepreload"> in its HTML:
// on a thin link they then download with the page's own scripts, not after the page has started.
// The build lists them in _app/blockly-preload.json (vite.config.ts); scripts/serve.js says where the
// built client is (MAM_STEM_CLIENT_DIR). Without a build (vite dev, unit tests): none.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let lists: Record<string, string[]> | undefined;

/** The hrefs to preload for the exercise and free-play pages, in the page's language. */
export function blocklyPreload(locale: string): string[] {
	if (!lists) {
		const dir = process.env.MAM_STEM_CLIENT_DIR;
		try {
			lists = dir
				? JSON.parse(readFileSync(join(dir, '_app', 'blockly-preload.json'), 'utf8'))
				: {};
		} catch {
			lists = {};
		}
	}
	const files = new Set([...(lists!.common ?? []), ...(lists![locale] ?? [])]);
	return [...files].map((file) => `/${file}`);
}
