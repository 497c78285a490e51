import { m } from '$lib/paraglide/messages';
import { MAX_PHOTO_MB } from './photo-format';

export type StatusCode =
	'not_started' | 'in_progress' | 'submitted' | 'returned' | 'late' | 'missing';

export function statusLabel(s: StatusCode): string {
	switch (s) {
		case 'not_started':
			return m.proj_status_not_started();
		case 'in_progress':
			return m.proj_status_in_progress();
		case 'submitted':
			return m.proj_status_submitted();
		case 'returned':
			return m.proj_status_returned();
		case 'late':
			return m.proj_status_late();
		default:
			return m.proj_status_missing();
	}
}

/** The message for a refused photo or entry. */
export function projectError(code: string): string {
	switch (code) {
		case 'name':
			return m.proj_err_photo_name();
		case 'empty':
		case 'missing_file':
			return m.proj_err_photo_empty();
		case 'too_big':
			return m.proj_err_photo_too_big({ limit: MAX_PHOTO_MB });
		case 'heic':
			return m.proj_err_photo_heic();
		case 'type':
			return m.proj_err_photo_type();
		case 'too_many_pixels':
			return m.proj_err_photo_pixels();
		case 'corrupt':
			return m.proj_err_photo_corrupt();
		case 'closed':
			return m.proj_err_closed();
		case 'required':
			return m.proj_err_required();
		case 'too_long':
			return m.proj_err_too_long();
		case 'scores':
			return m.proj_err_scores();
		case 'size':
			return m.proj_err_team_size();
		case 'already_in_team':
			return m.proj_err_team_taken();
		case 'mixed_classes':
			return m.proj_err_team_classes();
		case 'not_submitted':
			return m.proj_err_not_submitted();
		case 'not_agreed':
			return m.proj_err_not_agreed();
		default:
			return m.proj_err_invalid();
	}
}

/** The message for a refused file (not a photo). */
export function fileError(code: string): string {
	if (code === 'type') return m.proj_err_file_type();
	if (code === 'name') return m.proj_err_file_name();
	if (code === 'too_big') return m.proj_err_file_too_big({ limit: MAX_PHOTO_MB });
	return projectError(code);
}
