// Reading the audit trail (/admin/audit): filters, pages, the Excel export, and dropping entries
// older than AUDIT_KEEP_DAYS. Nothing here changes or deletes one entry on anyone's request.
import type { Conn } from '../db';
import { asOfTime } from '../backup/format';
import { startOfDay } from '../assignments/status';
import { AUDIT_ACTIONS, record, SYSTEM, type Actor, type AuditAction } from './log';

export const PAGE_SIZE = 50;
/** An export holds at most this many entries, newest first; a longer one asks to narrow the filter. */
export const EXPORT_LIMIT = 20_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface AuditFilter {
	action: AuditAction | null;
	schoolId: number | null;
	actorId: number | null;
	/** 'yyyy-mm-dd' (Vietnam's days), both ends included. */
	from: string | null;
	to: string | null;
	page: number;
}

/** Why the date range was not applied: a day that does not exist, or a range that ends before it starts. */
export type AuditFilterProblem = 'bad_date' | 'reversed';

const isDay = (v: string) =>
	/^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const positive = (v: string | null) => {
	const n = Number(v);
	return v && Number.isSafeInteger(n) && n > 0 ? n : null;
};

/** The filter of the page's address; a wrong date range is left out and named. */
export function parseAuditFilter(params: URLSearchParams): {
	filter: AuditFilter;
	problem: AuditFilterProblem | null;
} {
	const action = params.get('action') as AuditAction;
	let from = params.get('from')?.trim() || null;
	let to = params.get('to')?.trim() || null;
	let problem: AuditFilterProblem | null = null;
	if ((from && !isDay(from)) || (to && !isDay(to))) problem = 'bad_date';
	else if (from && to && from > to) problem = 'reversed';
	if (problem) from = to = null;
	return {
		filter: {
			action: AUDIT_ACTIONS.includes(action) ? action : null,
			schoolId: positive(params.get('school')),
			actorId: positive(params.get('account')),
			from,
			to,
			page: positive(params.get('page')) ?? 1
		},
		problem
	};
}

function filtered(db: Conn, f: AuditFilter) {
	let q = db.selectFrom('audit_log');
	if (f.action) q = q.where('audit_log.action', '=', f.action);
	if (f.schoolId) q = q.where('audit_log.school_id', '=', f.schoolId);
	if (f.actorId) q = q.where('audit_log.actor_id', '=', f.actorId);
	if (f.from) q = q.where('audit_log.at', '>=', startOfDay(f.from));
	if (f.to) q = q.where('audit_log.at', '<', startOfDay(f.to) + DAY_MS);
	return q;
}

export interface AuditRow {
	id: number;
	at: number;
	time: string;
	actorId: number | null;
	actorRole: string | null;
	actorName: string | null;
	action: string;
	targetType: string | null;
	targetId: number | null;
	schoolId: number | null;
	schoolName: string | null;
	address: string | null;
	detail: string | null;
}

function rowsOf(db: Conn, f: AuditFilter) {
	return (
		filtered(db, f)
			.leftJoin('users', 'users.id', 'audit_log.actor_id')
			.leftJoin('schools', 'schools.id', 'audit_log.school_id')
			.select([
				'audit_log.id',
				'audit_log.at',
				'audit_log.actor_id',
				'audit_log.actor_role',
				'audit_log.action',
				'audit_log.target_type',
				'audit_log.target_id',
				'audit_log.school_id',
				'audit_log.address',
				'audit_log.detail',
				// Staff act under their username; an erased or pupil account shows only its id.
				'users.username',
				'schools.name as school_name'
			])
			// Newest first; entries of one millisecond in the order they were written.
			.orderBy('audit_log.at', 'desc')
			.orderBy('audit_log.id', 'desc')
	);
}

const toRow = (r: Awaited<ReturnType<ReturnType<typeof rowsOf>['execute']>>[number]): AuditRow => ({
	id: r.id,
	at: r.at,
	time: asOfTime(r.at),
	actorId: r.actor_id,
	actorRole: r.actor_role,
	actorName: r.username,
	action: r.action,
	targetType: r.target_type,
	targetId: r.target_id,
	schoolId: r.school_id,
	schoolName: r.school_name,
	address: r.address,
	detail: r.detail
});

/** One page of the trail under the filter, and how many entries match in all. */
export async function listAudit(db: Conn, f: AuditFilter) {
	const total = Number(
		(
			await filtered(db, f)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(f.page, pages);
	const rows = await rowsOf(db, f)
		.limit(PAGE_SIZE)
		.offset((page - 1) * PAGE_SIZE)
		.execute();
	return { rows: rows.map(toRow), total, page, pages };
}

/** What the filters offer: every school, and every account that appears in the trail. */
export async function auditChoices(db: Conn) {
	const schools = await db.selectFrom('schools').select(['id', 'name']).orderBy('name').execute();
	const accounts = await db
		.selectFrom('users')
		.select(['id', 'username', 'role'])
		.where('role', '<>', 'student')
		.where('username', 'is not', null)
		.orderBy('username')
		.execute();
	return { schools, accounts: accounts.map((a) => ({ ...a, username: a.username ?? '' })) };
}

/**
 * The entries of an export (newest first, at most EXPORT_LIMIT) and whether more matched; the
 * export itself is recorded, with its filter.
 */
export async function exportAudit(db: Conn, actor: Actor, f: AuditFilter, now = Date.now()) {
	const rows = await rowsOf(db, f)
		.limit(EXPORT_LIMIT + 1)
		.execute();
	await record(
		db,
		actor,
		{
			action: 'audit.exported',
			detail: {
				action: f.action,
				schoolId: f.schoolId,
				accountId: f.actorId,
				from: f.from,
				to: f.to,
				entries: Math.min(rows.length, EXPORT_LIMIT)
			}
		},
		now
	);
	return { rows: rows.slice(0, EXPORT_LIMIT).map(toRow), more: rows.length > EXPORT_LIMIT };
}

/** AUDIT_KEEP_DAYS: how long entries are kept (default 730 days; at least 30). */
export function auditKeepDays(env: NodeJS.ProcessEnv = process.env): number {
	const raw = env.AUDIT_KEEP_DAYS?.trim();
	if (!raw) return 730;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 30)
		throw new Error(
			`AUDIT_KEEP_DAYS must be a whole number of days, at least 30 (it is "${raw}").`
		);
	return n;
}

/** Drops the entries older than `keepDays`, and says so in the trail (how many, up to when). */
export async function pruneAudit(db: Conn, keepDays: number, now = Date.now()) {
	const before = now - keepDays * DAY_MS;
	const gone = await db.deleteFrom('audit_log').where('at', '<', before).executeTakeFirst();
	const count = Number(gone.numDeletedRows);
	if (count) await record(db, SYSTEM, { action: 'audit.pruned', detail: { count, before } }, now);
	return count;
}
