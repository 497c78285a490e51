// Validation of a lesson plan's fields, from the editor's form or an imported file. Returns every
// problem with the field it belongs to, so the user sees them all at once and nothing is saved.
import { cleanText } from '$lib/text/normalize';
import {
	ACTIVITY_PARTS,
	DEFAULT_STEPS,
	FORMS,
	LIMITS,
	PROCESSES,
	type Activity,
	type LessonContent,
	type LessonFieldError
} from '$lib/curriculum/lesson';

export type Validated =
	{ ok: true; content: LessonContent } | { ok: false; errors: LessonFieldError[] };

/** Markdown keeps its line breaks: only NFC, CRLF → LF and trailing space trimmed. */
export function cleanLong(value: unknown): string {
	return String(value ?? '')
		.normalize('NFC')
		.replace(/\r\n?/g, '\n')
		.replace(/[ \t]+$/gm, '')
		.trim();
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] =>
	Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v];

export function validateContent(raw: unknown): Validated {
	const errors: LessonFieldError[] = [];
	const r = isObject(raw) ? raw : {};
	const short = (field: string, v: unknown, required = true) => {
		const s = cleanText(typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '');
		if (required && !s) errors.push({ field, code: 'required' });
		else if (s.length > LIMITS.short && field !== 'title') errors.push({ field, code: 'too_long' });
		else if (field === 'title' && s.length > LIMITS.title) errors.push({ field, code: 'too_long' });
		return s;
	};
	const long = (field: string, v: unknown, required = false) => {
		const s = cleanLong(typeof v === 'string' ? v : '');
		if (required && !s) errors.push({ field, code: 'required' });
		if (s.length > LIMITS.long) errors.push({ field, code: 'too_long' });
		return s;
	};

	const title = short('title', r.title);

	const grades = [...new Set(asArray(r.grades).map((g) => Number(g)))].sort((a, b) => a - b);
	if (grades.length === 0) errors.push({ field: 'grades', code: 'required' });
	else if (grades.some((g) => !Number.isInteger(g) || g < 1 || g > 12))
		errors.push({ field: 'grades', code: 'invalid' });

	const subjects = [
		...new Set(
			asArray(r.subjects)
				.map((s) => cleanText(s))
				.filter(Boolean)
		)
	];
	if (subjects.length > LIMITS.subjects) errors.push({ field: 'subjects', code: 'too_many' });
	else if (subjects.some((s) => s.length > 60))
		errors.push({ field: 'subjects', code: 'too_long' });

	const form = r.form ?? 'lesson';
	if (!FORMS.includes(form as never))
		errors.push({ field: 'form', code: 'invalid', detail: String(form) });
	const process = r.process ?? 'engineering';
	if (!PROCESSES.includes(process as never))
		errors.push({ field: 'process', code: 'invalid', detail: String(process) });

	const periods = Number(r.periods);
	if (!Number.isInteger(periods) || periods < 1 || periods > 20)
		errors.push({ field: 'periods', code: 'invalid' });

	const overview = long('overview', r.overview);
	const aimsRaw = isObject(r.aims) ? r.aims : {};
	const aims = {
		knowledge: long('aims.knowledge', aimsRaw.knowledge, true),
		competencies: long('aims.competencies', aimsRaw.competencies, true),
		qualities: long('aims.qualities', aimsRaw.qualities, true)
	};

	const materialsRaw = asArray(r.materials);
	if (materialsRaw.length > LIMITS.materials) errors.push({ field: 'materials', code: 'too_many' });
	const materials = materialsRaw.slice(0, LIMITS.materials).map((m, i) => {
		const o = isObject(m) ? m : {};
		const cost = Number(o.cost ?? 0);
		if (!Number.isInteger(cost) || cost < 0 || cost > LIMITS.cost)
			errors.push({ field: `materials.${i}.cost`, code: 'invalid', detail: String(o.cost) });
		return {
			name: short(`materials.${i}.name`, o.name),
			quantity: short(`materials.${i}.quantity`, o.quantity, false),
			cost
		};
	});

	const activitiesRaw = asArray(r.activities);
	if (activitiesRaw.length === 0) errors.push({ field: 'activities', code: 'required' });
	if (activitiesRaw.length > LIMITS.activities)
		errors.push({ field: 'activities', code: 'too_many' });
	const defaults =
		DEFAULT_STEPS[
			PROCESSES.includes(process as never) ? (process as 'engineering') : 'engineering'
		];
	const keys = new Set<string>();
	const activities: Activity[] = activitiesRaw.slice(0, LIMITS.activities).map((a, i) => {
		const o = isObject(a) ? a : {};
		let key =
			cleanText(o.key)
				.toLowerCase()
				.replace(/[^a-z0-9_-]/g, '') ||
			defaults[i]?.key ||
			`step${i + 1}`;
		if (keys.has(key)) key = `${key}-${i + 1}`;
		keys.add(key);
		const act = { key, label: short(`activities.${i}.label`, o.label) } as Activity;
		for (const part of ACTIVITY_PARTS)
			act[part] = long(
				`activities.${i}.${part}`,
				o[part],
				part === 'content' || part === 'organisation'
			);
		return act;
	});

	const criteriaRaw = asArray(r.criteria);
	if (criteriaRaw.length > LIMITS.criteria) errors.push({ field: 'criteria', code: 'too_many' });
	const criteria = criteriaRaw.slice(0, LIMITS.criteria).map((c, i) => {
		const o = isObject(c) ? c : {};
		return {
			title: short(`criteria.${i}.title`, o.title),
			description: long(`criteria.${i}.description`, o.description)
		};
	});

	if (errors.length) return { ok: false, errors };
	return {
		ok: true,
		content: {
			title,
			grades,
			subjects,
			form: form as LessonContent['form'],
			process: process as LessonContent['process'],
			periods,
			overview,
			aims,
			materials,
			activities,
			criteria
		}
	};
}

/**
 * The editor's form (works without JS): one field per text, materials as lines
 * "name | quantity | cost", criteria as lines "title | description".
 */
export function contentFromForm(form: FormData): {
	raw: Record<string, unknown>;
	lineErrors: LessonFieldError[];
} {
	const get = (k: string) => String(form.get(k) ?? '');
	const lineErrors: LessonFieldError[] = [];
	const lines = (k: string) =>
		get(k)
			.replace(/\r\n?/g, '\n')
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean);
	const materials = lines('materials').map((line, i) => {
		const [name = '', quantity = '', cost = '0'] = line.split('|').map((s) => s.trim());
		const digits = cost.replace(/[.,\s]|đ|VND|vnđ/gi, '');
		if (!/^\d*$/.test(digits))
			lineErrors.push({ field: `materials.${i}.cost`, code: 'invalid', detail: cost });
		return { name, quantity, cost: digits ? Number(digits) : 0 };
	});
	const criteria = lines('criteria').map((line) => {
		const at = line.indexOf('|');
		return at < 0
			? { title: line, description: '' }
			: { title: line.slice(0, at).trim(), description: line.slice(at + 1).trim() };
	});
	const count = Math.min(Number(get('activity_count')) || 0, 10);
	const activities = Array.from({ length: count }, (_, i) => ({
		key: get(`act_${i}_key`),
		label: get(`act_${i}_label`),
		aims: get(`act_${i}_aims`),
		content: get(`act_${i}_content`),
		product: get(`act_${i}_product`),
		organisation: get(`act_${i}_organisation`)
	}));
	return {
		raw: {
			title: get('title'),
			grades: form.getAll('grades').map(String),
			subjects: get('subjects').split(/[,;\n]/),
			form: get('form'),
			process: get('process'),
			periods: get('periods'),
			overview: get('overview'),
			aims: {
				knowledge: get('aims_knowledge'),
				competencies: get('aims_competencies'),
				qualities: get('aims_qualities')
			},
			materials,
			activities,
			criteria
		},
		lineErrors
	};
}
