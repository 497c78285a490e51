import { m } from '$lib/paraglide/messages';
import type { EntryError } from '$lib/server/portfolios/portfolio';
import type { ReviewError } from '$lib/server/projects/reviews';
import type { FileError } from '$lib/server/portfolios/files';
import type { UploadError } from '$lib/server/portfolios/upload';
import type { ShowcaseError } from '$lib/server/projects/showcase';
import type { TeamError } from '$lib/server/projects/teams';
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

/**
 * Every refusal the project pages can be given: an entry, reflection or step (portfolio.ts), a photo
 * (upload.ts, or the page's own check before sending), a team, a review, the showcase, or a request
 * naming what is not there ('invalid').
 */
export type ProjectRefusal =
	EntryError | UploadError | TeamError | ShowcaseError | ReviewError | 'has_work' | 'invalid';

const PROJECT_ERRORS: Record<ProjectRefusal, () => string> = {
	name: m.proj_err_photo_name,
	empty: m.proj_err_photo_empty,
	missing_file: m.proj_err_photo_empty,
	too_big: () => m.proj_err_photo_too_big({ limit: MAX_PHOTO_MB }),
	heic: m.proj_err_photo_heic,
	type: m.proj_err_photo_type,
	too_many_pixels: m.proj_err_photo_pixels,
	corrupt: m.proj_err_photo_corrupt,
	closed: m.proj_err_closed,
	required: m.proj_err_required,
	too_long: m.proj_err_too_long,
	scores: m.proj_err_scores,
	feedback: m.proj_err_feedback,
	size: m.proj_err_team_size,
	already_in_team: m.proj_err_team_taken,
	mixed_classes: m.proj_err_team_classes,
	has_work: m.proj_err_team_has_work,
	not_submitted: m.proj_err_not_submitted,
	not_agreed: m.proj_err_not_agreed,
	// A stale page or a forged request: a step, pupil or team that is not (or no longer) there.
	step: m.proj_err_invalid,
	not_target: m.proj_err_invalid,
	not_member: m.proj_err_invalid,
	not_proposed: m.proj_err_invalid,
	invalid: m.proj_err_invalid
};

/** The message for a refused entry, photo, team, review or showcase step. */
export function projectError(code: ProjectRefusal): string {
	// A code of a newer server, or anything else, is "not valid" (own keys only: not "toString").
	return (Object.hasOwn(PROJECT_ERRORS, code) ? PROJECT_ERRORS[code] : m.proj_err_invalid)();
}

/** The message for a refused file (not a photo): its own words for a wrong type, name or size. */
export function fileError(code: FileError | UploadError): string {
	if (code === 'type') return m.proj_err_file_type();
	if (code === 'name') return m.proj_err_file_name();
	if (code === 'too_big') return m.proj_err_file_too_big({ limit: MAX_PHOTO_MB });
	return projectError(code);
}
