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
		writeFileSync(join(dir, '_app', 'blockly-preload.json'), JSON.stringify(list));
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
		writeFileSync(join(dir, '_app', 'blockly-preload.json'), '{not json');
		process.env.MAM_STEM_CLIENT_DIR = dir;
		vi.resetModules();
		expect((await import('./preload')).blocklyPreload('vi')).toEqual([]);
	});
});
