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

describe('a refusal the teacher or the team can act on says what to do, not “not valid”', () => {
	afterEach(() => (locale = 'vi'));

	it('a review without feedback (or past 5,000 characters) asks for feedback', () => {
		expect(projectError('feedback')).toContain('nhận xét');
		expect(projectError('feedback')).not.toBe(projectError('invalid'));
		locale = 'en';
		expect(projectError('feedback')).toContain('feedback');
	});

	it('a team with work cannot be removed; a locked project says so', () => {
		expect(projectError('has_work')).toContain('đã có bài làm');
		expect(projectError('closed')).toContain('khoá');
		for (const code of ['has_work', 'closed', 'scores', 'size'] as const)
			expect(projectError(code)).not.toBe(projectError('invalid'));
	});

	it('a file of the wrong kind has the files’ words, the rest the photos’', () => {
		expect(fileError('type')).not.toBe(projectError('type'));
		expect(fileError('closed')).toBe(projectError('closed'));
	});
});
