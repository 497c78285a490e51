// One set of figures: the facts every dashboard view of a school year and period is cut from (the
// province's roster, its classes with their teachers, and every indicator's facts at the grain its
// breakdowns and drill-downs need), taken as a whole, stored as one row in the database (so every server
// process reads the same), and replaced as a whole by a newer row. A view, its export and its printed
// report are cut from one snapshot's facts only (no live table is read after it was taken) and show its
// time ("Số liệu lúc …").
// Only one process computes a snapshot at a time (a lease row); the others wait for it or serve the last.
import type { DB } from '../db';
import { promisify } from 'node:util';
import { deflate, inflate } from 'node:zlib';
import * as lease from '../jobs/lease';
import { takeFacts, type Facts } from './dashboard';
import type { ClassFact, RosterCell } from './reach';
import type { Period, Scope } from './scope';

/** A snapshot older than this is refreshed after the response that finds it (the page does not wait). */
export const REFRESH_AFTER_MS = 60_000;
/** A snapshot older than this is refreshed before it is served: a teacher's change shows within 2 min. */
export const MAX_AGE_MS = 90_000;
/** Snapshots kept per year and period: the newest, and the one a page may still be reading. */
const KEEP = 2;
const LEASE_MS = 120_000;
const WAIT_STEP_MS = 100;

export type { Facts };

/** A roster cell as stored: [class id, gender, ethnicity, pupils, active] (its class's place is in `classes`). */
type StoredCell = [number, string, string, number, number];
interface Stored {
	roster: StoredCell[];
	classes: ClassFact[];
	indicators: Record<string, unknown>;
}

const deflateAsync = promisify(deflate);
const inflateAsync = promisify(inflate);

/** Marks a row whose facts are deflated JSON, in base64. */
const ZIPPED = 'z:';

/** The facts as stored: the roster's cells name their class by id only (a row a few times smaller). */
async function pack(f: Facts): Promise<string> {
	const roster = f.roster.map((c): StoredCell => [
		c.classId,
		c.gender,
		c.ethnicity,
		c.pupils,
		c.active
	]);
	const json = JSON.stringify({
		roster,
		classes: f.classes,
		indicators: f.indicators
	} satisfies Stored);
	// Mostly numbers in lists: deflated (fast, level 1), a province's row is a few times smaller; on
	// libuv's threads, not the one that answers requests.
	return ZIPPED + (await deflateAsync(json, { level: 1 })).toString('base64');
}

/** The facts of a row (undefined for a row of an earlier version, without every indicator's facts). */
async function unpack(text: string): Promise<Facts | undefined> {
	const json = text.startsWith(ZIPPED)
		? (await inflateAsync(Buffer.from(text.slice(ZIPPED.length), 'base64'))).toString()
		: text;
	const s = JSON.parse(json) as Stored;
	if (!s.indicators) return undefined;
	const byId = new Map(s.classes.map((c) => [c.classId, c]));
	const roster = s.roster.map(([id, gender, ethnicity, pupils, active]): RosterCell => {
		const c = byId.get(id)!;
		return {
			...{ classId: c.classId, className: c.className, grade: c.grade, schoolId: c.schoolId },
			...{ schoolName: c.schoolName, commune: c.commune, level: c.level },
			...{ gender, ethnicity, pupils, active }
		};
	});
	return { roster, classes: s.classes, indicators: s.indicators };
}

export interface Snapshot {
	id: number;
	yearId: number;
	period: Period;
	/** ms since the epoch */
	takenAt: number;
	facts: Facts;
}

/** A school year and a period: what a snapshot is of. */
export type YearPeriod = Pick<Scope, 'yearId' | 'yearStartsOn' | 'yearEndsOn' | 'period'>;

/** Snapshots never change once written, so a process keeps the few it has read, by id (the two of each
 * period: a province's facts take some tens of MB once unpacked). */
const loaded = new Map<number, Snapshot>();

function remember(s: Snapshot): Snapshot {
	if (loaded.size >= 6) loaded.delete(loaded.keys().next().value as number);
	loaded.set(s.id, s);
	return s;
}

/** Computes the facts of a year and period now and stores them as its newest snapshot. */
export async function take(db: DB, yp: YearPeriod, now = Date.now()): Promise<Snapshot> {
	const scope: Scope = {
		yearId: yp.yearId,
		yearStartsOn: yp.yearStartsOn,
		yearEndsOn: yp.yearEndsOn,
		period: yp.period
	};
	const facts = await takeFacts(db, scope, now);
	const packed = await pack(facts);
	const id = await db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('report_snapshots')
			.values({
				school_year_id: yp.yearId,
				period: yp.period,
				taken_at: now,
				facts: packed
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const ids = await trx
			.selectFrom('report_snapshots')
			.select('id')
			.where('school_year_id', '=', yp.yearId)
			.where('period', '=', yp.period)
			.orderBy('taken_at', 'desc')
			.orderBy('id', 'desc')
			.execute();
		const old = ids.slice(KEEP).map((r) => r.id);
		if (old.length) {
			await trx.deleteFrom('report_snapshot_views').where('snapshot_id', 'in', old).execute();
			await trx.deleteFrom('report_snapshots').where('id', 'in', old).execute();
		}
		return Number(row.id);
	});
	return remember({ id, yearId: yp.yearId, period: yp.period, takenAt: now, facts });
}

/** The newest snapshot's id and time for a year and period, if any. */
async function head(db: DB, yp: YearPeriod) {
	const row = await db
		.selectFrom('report_snapshots')
		.select(['id', 'taken_at'])
		.where('school_year_id', '=', yp.yearId)
		.where('period', '=', yp.period)
		.orderBy('taken_at', 'desc')
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row ? { id: Number(row.id), takenAt: Number(row.taken_at) } : undefined;
}

/** One snapshot by id (undefined once it has been replaced and removed). */
export async function load(db: DB, id: number): Promise<Snapshot | undefined> {
	const known = loaded.get(id);
	if (known) return known;
	const row = await db
		.selectFrom('report_snapshots')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	const facts = row && (await unpack(row.facts));
	if (!row || !facts) return undefined;
	return remember({
		id: Number(row.id),
		yearId: row.school_year_id,
		period: row.period as Period,
		takenAt: Number(row.taken_at),
		facts
	});
}

const refreshing = new Set<string>();
let background: Promise<unknown> = Promise.resolve();

/** Resolves when the refreshes started after responses are over (tests, shutdown). */
export function settled(): Promise<unknown> {
	return background;
}

/**
 * The snapshot a view of this year and period reads now: the newest, refreshed after the response when
 * older than REFRESH_AFTER_MS, and before it when older than MAX_AGE_MS (or when there is none yet).
 */
export async function current(db: DB, yp: YearPeriod, now = Date.now()): Promise<Snapshot> {
	const last = await head(db, yp);
	const age = last ? now - last.takenAt : Infinity;
	if (last && age < MAX_AGE_MS) {
		const snap = await load(db, last.id);
		if (snap) {
			if (age >= REFRESH_AFTER_MS) refreshSoon(db, yp, now);
			return snap;
		}
	}
	return refresh(db, yp, last?.id, now);
}

function refreshSoon(db: DB, yp: YearPeriod, now: number) {
	const key = `${yp.yearId}:${yp.period}`;
	if (refreshing.has(key)) return;
	refreshing.add(key);
	const run = new Promise((resolve) => setImmediate(resolve))
		.then(() => refresh(db, yp, undefined, now))
		.catch((e) => console.error('Mầm STEM: could not refresh the dashboard’s figures:', e))
		.finally(() => refreshing.delete(key));
	background = Promise.all([background, run]);
}

/**
 * A new snapshot, taken by this process if it gets the lease; else the one the holder is taking
 * (newer than `previous`), waited for up to the lease's length; failing that, the last one.
 */
async function refresh(
	db: DB,
	yp: YearPeriod,
	previous: number | undefined,
	now: number
): Promise<Snapshot> {
	const name = `report-snapshot:${yp.yearId}:${yp.period}`;
	const holder = lease.newHolder();
	if (await lease.acquire(db, name, holder, LEASE_MS, now)) {
		try {
			return await take(db, yp, now);
		} finally {
			await lease.release(db, name, holder);
		}
	}
	for (let waited = 0; waited < LEASE_MS; waited += WAIT_STEP_MS) {
		await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
		const last = await head(db, yp);
		if (last && last.id !== previous) {
			const snap = await load(db, last.id);
			if (snap) return snap;
		}
	}
	const last = previous === undefined ? undefined : await load(db, previous);
	return last ?? take(db, yp, now);
}

const views = new Map<string, unknown>();

/**
 * A view's figures as cut from snapshot `id` (a pure function of its facts: every process cuts the same),
 * kept in this process for the next page, export or report of the same view.
 */
export function viewOf<T>(id: number, key: string, compute: () => T): T {
	const memo = `${id}|${key}`;
	if (views.has(memo)) return views.get(memo) as T;
	const value = compute();
	if (views.size >= 200) views.delete(views.keys().next().value as string);
	views.set(memo, value);
	return value;
}
