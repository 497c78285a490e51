import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing';
import { record, SYSTEM } from './log';

describe('audit log', () => {
	it('appends entries with ids only and refuses to change them', async () => {
		const { db } = openTestDatabase();
		await record(
			db,
			{ id: 7, role: 'teacher', address: '10.0.0.5' },
			{ action: 'pupil.secret_reset', target: { type: 'user', id: 42 }, schoolId: 3 },
			1000
		);
		await record(db, SYSTEM, { action: 'backup.taken', detail: { bytes: 10 } }, 2000);
		const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
		expect(rows.map((r) => [r.action, r.actor_id, r.actor_role, r.target_id, r.detail])).toEqual([
			['pupil.secret_reset', 7, 'teacher', 42, null],
			['backup.taken', null, 'system', null, '{"bytes":10}']
		]);
		await expect(
			db.updateTable('audit_log').set({ action: 'auth.signin' }).execute()
		).rejects.toThrow(/cannot be changed/);
	});
});
