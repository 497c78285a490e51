// Dropping audit entries older than AUDIT_KEEP_DAYS (default 730): every night at AUDIT_PRUNE_AT
// (default 03:00, Vietnam time) and once a minute after the start, in the one process that runs jobs.
import type { Conn } from '../db';
import { scheduleDaily } from '../jobs/schedule';
import { auditKeepDays, pruneAudit } from './trail';

export function scheduleAuditPruning(db: Conn, env: NodeJS.ProcessEnv = process.env): () => void {
	const keepDays = auditKeepDays(env);
	const run = async () => {
		const count = await pruneAudit(db, keepDays);
		if (count) console.log(`Mầm STEM: dropped ${count} audit entries older than ${keepDays} days`);
	};
	const first = setTimeout(
		() => run().catch((e) => console.error('Mầm STEM: the audit pruning failed:', e)),
		60_000
	);
	first.unref();
	const cancel = scheduleDaily({ name: 'audit pruning', at: env.AUDIT_PRUNE_AT ?? '03:00', run });
	return () => {
		clearTimeout(first);
		cancel();
	};
}
