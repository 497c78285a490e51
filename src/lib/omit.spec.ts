import { describe, expect, it } from 'vitest';
import { omit } from './omit';

describe('omit', () => {
	it('copies the object without the keys', () => {
		const source = { a: 1, b: 'two', c: [3] };
		const copy = omit(source, 'a', 'c');
		expect(copy).toEqual({ b: 'two' });
		expect(Object.keys(copy)).toEqual(['b']);
		expect(source).toEqual({ a: 1, b: 'two', c: [3] });
	});
});
