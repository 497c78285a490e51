// The Blockly files a page with a workspace will import, and the root error page's script every page
// imports as it starts, named as modulepreload links in the response: on a thin link they then
// download with the page's own scripts, not after the page has started. The build lists them in
// _app/preload.json (vite.config.ts); scripts/serve.js says where the built client is
// (MAM_STEM_CLIENT_DIR). Without a build (vite dev, unit tests): none.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let lists: Record<string, string[]> | undefined;

/**
 * The hrefs to preload for the exercise and free-play pages, in the page's language; also noted for
 * the response's Link header (see preloadFirst), so the browser asks for Blockly before the page's
 * own small scripts.
 */
export function preloadBlockly(event: { locals: App.Locals }, locale: string): string[] {
	event.locals.preload = blocklyPreload(locale);
	return event.locals.preload;
}

/**
 * Puts the page's preloads (locals.preload) at the head of the response's Link header. SvelteKit
 * names the page's own 20–30 small scripts there; a browser on HTTP/1.1 sends six at a time in that
 * order, so Blockly's file (over half the bytes) waited for four rounds of them before it started, and
 * the thin link idled meanwhile. First, it downloads from the start (npm run bench:pages).
 */
export function preloadFirst(response: Response, hrefs: string[] | undefined): void {
	if (!hrefs?.length || !response.headers.get('content-type')?.startsWith('text/html')) return;
	const theirs = response.headers.get('link');
	response.headers.set('link', [...links(hrefs), ...(theirs ? [theirs] : [])].join(', '));
}

/**
 * Adds preloads after those the Link header holds: the root error page's script, which SvelteKit's
 * client imports as soon as any page starts (npm run bench:pages: a round trip of its own, after the
 * shared file had arrived, before the page was hydrated).
 */
export function preloadLast(response: Response, hrefs: string[]): void {
	if (!hrefs.length || !response.headers.get('content-type')?.startsWith('text/html')) return;
	const theirs = response.headers.get('link');
	response.headers.set('link', [...(theirs ? [theirs] : []), ...links(hrefs)].join(', '));
}

const links = (hrefs: string[]) =>
	hrefs.map((href) => `<${encodeURI(href)}>; rel="modulepreload"; nopush`);

function readLists(): Record<string, string[]> {
	if (!lists) {
		const dir = process.env.MAM_STEM_CLIENT_DIR;
		try {
			lists = dir ? JSON.parse(readFileSync(join(dir, '_app', 'preload.json'), 'utf8')) : {};
		} catch {
			lists = {};
		}
	}
	return lists!;
}

/** The root error page's script (SvelteKit's client imports it whatever the page). */
export function errorPagePreload(): string[] {
	return (readLists().errorPage ?? []).map((file) => `/${file}`);
}

/** The hrefs to preload for the exercise and free-play pages, in the page's language. */
export function blocklyPreload(locale: string): string[] {
	const all = readLists();
	const files = new Set([...(all.common ?? []), ...(all[locale] ?? [])]);
	return [...files].map((file) => `/${file}`);
}
