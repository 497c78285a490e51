import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import { fileError, projectError } from './messages';

let locale: Locale = 'vi';
overwriteGetLocale(() => locale);

describe('refused photos name their cause, in Vietnamese and English', () => {
	afterEach(() => (locale = 'vi'));

	it('HEIC: the format, and what to do on an iPhone', () => {
		expect(projectError('heic')).toContain('HEIC');
		expect(projectError('heic')).toContain('Cài đặt › Camera › Định dạng › Tương thích nhất');
		locale = 'en';
		expect(projectError('heic')).toContain('Settings › Camera › Formats › Most Compatible');
	});

	it('too big: the limit in MB, never “choose a photo”', () => {
		expect(projectError('too_big')).toContain('15 MB');
		expect(projectError('too_big')).not.toBe(projectError('missing_file'));
		expect(fileError('too_big')).toContain('15 MB');
		locale = 'en';
		expect(projectError('too_big')).toContain('larger than 15 MB');
		expect(fileError('too_big')).toContain('larger than 15 MB');
	});
});
