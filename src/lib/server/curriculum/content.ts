// Validation of a lesson plan's fields, from the editor's form or an imported file. Returns every
// problem with the field it belongs to, so the user sees them all at once and nothing is saved.
import { cleanText } from '$lib/text/normalize';
import { basisFromWord, periodsFromText, worksheetsFromText } from '$lib/curriculum/form';
import {
	ACTIVITY_PARTS,
	COST_BASES,
	DEFAULT_GROUP_SIZE,
	DEFAULT_STEPS,
	FORMS,
	LIMITS,
	PROCESSES,
	type Activity,
	type LessonContent,
	type CostBasis,
	type LessonFieldError,
	type Worksheet
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
		const basis = o.basis ?? 'class';
		if (!COST_BASES.includes(basis as CostBasis))
			errors.push({ field: `materials.${i}.basis`, code: 'invalid', detail: String(o.basis) });
		return {
			name: short(`materials.${i}.name`, o.name),
			quantity: short(`materials.${i}.quantity`, o.quantity, false),
			cost,
			basis: basis as CostBasis
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
		const ps = [...new Set(asArray(o.periods).map(Number))].sort((a, b) => a - b);
		if (
			ps.some(
				(p) => !Number.isInteger(p) || p < 1 || p > (Number.isInteger(periods) ? periods : 20)
			)
		)
			errors.push({ field: `activities.${i}.periods`, code: 'invalid', detail: ps.join(', ') });
		if (ps.length) act.periods = ps;
		return act;
	});

	const criteriaRaw = asArray(r.criteria);
	if (criteriaRaw.length > LIMITS.criteria) errors.push({ field: 'criteria', code: 'too_many' });
	const criteria = criteriaRaw.slice(0, LIMITS.criteria).map((c, i) => {
		const o = isObject(c) ? c : {};
		const levels = asArray(o.levels).map((l, j) => short(`criteria.${i}.levels.${j}`, l));
		if (levels.length === 1 || levels.length > 5)
			errors.push({
				field: `criteria.${i}.levels`,
				code: 'invalid',
				detail: String(levels.length)
			});
		return {
			title: short(`criteria.${i}.title`, o.title),
			description: long(`criteria.${i}.description`, o.description),
			...(levels.length ? { levels } : {})
		};
	});

	const worksheets = readWorksheets(r.worksheets, errors);
	const safety = long('safety', r.safety);
	const groupSize = Number(r.groupSize ?? DEFAULT_GROUP_SIZE);
	if (!Number.isInteger(groupSize) || groupSize < 1 || groupSize > 12)
		errors.push({ field: 'groupSize', code: 'invalid', detail: String(r.groupSize) });

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
			criteria,
			groupSize,
			safety,
			worksheets
		}
	};
}

function readWorksheets(raw: unknown, errors: LessonFieldError[]): Worksheet[] {
	const list = asArray(raw);
	if (list.length > LIMITS.worksheets) errors.push({ field: 'worksheets', code: 'too_many' });
	const seen = new Set<number>();
	return list.slice(0, LIMITS.worksheets).map((w, i) => {
		const o = isObject(w) ? w : {};
		const number =
			o.number === undefined || o.number === null || o.number === '' ? null : Number(o.number);
		if (
			number !== null &&
			(!Number.isInteger(number) || number < 1 || number > 99 || seen.has(number))
		)
			errors.push({ field: `worksheets.${i}.number`, code: 'invalid', detail: String(o.number) });
		if (number !== null) seen.add(number);
		const title = cleanText(typeof o.title === 'string' ? o.title : '');
		if (!title) errors.push({ field: `worksheets.${i}.title`, code: 'required' });
		else if (title.length > LIMITS.short)
			errors.push({ field: `worksheets.${i}.title`, code: 'too_long' });
		const body = cleanLong(typeof o.body === 'string' ? o.body : '');
		if (!body) errors.push({ field: `worksheets.${i}.body`, code: 'required' });
		else if (body.length > LIMITS.long)
			errors.push({ field: `worksheets.${i}.body`, code: 'too_long' });
		return { number, title, body };
	});
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
		const [name = '', quantity = '', cost = '0', word = ''] = line.split('|').map((s) => s.trim());
		const digits = cost.replace(/[.,\s]|đ|VND|vnđ/gi, '');
		if (!/^\d*$/.test(digits))
			lineErrors.push({ field: `materials.${i}.cost`, code: 'invalid', detail: cost });
		const basis = basisFromWord(word);
		if (!basis) lineErrors.push({ field: `materials.${i}.basis`, code: 'invalid', detail: word });
		return { name, quantity, cost: digits ? Number(digits) : 0, basis: basis ?? 'class' };
	});
	const criteria = lines('criteria').map((line) => {
		const [title = '', description = '', ...levels] = line.split('|').map((s) => s.trim());
		return { title, description, levels: levels.filter(Boolean) };
	});
	const count = Math.min(Number(get('activity_count')) || 0, 10);
	const activities = Array.from({ length: count }, (_, i) => ({
		key: get(`act_${i}_key`),
		label: get(`act_${i}_label`),
		aims: get(`act_${i}_aims`),
		content: get(`act_${i}_content`),
		product: get(`act_${i}_product`),
		organisation: get(`act_${i}_organisation`),
		periods: periodsFromText(get(`act_${i}_periods`))
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
			criteria,
			groupSize: get('group_size') || undefined,
			safety: get('safety'),
			worksheets: worksheetsFromText(get('worksheets'))
		},
		lineErrors
	};
}
