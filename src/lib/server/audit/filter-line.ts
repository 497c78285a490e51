// The filter of an export in words, for the file's second line ("Thao tác: Đăng nhập · Trường: …").
import { m } from '$lib/paraglide/messages';
import { actionLabel } from '$lib/audit-labels';
import type { Conn } from '../db';
import type { AuditFilter } from './trail';

const dmy = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

export async function filterLine(db: Conn, f: AuditFilter): Promise<string> {
	const parts: string[] = [];
	if (f.action) parts.push(`${m.audit_filter_action()}: ${actionLabel(f.action)}`);
	if (f.schoolId) {
		const s = await db
			.selectFrom('schools')
			.select('name')
			.where('id', '=', f.schoolId)
			.executeTakeFirst();
		parts.push(`${m.audit_filter_school()}: ${s?.name ?? f.schoolId}`);
	}
	if (f.actorId) {
		const u = await db
			.selectFrom('users')
			.select('username')
			.where('id', '=', f.actorId)
			.executeTakeFirst();
		parts.push(`${m.audit_filter_account()}: ${u?.username ?? f.actorId}`);
	}
	if (f.from) parts.push(`${m.audit_filter_from()}: ${dmy(f.from)}`);
	if (f.to) parts.push(`${m.audit_filter_to()}: ${dmy(f.to)}`);
	return parts.length ? parts.join(' · ') : m.audit_all();
}
