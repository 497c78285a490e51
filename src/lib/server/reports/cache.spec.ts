import { describe, expect, it } from 'vitest';
import { cached, clearCache } from './cache';

describe('dashboard cache', () => {
	it('serves a fresh value, then a stale one while it refreshes', async () => {
		clearCache();
		let calls = 0;
		const compute = async () => ++calls;
		expect(await cached('k', compute, 1000, 0)).toBe(1);
		expect(await cached('k', compute, 1000, 500)).toBe(1);
		expect(await cached('k', compute, 1000, 1500)).toBe(1); // stale: served, refresh scheduled
		await new Promise((r) => setTimeout(r, 10));
		expect(calls).toBe(2);
		expect(await cached('k', compute, 1000, Date.now())).toBe(2);
	});
});
