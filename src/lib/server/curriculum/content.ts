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

/** The problems found so far, each with its field, and the readers of text that add to them. */
class Problems {
	readonly list: LessonFieldError[] = [];

	add(field: string, code: LessonFieldError['code'], detail?: string): void {
		this.list.push(detail === undefined ? { field, code } : { field, code, detail });
	}

	/** One line of text (NFC, spaces folded): a title, a name, a level. */
	short(field: string, v: unknown, required = true): string {
		const s = cleanText(typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '');
		const limit = field === 'title' ? LIMITS.title : LIMITS.short;
		if (required && !s) this.add(field, 'required');
		else if (s.length > limit) this.add(field, 'too_long');
		return s;
	}

	/** Markdown, its line breaks kept. */
	long(field: string, v: unknown, required = false): string {
		const s = cleanLong(typeof v === 'string' ? v : '');
		if (required && !s) this.add(field, 'required');
		if (s.length > LIMITS.long) this.add(field, 'too_long');
		return s;
	}
}

export function validateContent(raw: unknown): Validated {
	const p = new Problems();
	const r = isObject(raw) ? raw : {};
	const title = p.short('title', r.title);
	const grades = readGrades(r.grades, p);
	const subjects = readSubjects(r.subjects, p);
	const form = r.form ?? 'lesson';
	if (!FORMS.includes(form as never)) p.add('form', 'invalid', String(form));
	const process = r.process ?? 'engineering';
	if (!PROCESSES.includes(process as never)) p.add('process', 'invalid', String(process));
	const periods = Number(r.periods);
	if (!Number.isInteger(periods) || periods < 1 || periods > 20) p.add('periods', 'invalid');
	const overview = p.long('overview', r.overview);
	const aimsRaw = isObject(r.aims) ? r.aims : {};
	const aims = {
		knowledge: p.long('aims.knowledge', aimsRaw.knowledge, true),
		competencies: p.long('aims.competencies', aimsRaw.competencies, true),
		qualities: p.long('aims.qualities', aimsRaw.qualities, true)
	};
	const materials = readMaterials(r.materials, p);
	const activities = readActivities(r.activities, process, periods, p);
	const criteria = readCriteria(r.criteria, p);
	const worksheets = readWorksheets(r.worksheets, p.list);
	const safety = p.long('safety', r.safety);
	const groupSize = Number(r.groupSize ?? DEFAULT_GROUP_SIZE);
	if (!Number.isInteger(groupSize) || groupSize < 1 || groupSize > 12)
		p.add('groupSize', 'invalid', String(r.groupSize));
	if (p.list.length) return { ok: false, errors: p.list };
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

/** Grades 1–12, each once, in order; at least one. */
function readGrades(raw: unknown, p: Problems): number[] {
	const grades = [...new Set(asArray(raw).map((g) => Number(g)))].sort((a, b) => a - b);
	if (grades.length === 0) p.add('grades', 'required');
	else if (grades.some((g) => !Number.isInteger(g) || g < 1 || g > 12)) p.add('grades', 'invalid');
	return grades;
}

function readSubjects(raw: unknown, p: Problems): string[] {
	const subjects = [
		...new Set(
			asArray(raw)
				.map((s) => cleanText(s))
				.filter(Boolean)
		)
	];
	if (subjects.length > LIMITS.subjects) p.add('subjects', 'too_many');
	else if (subjects.some((s) => s.length > 60)) p.add('subjects', 'too_long');
	return subjects;
}

/** Each material's name, quantity, cost in đồng and what the cost is for (a class, a group…). */
function readMaterials(raw: unknown, p: Problems): LessonContent['materials'] {
	const list = asArray(raw);
	if (list.length > LIMITS.materials) p.add('materials', 'too_many');
	return list.slice(0, LIMITS.materials).map((m, i) => {
		const o = isObject(m) ? m : {};
		const cost = Number(o.cost ?? 0);
		if (!Number.isInteger(cost) || cost < 0 || cost > LIMITS.cost)
			p.add(`materials.${i}.cost`, 'invalid', String(o.cost));
		const basis = o.basis ?? 'class';
		if (!COST_BASES.includes(basis as CostBasis))
			p.add(`materials.${i}.basis`, 'invalid', String(o.basis));
		return {
			name: p.short(`materials.${i}.name`, o.name),
			quantity: p.short(`materials.${i}.quantity`, o.quantity, false),
			cost,
			basis: basis as CostBasis
		};
	});
}

/**
 * The activities, at least one: each keyed (its own key, else the process's step, else stepN; a
 * repeated key gets its number), its parts, and the periods it runs in (within the lesson's).
 */
function readActivities(raw: unknown, process: unknown, periods: number, p: Problems): Activity[] {
	const list = asArray(raw);
	if (list.length === 0) p.add('activities', 'required');
	if (list.length > LIMITS.activities) p.add('activities', 'too_many');
	const defaults =
		DEFAULT_STEPS[
			PROCESSES.includes(process as never) ? (process as 'engineering') : 'engineering'
		];
	const lastPeriod = Number.isInteger(periods) ? periods : 20;
	const keys = new Set<string>();
	return list.slice(0, LIMITS.activities).map((a, i) => {
		const o = isObject(a) ? a : {};
		let key =
			cleanText(o.key)
				.toLowerCase()
				.replace(/[^a-z0-9_-]/g, '') ||
			defaults[i]?.key ||
			`step${i + 1}`;
		if (keys.has(key)) key = `${key}-${i + 1}`;
		keys.add(key);
		const act = { key, label: p.short(`activities.${i}.label`, o.label) } as Activity;
		for (const part of ACTIVITY_PARTS)
			act[part] = p.long(
				`activities.${i}.${part}`,
				o[part],
				part === 'content' || part === 'organisation'
			);
		const ps = [...new Set(asArray(o.periods).map(Number))].sort((a, b) => a - b);
		if (ps.some((n) => !Number.isInteger(n) || n < 1 || n > lastPeriod))
			p.add(`activities.${i}.periods`, 'invalid', ps.join(', '));
		if (ps.length) act.periods = ps;
		return act;
	});
}

/** The assessment criteria, each with two to five levels or none. */
function readCriteria(raw: unknown, p: Problems): LessonContent['criteria'] {
	const list = asArray(raw);
	if (list.length > LIMITS.criteria) p.add('criteria', 'too_many');
	return list.slice(0, LIMITS.criteria).map((c, i) => {
		const o = isObject(c) ? c : {};
		const levels = asArray(o.levels).map((l, j) => p.short(`criteria.${i}.levels.${j}`, l));
		if (levels.length === 1 || levels.length > 5)
			p.add(`criteria.${i}.levels`, 'invalid', String(levels.length));
		return {
			title: p.short(`criteria.${i}.title`, o.title),
			description: p.long(`criteria.${i}.description`, o.description),
			...(levels.length ? { levels } : {})
		};
	});
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
