// The editor's form fields <-> a lesson's content. Flat names so the form works without JS.
import type { CostBasis, LessonContent, LessonFieldError, Worksheet } from './lesson';
import { ACTIVITY_PARTS, DEFAULT_GROUP_SIZE } from './lesson';

/** How the editor writes a cost's basis in a material's line ("… | 20000 | nhóm"). */
export const BASIS_WORDS: Record<CostBasis, string> = {
	group: 'nhóm',
	class: 'lớp',
	pupil: 'học sinh'
};

/** "nhóm", "group", "lớp", "class", "học sinh", "hs", "pupil" → the basis; undefined if unknown. */
export function basisFromWord(word: string): CostBasis | undefined {
	const w = word.normalize('NFC').trim().toLowerCase();
	if (!w || w === 'lớp' || w === 'class' || w === 'cả lớp') return 'class';
	if (w === 'nhóm' || w === 'group') return 'group';
	if (w === 'học sinh' || w === 'hs' || w === 'pupil') return 'pupil';
	return undefined;
}

/** Worksheets as one Markdown text: each starts with a "## " heading ("## Phiếu học tập số 2: Title"). */
export function worksheetsToText(ws: Worksheet[]): string {
	return ws
		.map(
			(w) =>
				`## ${w.number === null ? '' : `Phiếu học tập số ${w.number}: `}${w.title}\n\n${w.body}`
		)
		.join('\n\n');
}

export function worksheetsFromText(text: string): Worksheet[] {
	return text
		.replace(/\r\n?/g, '\n')
		.split(/^## /m)
		.slice(1)
		.map((chunk) => {
			const nl = chunk.indexOf('\n');
			const head = (nl < 0 ? chunk : chunk.slice(0, nl)).trim();
			const body = nl < 0 ? '' : chunk.slice(nl + 1).trim();
			const m = /^phiếu\s+học\s+tập\s+số\s+(\d+)\s*[:.–-]?\s*(.*)$/iu.exec(head.normalize('NFC'));
			return m
				? { number: Number(m[1]), title: m[2] || head, body }
				: { number: null, title: head, body };
		});
}

/** "2" → [2], "2-3" or "2–3" → [2, 3], "1, 3" → [1, 3]; "" → []. Non-numbers are kept as NaN (refused). */
export function periodsFromText(text: string): number[] {
	const t = text.trim();
	if (!t) return [];
	const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(t);
	if (range) {
		const [a, b] = [Number(range[1]), Number(range[2])];
		return b >= a && b - a < 20 ? Array.from({ length: b - a + 1 }, (_, i) => a + i) : [NaN];
	}
	return t.split(/[,;\s]+/).map(Number);
}

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
		materials: c.materials
			.map((m) => `${m.name} | ${m.quantity} | ${m.cost} | ${BASIS_WORDS[m.basis ?? 'class']}`)
			.join('\n'),
		criteria: c.criteria
			.map((k) =>
				[k.title, k.description.replace(/\s*\n\s*/g, ' '), ...(k.levels ?? [])].join(' | ')
			)
			.join('\n'),
		activity_count: String(c.activities.length),
		group_size: String(c.groupSize ?? DEFAULT_GROUP_SIZE),
		safety: c.safety ?? '',
		worksheets: worksheetsToText(c.worksheets ?? [])
	};
	c.activities.forEach((a, i) => {
		v[`act_${i}_key`] = a.key;
		v[`act_${i}_label`] = a.label;
		v[`act_${i}_periods`] = (a.periods ?? []).join(', ');
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
	if (list === 'activities' && part === 'periods') return `act_${i}_periods`;
	if (list === 'materials' || list === 'criteria' || list === 'worksheets') return list;
	if (list === 'groupSize') return 'group_size';
	return list;
}

export function errorsByInput(
	errors: LessonFieldError[] | undefined
): Record<string, LessonFieldError[]> {
	const out: Record<string, LessonFieldError[]> = {};
	for (const e of errors ?? []) (out[inputOf(e.field)] ??= []).push(e);
	return out;
}
