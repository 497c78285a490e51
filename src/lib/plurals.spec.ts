// English says "1 point" and "2 points"; Vietnamese has one form. Checked on the messages pages use.
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages';

const en = { locale: 'en' as const };
const vi = { locale: 'vi' as const };

describe('plurals', () => {
	it('English counts one thing in the singular and others in the plural', () => {
		expect(m.proj_points({ points: 1 }, en)).toBe('1 point');
		expect(m.proj_points({ points: 3 }, en)).toBe('3 points');
		expect(m.progress_n_attempts({ n: 1 }, en)).toBe('1 attempt');
		expect(m.progress_n_attempts({ n: 0 }, en)).toBe('0 attempts');
		expect(m.pupil_count({ count: 1 }, en)).toBe('1 pupil');
		expect(m.exercise_count({ count: '1' }, en)).toBe('1 exercise');
		expect(m.audit_count({ count: '21' }, en)).toBe('21 entries');
		expect(m.import_saved({ count: 1 }, en)).toBe('1 pupil was added to the class.');
	});
	it('Vietnamese keeps its one form', () => {
		expect(m.proj_points({ points: 1 }, vi)).toBe('1 điểm');
		expect(m.progress_n_attempts({ n: 2 }, vi)).toBe('2 lượt');
	});
});
