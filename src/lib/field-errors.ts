import { m } from '$lib/paraglide/messages';

/** The message for a validation code shared by the forms. */
export function fieldError(code: string): string {
	switch (code) {
		case 'required':
			return m.err_required();
		case 'taken':
			return m.err_taken();
		case 'too_short':
			return m.err_password_short();
		case 'too_long':
			return m.err_too_long();
		case 'common':
			return m.security_password_common();
		default:
			return m.err_invalid();
	}
}
