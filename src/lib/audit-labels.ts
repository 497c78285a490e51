// Labels of the audit trail's actions, roles and records (the page, its filter and the export).
import { m } from '$lib/paraglide/messages';
import type { AuditAction } from '$lib/server/audit/log';

const ACTION_LABELS: Record<AuditAction, () => string> = {
	'auth.signin': m.audit_action_auth_signin,
	'auth.signin_failed': m.audit_action_auth_signin_failed,
	'auth.password_changed': m.audit_action_auth_password_changed,
	'account.created': m.audit_action_account_created,
	'account.disabled': m.audit_action_account_disabled,
	'account.enabled': m.audit_action_account_enabled,
	'account.password_reset': m.audit_action_account_password_reset,
	'pupil.created': m.audit_action_pupil_created,
	'pupil.updated': m.audit_action_pupil_updated,
	'pupil.moved': m.audit_action_pupil_moved,
	'pupil.left_class': m.audit_action_pupil_left_class,
	'pupil.secret_reset': m.audit_action_pupil_secret_reset,
	'pupil.lock_lifted': m.audit_action_pupil_lock_lifted,
	'class.roster_imported': m.audit_action_class_roster_imported,
	'class.cards_printed': m.audit_action_class_cards_printed,
	'class.teacher_added': m.audit_action_class_teacher_added,
	'class.teacher_removed': m.audit_action_class_teacher_removed,
	'class.rolled_over': m.audit_action_class_rolled_over,
	'class.renamed': m.audit_action_class_renamed,
	'class.archived': m.audit_action_class_archived,
	'class.unarchived': m.audit_action_class_unarchived,
	'review.given': m.audit_action_review_given,
	'review.changed': m.audit_action_review_changed,
	'consent.recorded': m.audit_action_consent_recorded,
	'consent.withdrawn': m.audit_action_consent_withdrawn,
	'project.published': m.audit_action_project_published,
	'project.unpublished': m.audit_action_project_unpublished,
	'project.featured': m.audit_action_project_featured,
	'project.unfeatured': m.audit_action_project_unfeatured,
	'play.drawing_hidden': m.audit_action_play_drawing_hidden,
	'play.drawing_shown': m.audit_action_play_drawing_shown,
	'lesson.published': m.audit_action_lesson_published,
	'lesson.returned': m.audit_action_lesson_returned,
	'exercise.shared': m.audit_action_exercise_shared,
	'exercise.share_returned': m.audit_action_exercise_share_returned,
	'content.synced': m.audit_action_content_synced,
	'export.class_grid': m.audit_action_export_class_grid,
	'export.gradebook': m.audit_action_export_gradebook,
	'export.pupil_data': m.audit_action_export_pupil_data,
	'pupil.erased': m.audit_action_pupil_erased,
	'retention.erased': m.audit_action_retention_erased,
	'backup.taken': m.audit_action_backup_taken,
	'backup.failed': m.audit_action_backup_failed,
	'backup.restored': m.audit_action_backup_restored,
	'audit.exported': m.audit_action_audit_exported,
	'audit.pruned': m.audit_action_audit_pruned
};

export function actionLabel(action: string): string {
	return ACTION_LABELS[action as AuditAction]?.() ?? action;
}

export function roleLabel(role: string | null): string {
	switch (role) {
		case 'admin':
			return m.audit_role_admin();
		case 'department':
			return m.audit_role_department();
		case 'teacher':
			return m.audit_role_teacher();
		case 'student':
			return m.audit_role_student();
		case 'anonymous':
			return m.audit_unknown();
		default:
			return m.audit_role_system();
	}
}

export function targetLabel(type: string | null, id: number | null): string {
	if (type === null || id === null) return '';
	const n = String(id);
	if (type === 'user') return m.audit_target_user({ id: n });
	if (type === 'class') return m.audit_target_class({ id: n });
	if (type === 'team') return m.audit_target_team({ id: n });
	if (type === 'lesson') return m.audit_target_lesson({ id: n });
	if (type === 'exercise') return m.audit_target_exercise({ id: n });
	return m.audit_target_other({ type, id: n });
}

/** "gv.hoa (giáo viên)", the server, somebody not signed in, or an account known only by its id. */
export function whoOf(r: {
	actorId: number | null;
	actorName: string | null;
	actorRole: string | null;
}): string {
	if (r.actorId === null) return r.actorRole === 'system' ? m.audit_system() : m.audit_unknown();
	const name = r.actorName ?? m.audit_account_id({ id: String(r.actorId) });
	return `${name} (${roleLabel(r.actorRole)})`;
}
