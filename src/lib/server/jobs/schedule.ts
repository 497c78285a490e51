// Jobs that must run once however many server processes serve (the nightly backup, audit pruning,
// retention): only the process allowed to run jobs schedules them. A cluster primary sets
// MAM_STEM_JOBS=0 in every worker but one; a single process runs them.

/** Vietnam keeps UTC+7 all year (no daylight saving): Asia/Ho_Chi_Minh. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether this process runs the scheduled jobs. */
export function runsJobs(env: NodeJS.ProcessEnv = process.env): boolean {
	return env.MAM_STEM_JOBS !== '0';
}

/** 'HH:MM' (Vietnam time) as minutes after midnight, or null when it is not a time of day. */
export function parseTimeOfDay(value: string): number | null {
	const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
	if (!match) return null;
	const [h, m] = [Number(match[1]), Number(match[2])];
	return h < 24 && m < 60 ? h * 60 + m : null;
}

/** Milliseconds from `now` to the next time the clock in Vietnam reads `minutes` after midnight. */
export function msUntilNext(minutes: number, now: number): number {
	const local = now + VIETNAM_OFFSET_MS;
	const sinceMidnight = ((local % DAY_MS) + DAY_MS) % DAY_MS;
	const wait = minutes * 60_000 - sinceMidnight;
	return wait > 0 ? wait : wait + DAY_MS;
}

export interface DailyJob {
	/** For the log: 'backup', 'retention', … */
	name: string;
	/** 'HH:MM', Vietnam time. */
	at: string;
	run: () => Promise<void>;
}

/**
 * Runs the job every day at its time (Vietnam), in this process only if it runs jobs. A failure is
 * logged and the next day's run still happens. Returns a function that cancels it (tests, shutdown).
 */
export function scheduleDaily(job: DailyJob, now: () => number = Date.now): () => void {
	const minutes = parseTimeOfDay(job.at);
	if (minutes === null) throw new Error(`${job.name}: "${job.at}" is not a time of day (HH:MM)`);
	if (!runsJobs()) return () => {};
	let timer: NodeJS.Timeout | undefined;
	let stopped = false;
	const arm = () => {
		timer = setTimeout(
			async () => {
				try {
					await job.run();
				} catch (e) {
					console.error(`Mầm STEM: the ${job.name} job failed:`, e);
				}
				if (!stopped) arm();
			},
			msUntilNext(minutes, now())
		);
		timer.unref();
	};
	arm();
	return () => {
		stopped = true;
		clearTimeout(timer);
	};
}
