import { m } from '$lib/paraglide/messages';
import type { FileError } from '$lib/server/classes/roster-import';

export function importFileError(code: FileError): string {
	switch (code) {
		case 'empty_file':
			return m.import_err_empty();
		case 'too_large':
			return m.import_err_too_large();
		case 'old_xls':
			return m.import_err_old_xls();
		case 'no_name_column':
			return m.import_err_no_name_column();
		case 'no_rows':
			return m.import_err_no_rows();
		case 'too_many_rows':
			return m.import_err_too_many_rows();
		case 'busy':
			return m.load_busy_try_again();
		case 'unreadable':
			return m.import_err_unreadable();
	}
}
