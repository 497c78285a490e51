// The lesson form's autosave while the teacher types: two seconds after the last change, what the
// form holds is sent as JSON (the same names as the form's own POST); saving the form cancels it.
import type { FormValues } from './form';

const QUIET_MS = 2000;
/** The time of day on the teacher's device, as it writes it. */
const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

export class FormAutosave {
	/** When the last autosave succeeded (the teacher's clock), '' before the first. */
	saved = $state('');
	failed = $state(false);
	#timer: ReturnType<typeof setTimeout> | undefined;

	constructor(private readonly url: string) {}

	queue(form: HTMLFormElement): void {
		this.cancel();
		this.#timer = setTimeout(() => void this.#send(form), QUIET_MS);
	}

	cancel(): void {
		clearTimeout(this.#timer);
	}

	async #send(form: HTMLFormElement): Promise<void> {
		try {
			const res = await fetch(this.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(formValues(form))
			});
			this.failed = !res.ok;
			if (res.ok) this.saved = clock.format(Date.now());
		} catch {
			this.failed = true;
		}
	}
}

/** The form's fields as the server reads them: every checked grade in one list. */
function formValues(form: HTMLFormElement): FormValues {
	const values: FormValues = {};
	for (const [k, v] of new FormData(form).entries()) {
		if (typeof v !== 'string') continue;
		if (k === 'grades') values.grades = [...((values.grades as string[]) ?? []), v];
		else values[k] = v;
	}
	return values;
}
