import { m } from '$lib/paraglide/messages';
import type { ShareError } from '$lib/server/exercises/sharing';

/** Why sharing an exercise was refused, for the teacher's and the department's pages. */
export function shareError(e: ShareError): string {
	switch (e) {
		case 'not_author':
			return m.share_err_not_author();
		case 'not_published':
			return m.share_err_not_published();
		case 'already':
			return m.share_err_already();
		case 'not_requested':
			return m.share_err_not_requested();
		case 'comment_required':
			return m.share_err_comment_required();
	}
}
