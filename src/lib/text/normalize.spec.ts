import { describe, expect, it } from 'vitest';
import { cleanText, foldKey } from './normalize';

describe('cleanText', () => {
	it('stores NFC and folds white space', () => {
		const nfd = '  Hoàng   Thị Hoa '.normalize('NFD');
		expect(cleanText(nfd)).toBe('Hoàng Thị Hoa'.normalize('NFC'));
		expect(cleanText(nfd)).toHaveLength('Hoàng Thị Hoa'.normalize('NFC').length);
	});
});

describe('foldKey', () => {
	it('ignores case and diacritics, and đ matches d', () => {
		expect(foldKey('Động cơ ĐIỆN')).toBe('dong co dien');
		expect(foldKey('Họ và tên'.normalize('NFD'))).toBe('ho va ten');
	});
});
