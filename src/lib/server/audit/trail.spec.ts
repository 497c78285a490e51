import { beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import type { DB } from '../db';
import { makeSchool } from '../projects/testing';
import { record, SYSTEM, type Actor, type AuditAction } from './log';
import {
	auditKeepDays,
	exportAudit,
	listAudit,
	PAGE_SIZE,
	parseAuditFilter,
	pruneAudit,
	type AuditFilter
} from './trail';
import { auditBook } from './book';

let db: DB;
const DAY = 24 * 60 * 60 * 1000;
/** 00:30 on 15/10/2026 in Vietnam is still the 14th in UTC. */
const earlyOn15th = Date.UTC(2026, 9, 14, 17, 30);
const none: AuditFilter = {
	action: null,
	schoolId: null,
	actorId: null,
	from: null,
	to: null,
	page: 1
};

beforeEach(() => {
	db = openTestDatabase().db;
});

async function add(action: AuditAction, actor: Actor, schoolId: number | null, at: number) {
	await record(db, actor, { action, schoolId, target: { type: 'user', id: 1 } }, at);
}

describe('reading the audit trail', () => {
	it('filters by action, school, account and Vietnam days; newest first', async () => {
		const a = await makeSchool(db, 0);
		const b = await makeSchool(db, 0);
		const ta: Actor = { id: a.teacherId, role: 'teacher', address: '10.0.0.1' };
		const tb: Actor = { id: b.teacherId, role: 'teacher', address: '10.0.0.2' };
		await add('pupil.created', ta, a.schoolId, earlyOn15th - DAY);
		await add('pupil.created', ta, a.schoolId, earlyOn15th);
		await add('pupil.secret_reset', tb, b.schoolId, earlyOn15th + 1000);
		await add('backup.taken', SYSTEM, null, earlyOn15th + 2 * DAY);

		const all = await listAudit(db, none);
		expect(all.total).toBe(4);
		expect(all.rows.map((r) => r.action)).toEqual([
			'backup.taken',
			'pupil.secret_reset',
			'pupil.created',
			'pupil.created'
		]);
		expect(all.rows[2]).toMatchObject({ time: '00:30, 15/10/2026', schoolId: a.schoolId });
		const by = async (f: Partial<AuditFilter>) =>
			(await listAudit(db, { ...none, ...f })).rows.map((r) => [r.action, r.at]);
		expect(await by({ action: 'pupil.created' })).toHaveLength(2);
		expect(await by({ schoolId: b.schoolId })).toEqual([
			['pupil.secret_reset', earlyOn15th + 1000]
		]);
		expect(await by({ actorId: a.teacherId })).toHaveLength(2);
		// The 15th of October in Vietnam: 00:30 belongs to it, though it is the 14th in UTC.
		expect(await by({ from: '2026-10-15', to: '2026-10-15' })).toEqual([
			['pupil.secret_reset', earlyOn15th + 1000],
			['pupil.created', earlyOn15th]
		]);
		expect(await by({ from: '2026-10-16' })).toEqual([['backup.taken', earlyOn15th + 2 * DAY]]);
	});

	it('pages of 50; a page past the end shows the last one', async () => {
		const s = await makeSchool(db, 0);
		const t: Actor = { id: s.teacherId, role: 'teacher', address: null };
		for (let i = 0; i < PAGE_SIZE + 3; i++) await add('pupil.created', t, s.schoolId, 1000 + i);
		const first = await listAudit(db, none);
		expect([first.pages, first.rows.length, first.rows[0].at]).toEqual([2, PAGE_SIZE, 1000 + 52]);
		const last = await listAudit(db, { ...none, page: 9 });
		expect([last.page, last.rows.map((r) => r.at)]).toEqual([2, [1002, 1001, 1000]]);
	});

	it('reads the filter from the address and names a wrong date range instead of applying it', () => {
		const read = (q: string) => parseAuditFilter(new URLSearchParams(q));
		expect(read('action=pupil.created&school=3&account=7&from=2026-10-01&to=2026-10-31')).toEqual({
			filter: {
				action: 'pupil.created',
				schoolId: 3,
				actorId: 7,
				from: '2026-10-01',
				to: '2026-10-31',
				page: 1
			},
			problem: null
		});
		expect(read('action=drop.table&school=x&page=-2').filter).toEqual(none);
		expect(read('from=2026-02-30')).toMatchObject({ problem: 'bad_date', filter: { from: null } });
		expect(read('from=2026-10-31&to=2026-10-01')).toMatchObject({
			problem: 'reversed',
			filter: { from: null, to: null }
		});
	});
});

describe('exporting and keeping the trail', () => {
	it('an export is recorded with its filter, and its book holds the page’s columns', async () => {
		await add('backup.taken', SYSTEM, null, 5000);
		const admin: Actor = { id: 1, role: 'admin', address: '10.0.0.9' };
		const { rows, more } = await exportAudit(db, admin, { ...none, action: 'backup.taken' }, 6000);
		expect([rows.length, more]).toEqual([1, false]);
		const last = (await listAudit(db, none)).rows[0];
		expect(last).toMatchObject({ action: 'audit.exported', actorId: 1, address: '10.0.0.9' });
		expect(JSON.parse(last.detail!)).toMatchObject({ action: 'backup.taken', entries: 1 });
		const book = auditBook(rows, more, 'Tất cả');
		const cells = book.sheets[0].rows.map((r) => r.cells);
		expect(cells.at(-1)?.slice(0, 3)).toEqual(['07:00, 01/01/1970', 'Máy chủ', 'Sao lưu']);
	});

	it('drops entries older than AUDIT_KEEP_DAYS and says how many', async () => {
		const now = Date.UTC(2026, 11, 1);
		await add('backup.taken', SYSTEM, null, now - 731 * DAY);
		await add('backup.taken', SYSTEM, null, now - 729 * DAY);
		expect(await pruneAudit(db, 730, now)).toBe(1);
		const rows = (await listAudit(db, none)).rows;
		expect(rows.map((r) => r.action)).toEqual(['audit.pruned', 'backup.taken']);
		expect(JSON.parse(rows[0].detail!)).toEqual({ count: 1, before: now - 730 * DAY });
		expect(await pruneAudit(db, 730, now)).toBe(0);
		expect(auditKeepDays({})).toBe(730);
		expect(auditKeepDays({ AUDIT_KEEP_DAYS: '365' })).toBe(365);
		expect(() => auditKeepDays({ AUDIT_KEEP_DAYS: '7' })).toThrow(/at least 30/);
		expect(() => auditKeepDays({ AUDIT_KEEP_DAYS: 'hai năm' })).toThrow(/AUDIT_KEEP_DAYS/);
	});
});
