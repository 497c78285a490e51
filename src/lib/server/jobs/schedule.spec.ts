import { afterEach, describe, expect, it, vi } from 'vitest';
import { msUntilNext, parseTimeOfDay, runsJobs, scheduleDaily } from './schedule';

describe('daily jobs', () => {
	afterEach(() => {
		vi.useRealTimers();
		delete process.env.MAM_STEM_JOBS;
	});

	it('reads HH:MM and refuses anything else', () => {
		expect(parseTimeOfDay('02:00')).toBe(120);
		expect(parseTimeOfDay('23:59')).toBe(23 * 60 + 59);
		expect(parseTimeOfDay('24:00')).toBeNull();
		expect(parseTimeOfDay('2h')).toBeNull();
	});

	it('counts to the next time in Vietnam (UTC+7), today or tomorrow', () => {
		// 18:30 UTC is 01:30 in Hà Nội: 02:00 comes in 30 minutes.
		const now = Date.UTC(2026, 11, 1, 18, 30);
		expect(msUntilNext(120, now)).toBe(30 * 60_000);
		// 19:00 UTC is 02:00 in Hà Nội: the next one is a day away.
		expect(msUntilNext(120, Date.UTC(2026, 11, 1, 19, 0))).toBe(24 * 60 * 60_000);
	});

	it('runs only in the process that runs jobs', () => {
		expect(runsJobs({})).toBe(true);
		expect(runsJobs({ MAM_STEM_JOBS: '0' })).toBe(false);
	});

	it('runs every day at its time, goes on after a failure, and not at all where jobs are off', async () => {
		vi.useFakeTimers({ now: Date.UTC(2026, 11, 1, 18, 0) }); // 01:00 in Vietnam
		const runs: number[] = [];
		const stop = scheduleDaily({
			name: 'test',
			at: '02:00',
			run: async () => {
				runs.push(Date.now());
				if (runs.length === 1) throw new Error('disk full');
			}
		});
		const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
		await vi.advanceTimersByTimeAsync(60 * 60_000);
		expect(runs).toEqual([Date.UTC(2026, 11, 1, 19, 0)]);
		await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
		expect(runs).toHaveLength(2);
		stop();
		quiet.mockRestore();

		process.env.MAM_STEM_JOBS = '0';
		const none: number[] = [];
		scheduleDaily({ name: 'off', at: '02:00', run: async () => void none.push(1) });
		await vi.advanceTimersByTimeAsync(2 * 24 * 60 * 60_000);
		expect(none).toEqual([]);
	});
});
