// The audit trail's one way in: every sensitive action appends an entry (migration 0009). Entries
// hold ids, never names, birth dates or secrets, and are never changed (a trigger refuses updates).
import type { RequestEvent } from '@sveltejs/kit';
import type { Conn } from '../db';
import type { Role } from '../db/types';

/**
 * What was done. Grouped by domain; add the name of every new sensitive action here, so the audit
 * page's filter and its labels (messages/audit) know it.
 */
export const AUDIT_ACTIONS = [
	'auth.signin',
	'auth.signin_failed',
	'auth.password_changed',
	'account.created',
	'account.disabled',
	'account.enabled',
	'account.password_reset',
	'pupil.created',
	'pupil.updated',
	'pupil.moved',
	'pupil.left_class',
	'pupil.secret_reset',
	'pupil.lock_lifted',
	'class.roster_imported',
	'class.cards_printed',
	'class.teacher_added',
	'class.teacher_removed',
	'class.rolled_over',
	'class.renamed',
	'class.archived',
	'class.unarchived',
	'review.given',
	'review.changed',
	'consent.recorded',
	'consent.withdrawn',
	'project.published',
	'project.unpublished',
	'project.featured',
	'project.unfeatured',
	'play.drawing_hidden',
	'play.drawing_shown',
	'lesson.published',
	'lesson.returned',
	'exercise.shared',
	'exercise.share_returned',
	'content.synced',
	'export.class_grid',
	'export.gradebook',
	'export.pupil_data',
	'pupil.erased',
	'retention.erased',
	'backup.taken',
	'backup.failed',
	'backup.restored',
	'audit.exported',
	'audit.pruned'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Who acted and from where: a signed-in user, the server itself (nightly jobs, retention), or
 * somebody not signed in (a failed sign-in).
 */
export interface Actor {
	id: number | null;
	role: Role | 'system' | 'anonymous';
	address: string | null;
}

export const SYSTEM: Actor = { id: null, role: 'system', address: null };

/** A user acting outside a request (the demo seed, tests): no address. */
export function actorFor(id: number, role: Role = 'teacher'): Actor {
	return { id, role, address: null };
}

/** The signed-in user of a request (or an unknown one, e.g. a failed sign-in) and their address. */
export function actorOf(event: Pick<RequestEvent, 'locals' | 'getClientAddress'>): Actor {
	const user = event.locals.user;
	let address: string | null = null;
	try {
		address = event.getClientAddress();
	} catch {
		// no address outside a real request (e.g. in tests)
	}
	return { id: user?.id ?? null, role: user?.role ?? 'anonymous', address };
}

export interface AuditEntry {
	action: AuditAction;
	target?: { type: string; id: number } | null;
	schoolId?: number | null;
	/** Ids, counts and codes only: never a name, a birth date or a secret. */
	detail?: Record<string, string | number | boolean | null> | null;
}

/** Appends one entry; call it inside the action's transaction so both happen or neither. */
export async function record(
	db: Conn,
	actor: Actor,
	entry: AuditEntry,
	now = Date.now()
): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			at: now,
			actor_id: actor.id,
			actor_role: actor.role,
			action: entry.action,
			target_type: entry.target?.type ?? null,
			target_id: entry.target?.id ?? null,
			school_id: entry.schoolId ?? null,
			address: actor.address,
			detail: entry.detail ? JSON.stringify(entry.detail) : null
		})
		.execute();
}
