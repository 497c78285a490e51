import { m } from '$lib/paraglide/messages';
import type { RolloverError } from '$lib/server/classes/rollover';

/** Why a class could not be rolled over, for the teacher's and the admin's pages. */
export function rolloverError(e: RolloverError): string {
	switch (e) {
		case 'no_next_year':
			return m.rollover_err_no_next_year();
		case 'already':
			return m.rollover_err_already();
		case 'name_taken':
			return m.rollover_err_name_taken();
		case 'name_invalid':
			return m.rollover_err_name_invalid();
	}
}
