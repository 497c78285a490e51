// The editor's form fields <-> a lesson's content. Flat names so the form works without JS.
import type { LessonContent, LessonFieldError } from './lesson';
import { ACTIVITY_PARTS } from './lesson';

export type FormValues = Record<string, string | string[]>;

export function contentToValues(c: LessonContent): FormValues {
	const v: FormValues = {
		title: c.title,
		grades: c.grades.map(String),
		subjects: c.subjects.join(', '),
		form: c.form,
		process: c.process,
		periods: String(c.periods),
		overview: c.overview,
		aims_knowledge: c.aims.knowledge,
		aims_competencies: c.aims.competencies,
		aims_qualities: c.aims.qualities,
		materials: c.materials.map((m) => `${m.name} | ${m.quantity} | ${m.cost}`).join('\n'),
		criteria: c.criteria
			.map((k) => `${k.title} | ${k.description.replace(/\s*\n\s*/g, ' ')}`)
			.join('\n'),
		activity_count: String(c.activities.length)
	};
	c.activities.forEach((a, i) => {
		v[`act_${i}_key`] = a.key;
		v[`act_${i}_label`] = a.label;
		for (const p of ACTIVITY_PARTS) v[`act_${i}_${p}`] = a[p];
	});
	return v;
}

/** A posted form as values to show again after an error (nothing is lost). */
export function formToValues(form: FormData): FormValues {
	const v: FormValues = {};
	for (const [k, val] of form.entries()) {
		if (typeof val !== 'string') continue;
		if (k === 'grades') v.grades = [...((v.grades as string[]) ?? []), val];
		else v[k] = val.slice(0, 25_000);
	}
	return v;
}

/** Which form field shows an error about a content path. */
export function inputOf(field: string): string {
	if (field.startsWith('aims.')) return field.replace('.', '_');
	const [list, i, part] = field.split('.');
	if (list === 'activities' && part) return `act_${i}_${part}`;
	if (list === 'materials' || list === 'criteria') return list;
	return list;
}

export function errorsByInput(
	errors: LessonFieldError[] | undefined
): Record<string, LessonFieldError[]> {
	const out: Record<string, LessonFieldError[]> = {};
	for (const e of errors ?? []) (out[inputOf(e.field)] ??= []).push(e);
	return out;
}
