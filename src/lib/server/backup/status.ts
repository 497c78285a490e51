// What the administrator's home page says about backups: the last good one (time, size) and a warning
// when it is older than 26 hours, when there is none, or when the last attempt failed (with its reason).
import type { Conn } from '../db';

export const STALE_MS = 26 * 3_600_000;

export interface BackupStatus {
	last: { at: number; bytes: number } | null;
	failed: { at: number; reason: string } | null;
	warning: 'none' | 'old' | 'failed' | null;
}

export async function backupStatus(db: Conn, now = Date.now()): Promise<BackupStatus> {
	const good = await db
		.selectFrom('backup_runs')
		.select(['finished_at', 'bytes'])
		.where('ok', '=', 1)
		.orderBy('started_at', 'desc')
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
	const latest = await db
		.selectFrom('backup_runs')
		.select(['started_at', 'ok', 'error'])
		.orderBy('started_at', 'desc')
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
	const last = good ? { at: Number(good.finished_at), bytes: Number(good.bytes ?? 0) } : null;
	const failed =
		latest && !latest.ok ? { at: Number(latest.started_at), reason: latest.error ?? '' } : null;
	const warning = failed ? 'failed' : !last ? 'none' : now - last.at > STALE_MS ? 'old' : null;
	return { last, failed, warning };
}
