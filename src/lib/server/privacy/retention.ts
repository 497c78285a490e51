// The retention period: a pupil whose enrolments have all ended (who left the pilot) more than
// RETENTION_YEARS (default 5) years ago is erased, as an erasure on request is (erase.ts), by the server
// once a day at RETENTION_AT (default 03:30, Vietnam time). Each run records 'retention.erased' with
// its count, even 0, so the admin's home page can say when it last ran; nothing else is stored.
import { sql } from 'kysely';
import type { Conn, DB } from '../db';
import { record, SYSTEM } from '../audit/log';
import { today } from '../classes/pupils';
import { scheduleDaily } from '../jobs/schedule';
import { erasePupil } from './erase';

export const DEFAULT_RETENTION_YEARS = 5;

/** RETENTION_YEARS, a whole number of years of at least 1; the default when unset or not one. */
export function retentionYears(env: NodeJS.ProcessEnv = process.env): number {
	const years = Number(env.RETENTION_YEARS);
	return Number.isInteger(years) && years >= 1 ? years : DEFAULT_RETENTION_YEARS;
}

/** The last day an enrolment may have ended for its pupil to be due: today (Vietnam), `years` ago. */
export function cutoffDay(years: number, now = Date.now()): string {
	const t = today(now);
	return `${Number(t.slice(0, 4)) - years}${t.slice(4)}`;
}

/** The pupils due for erasure: not erased, every enrolment ended, the last one before the cutoff. */
export async function duePupils(db: Conn, years: number, now = Date.now()): Promise<number[]> {
	const rows = await db
		.selectFrom('enrolments as e')
		.innerJoin('users as u', 'u.id', 'e.pupil_id')
		.select('e.pupil_id')
		.where('u.role', '=', 'student')
		.where('u.erased_at', 'is', null)
		.groupBy('e.pupil_id')
		.having(sql<boolean>`COUNT(*) = COUNT(e.ended_on)`)
		.having(sql`MAX(e.ended_on)`, '<', cutoffDay(years, now))
		.orderBy('e.pupil_id')
		.execute();
	return rows.map((r) => r.pupil_id);
}

/** One run: erases every pupil due, each in a transaction of its own, and records the count. */
export async function runRetention(
	db: DB,
	years = retentionYears(),
	now = Date.now()
): Promise<number> {
	let count = 0;
	for (const id of await duePupils(db, years, now))
		if ((await erasePupil(db, SYSTEM, id, now, 'retention')).erased) count++;
	await record(db, SYSTEM, { action: 'retention.erased', detail: { count, years } }, now);
	return count;
}

export interface RetentionStatus {
	years: number;
	/** Pupils erased by the retention period, in the audit trail kept. */
	erased: number;
	/** When it last ran, ms since the epoch, and how many it erased then. */
	lastRun: { at: number; count: number } | null;
	/** Pupils who would be erased at the next run. */
	due: number;
}

/** What the admin's home page says about retention, read from the audit trail. */
export async function retentionStatus(
	db: Conn,
	years = retentionYears(),
	now = Date.now()
): Promise<RetentionStatus> {
	const last = await db
		.selectFrom('audit_log')
		.select(['at', 'detail'])
		.where('action', '=', 'retention.erased')
		.orderBy('at', 'desc')
		.orderBy('id', 'desc')
		.executeTakeFirst();
	const erased = await db
		.selectFrom('audit_log')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('action', '=', 'pupil.erased')
		.where('actor_role', '=', 'system')
		.executeTakeFirstOrThrow();
	let count = 0;
	try {
		count = Number(JSON.parse(last?.detail ?? '{}').count) || 0;
	} catch {
		// an entry without a readable count counts as none
	}
	return {
		years,
		erased: Number(erased.n),
		lastRun: last ? { at: Number(last.at), count } : null,
		due: (await duePupils(db, years, now)).length
	};
}

/** The daily run, in the process that runs jobs (startup.ts). */
export function scheduleRetention(db: DB, env: NodeJS.ProcessEnv = process.env): () => void {
	return scheduleDaily({
		name: 'retention',
		at: env.RETENTION_AT ?? '03:30',
		run: async () => {
			const count = await runRetention(db, retentionYears(env));
			if (count) console.log(`Mầm STEM: retention erased ${count} pupil(s)`);
		}
	});
}
