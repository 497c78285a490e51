import { m } from '$lib/paraglide/messages';
import type { PupilError } from '$lib/server/classes/pupils';

/** Messages for a pupil row's problems, in the roster form, the pupil's page and the import preview. */
export function pupilError(code: PupilError): string {
	switch (code) {
		case 'name_missing':
			return m.pupil_err_name_missing();
		case 'name_too_long':
			return m.pupil_err_name_too_long();
		case 'date_invalid':
			return m.pupil_err_date_invalid();
		case 'gender_invalid':
			return m.pupil_err_gender_invalid();
		case 'ethnicity_too_long':
			return m.pupil_err_ethnicity_too_long();
		case 'duplicate_in_file':
			return m.pupil_err_duplicate_in_file();
		case 'duplicate_in_class':
			return m.pupil_err_duplicate_in_class();
		case 'code_invalid':
			return m.pupil_err_code_invalid();
		case 'code_taken':
			return m.pupil_err_code_taken();
	}
}
