import { describe, expect, it } from 'vitest';
import { formatDate, formatTime } from './dates';

describe('dates as the pages show them', () => {
	it('writes a day dd/mm/yyyy, and nothing for none', () => {
		expect(formatDate('2026-12-01')).toBe('01/12/2026');
		expect(formatDate(null)).toBe('');
	});
	it('writes a moment in Vietnam’s time whatever the machine’s zone', () => {
		// 17:30 UTC on 31 December is already 00:30 on 1 January in Vietnam.
		expect(formatTime(Date.parse('2026-12-31T17:30:00Z'))).toBe('2027-01-01 00:30');
	});
});
