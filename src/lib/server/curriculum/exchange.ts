// One Markdown file per lesson, for USB sticks and e-mail: every field in YAML front matter,
// the overview as the body. Import validates it like the editor does; errors name the field.
import { parse, stringify, YAMLParseError } from 'yaml';
import type { LessonContent, LessonFieldError } from '$lib/curriculum/lesson';
import { validateContent, type Validated } from './content';
import { cleanText } from '$lib/text/normalize';

export const FORMAT = 'mam-stem-lesson/1';
export const MAX_IMPORT_BYTES = 512 * 1024;

/**
 * The lesson as a file. `author` credits who first wrote it: the file's original author when the
 * lesson was itself imported, else its author and school.
 */
export function exportLesson(c: LessonContent, author: string | null = null): string {
	const front = {
		format: FORMAT,
		...(author ? { author } : {}),
		title: c.title,
		grades: c.grades,
		subjects: c.subjects,
		form: c.form,
		process: c.process,
		periods: c.periods,
		aims: c.aims,
		materials: c.materials,
		...(c.groupSize ? { groupSize: c.groupSize } : {}),
		...(c.safety ? { safety: c.safety } : {}),
		activities: c.activities,
		criteria: c.criteria,
		...(c.worksheets?.length ? { worksheets: c.worksheets } : {})
	};
	return `---\n${stringify(front, { lineWidth: 0, blockQuote: 'literal' })}---\n\n${c.overview}\n`;
}

/** A file's name for the download: the title without diacritics or odd characters. */
export function exportFileName(title: string): string {
	const base = title
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60);
	return `${base || 'bai-hoc'}.md`;
}

/** The credit a lesson file carries ("author": a name and school), cleaned; null when it has none. */
export function fileAuthor(text: string): string | null {
	const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text);
	if (!m) return null;
	try {
		const fm = parse(m[1], { maxAliasCount: 10 }) as Record<string, unknown> | null;
		const a = typeof fm?.author === 'string' ? cleanText(fm.author).slice(0, 200) : '';
		return a || null;
	} catch {
		return null;
	}
}

export function importLesson(text: string): Validated {
	const fail = (e: LessonFieldError): Validated => ({ ok: false, errors: [e] });
	const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const m = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)([\s\S]*)$/.exec(src);
	if (!m) return fail({ field: 'front_matter', code: 'front_matter' });
	let data: unknown;
	try {
		data = parse(m[1], { maxAliasCount: 10, uniqueKeys: true });
	} catch (e) {
		const line =
			e instanceof YAMLParseError && e.linePos ? String(e.linePos[0].line + 1) : undefined;
		return fail({ field: 'front_matter', code: 'yaml', detail: line });
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data))
		return fail({ field: 'front_matter', code: 'front_matter' });
	const fm = data as Record<string, unknown>;
	if (fm.format !== undefined && fm.format !== FORMAT)
		return fail({ field: 'format', code: 'invalid', detail: String(fm.format) });
	return validateContent({ ...fm, overview: m[2] });
}
