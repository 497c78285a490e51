import { describe, expect, it } from 'vitest';
import { exportFileName, exportLesson, fileAuthor, importLesson } from './exchange';
import { sampleLesson } from './testing';

describe('export then import', () => {
	it('gives back the same lesson', () => {
		const lesson = sampleLesson({
			overview: '## Bối cảnh\n\nHồi **Lạng Sơn**: $v = \\frac{s}{t}$\n\n---\n\nDòng sau dấu gạch.',
			activities: sampleLesson().activities.map((a, i) => ({
				...a,
				content: `Dòng 1: "trích" #${i}\n- gạch đầu dòng\n\n$$E = mc^2$$`
			}))
		});
		const file = exportLesson(lesson);
		expect(file.startsWith('---\nformat: mam-stem-lesson/1\n')).toBe(true);
		const back = importLesson(file);
		expect(back).toEqual({ ok: true, content: lesson });
		// And again: stable.
		expect(exportLesson((back as { content: typeof lesson }).content)).toBe(file);
	});

	it('accepts Windows line ends and a byte-order mark', () => {
		const file = '\uFEFF' + exportLesson(sampleLesson()).replace(/\n/g, '\r\n');
		expect(importLesson(file)).toEqual({ ok: true, content: sampleLesson() });
	});

	it('names the file without diacritics', () => {
		expect(exportFileName('Máy sấy hoa hồi: Đồng Đăng!')).toBe('may-say-hoa-hoi-dong-dang.md');
	});
});

describe('a malformed file is refused with its reason', () => {
	it('no front matter', () => {
		expect(importLesson('# Just markdown')).toEqual({
			ok: false,
			errors: [{ field: 'front_matter', code: 'front_matter' }]
		});
	});
	it('broken YAML, with the line', () => {
		const r = importLesson('---\ntitle: a\ngrades: [6\n---\nbody');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0]).toMatchObject({ field: 'front_matter', code: 'yaml' });
	});
	it('a wrong field is named', () => {
		const file = exportLesson(sampleLesson())
			.replace('process: engineering', 'process: magic')
			.replace(/grades:\n {2}- 8/, 'grades:\n  - 15');
		const r = importLesson(file);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.errors).toContainEqual({ field: 'process', code: 'invalid', detail: 'magic' });
			expect(r.errors).toContainEqual({ field: 'grades', code: 'invalid' });
		}
	});
	it('a missing activity part is named with its place', () => {
		const l = sampleLesson();
		l.activities[2].content = '';
		const r = importLesson(exportLesson(l));
		expect(r).toEqual({ ok: false, errors: [{ field: 'activities.2.content', code: 'required' }] });
	});
	it('another format version', () => {
		const r = importLesson(exportLesson(sampleLesson()).replace('mam-stem-lesson/1', 'other/9'));
		expect(r.ok).toBe(false);
	});
	it('YAML alias bombs are refused', () => {
		const bomb =
			'---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\n';
		expect(importLesson(bomb).ok).toBe(false);
	});
});

describe("the original author's credit", () => {
	it('a file carries who first wrote the lesson, and an import keeps it', () => {
		const file = exportLesson(sampleLesson(), 'Hoàng Thị Hoa, Trường THCS Đồng Đăng');
		expect(importLesson(file).ok).toBe(true);
		expect(fileAuthor(file)).toBe('Hoàng Thị Hoa, Trường THCS Đồng Đăng');
		expect(fileAuthor(exportLesson(sampleLesson()))).toBeNull();
		expect(fileAuthor('---\nauthor: [1, 2]\n---\n')).toBeNull();
		expect(fileAuthor('no front matter')).toBeNull();
	});
});
