import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const before = process.env.MAM_STEM_CLIENT_DIR;
const dirs: string[] = [];

/** A fresh copy of the module (it reads the list once) over a built client holding `list`. */
async function withList(list: unknown) {
	const dir = mkdtempSync(join(tmpdir(), 'mam-stem-preload-'));
	dirs.push(dir);
	if (list !== undefined) {
		mkdirSync(join(dir, '_app'));
		writeFileSync(join(dir, '_app', 'preload.json'), JSON.stringify(list));
	}
	process.env.MAM_STEM_CLIENT_DIR = dir;
	vi.resetModules();
	return (await import('./preload')).blocklyPreload;
}

afterEach(() => {
	process.env.MAM_STEM_CLIENT_DIR = before;
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('blocklyPreload', () => {
	const list = {
		common: ['_app/immutable/chunks/blockly.js', '_app/immutable/chunks/runtime.js'],
		vi: ['_app/immutable/chunks/vi.js', '_app/immutable/chunks/runtime.js'],
		en: ['_app/immutable/chunks/en.js', '_app/immutable/chunks/runtime.js']
	};

	it("names Blockly's files and the page language's messages, each once", async () => {
		const preload = await withList(list);
		expect(preload('vi')).toEqual([
			'/_app/immutable/chunks/blockly.js',
			'/_app/immutable/chunks/runtime.js',
			'/_app/immutable/chunks/vi.js'
		]);
		expect(preload('en')).toContain('/_app/immutable/chunks/en.js');
		expect(preload('en')).not.toContain('/_app/immutable/chunks/vi.js');
	});

	it('names nothing without a build (vite dev, a missing or unreadable list)', async () => {
		expect((await withList(undefined))('vi')).toEqual([]);
		const dir = mkdtempSync(join(tmpdir(), 'mam-stem-preload-'));
		dirs.push(dir);
		mkdirSync(join(dir, '_app'));
		writeFileSync(join(dir, '_app', 'preload.json'), '{not json');
		process.env.MAM_STEM_CLIENT_DIR = dir;
		vi.resetModules();
		expect((await import('./preload')).blocklyPreload('vi')).toEqual([]);
	});
});

describe('errorPagePreload', () => {
	it('names the root error page’s script from the build’s list, and nothing without one', async () => {
		await withList({ common: [], errorPage: ['_app/immutable/nodes/1.abc.js'] });
		const { errorPagePreload } = await import('./preload');
		expect(errorPagePreload()).toEqual(['/_app/immutable/nodes/1.abc.js']);
		await withList(undefined);
		expect((await import('./preload')).errorPagePreload()).toEqual([]);
	});
});

describe('preloadFirst', () => {
	const page = (link?: string, type = 'text/html') =>
		new Response('<html></html>', {
			headers: { 'content-type': type, ...(link ? { link } : {}) }
		});
	const theirs = '</_app/immutable/entry/start.js>; rel="modulepreload"; nopush';

	it("puts the page's files before SvelteKit's own in the Link header", async () => {
		const { preloadFirst } = await import('./preload');
		const response = page(theirs);
		preloadFirst(response, ['/_app/immutable/chunks/blockly.js', '/_app/immutable/chunks/vi.js']);
		expect(response.headers.get('link')).toBe(
			'</_app/immutable/chunks/blockly.js>; rel="modulepreload"; nopush, ' +
				'</_app/immutable/chunks/vi.js>; rel="modulepreload"; nopush, ' +
				theirs
		);
		const alone = page();
		preloadFirst(alone, ['/_app/immutable/chunks/blockly.js']);
		expect(alone.headers.get('link')).toBe(
			'</_app/immutable/chunks/blockly.js>; rel="modulepreload"; nopush'
		);
	});

	it('leaves other answers and pages without preloads as they are', async () => {
		const { preloadFirst } = await import('./preload');
		const data = page(theirs, 'application/json');
		preloadFirst(data, ['/_app/immutable/chunks/blockly.js']);
		expect(data.headers.get('link')).toBe(theirs);
		const none = page(theirs);
		preloadFirst(none, undefined);
		preloadFirst(none, []);
		expect(none.headers.get('link')).toBe(theirs);
	});
});

describe('preloadLast', () => {
	const theirs = '</_app/immutable/entry/start.js>; rel="modulepreload"; nopush';
	const page = (type = 'text/html', link: string | null = theirs) =>
		new Response('<html></html>', { headers: { 'content-type': type, ...(link ? { link } : {}) } });

	it('puts the files after those the Link header already names, on HTML pages only', async () => {
		const { preloadFirst, preloadLast } = await import('./preload');
		const html = page();
		preloadFirst(html, ['/_app/immutable/chunks/blockly.js']);
		preloadLast(html, ['/_app/immutable/nodes/1.abc.js']);
		expect(html.headers.get('link')).toBe(
			'</_app/immutable/chunks/blockly.js>; rel="modulepreload"; nopush, ' +
				theirs +
				', </_app/immutable/nodes/1.abc.js>; rel="modulepreload"; nopush'
		);
		const alone = page('text/html', null);
		preloadLast(alone, ['/_app/immutable/nodes/1.abc.js']);
		expect(alone.headers.get('link')).toBe(
			'</_app/immutable/nodes/1.abc.js>; rel="modulepreload"; nopush'
		);
		const data = page('application/json');
		preloadLast(data, ['/_app/immutable/nodes/1.abc.js']);
		expect(data.headers.get('link')).toBe(theirs);
		const none = page();
		preloadLast(none, []);
		expect(none.headers.get('link')).toBe(theirs);
	});
});
