// What a child reads after a run: the real grader's verdict turned into the page's Vietnamese sentence.
import { describe, expect, test } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { gradeWorkspace } from '$lib/server/exercises/grade';
import * as b from '$lib/server/exercises/build';
import { emptySpec, type ExerciseSpec, type IoCase } from './spec';
import { hintAskLabel, hintStepLabel, refusalMessage, verdictMessage } from './labels';

overwriteGetLocale(() => 'vi');

const ioSpec = (cases: IoCase[], ignoreDiacritics = false): ExerciseSpec => ({
	...emptySpec('io'),
	io: { cases, ignoreDiacritics }
});

function said(spec: ExerciseSpec, ws: ReturnType<typeof b.ws>, blocks = 2) {
	const r = gradeWorkspace('io', spec, ws, blocks);
	if (!r.ok) throw new Error('not graded');
	return { passed: r.verdict.passed, stars: r.stars, text: verdictMessage(r.verdict) };
}

describe('the I/O check in words a child reads', () => {
	const hello = ioSpec([{ inputs: {}, expected: 'Xin chào' }]);
	test('missing tone marks (grade 6 and up): what was printed, and to write the marks', () => {
		const r = said(hello, b.ws(b.print(b.text('xin chao'))));
		expect(r.passed).toBe(false);
		expect(r.text).toBe('Chương trình in ra «xin chao» — hãy viết đủ dấu: «Xin chào».');
	});
	test('grades 3–5: the same program passes; case and extra spaces never matter', () => {
		const kind = ioSpec([{ inputs: {}, expected: 'Xin chào' }], true);
		expect(said(kind, b.ws(b.print(b.text('xin chao')))).passed).toBe(true);
		expect(said(hello, b.ws(b.print(b.text('  XIN   chào ')))).passed).toBe(true);
	});
	test('other text, nothing printed: said plainly, never "∅" nor an empty "Với đầu vào ,"', () => {
		const other = said(hello, b.ws(b.print(b.text('Tạm biệt'))));
		expect(other.text).toBe('Chương trình in ra «Tạm biệt», nhưng cần in ra «Xin chào».');
		const nothing = said(hello, b.ws(b.print(b.text(''))));
		expect(nothing.text).toBe('Chương trình chưa in ra gì — hãy dùng khối lệnh «in ra».');
		for (const t of [other.text, nothing.text]) {
			expect(t).not.toContain('∅');
			expect(t).not.toMatch(/Với đầu vào\s*[,:]/);
		}
	});
	test('with inputs, the sentence names them first', () => {
		const spec = ioSpec([{ inputs: { ten: 'Lan' }, expected: 'Xin chào Lan' }]);
		const r = said(spec, b.ws(b.print(b.text('Tạm biệt'))));
		expect(r.text).toMatch(
			/^Với đầu vào .*Lan.*: Chương trình in ra «Tạm biệt», nhưng cần in ra «Xin chào Lan»\.$/
		);
	});
	test('an empty workspace earns nothing and says to drag blocks in', () => {
		const r = said(hello, b.ws(), 0);
		expect(r).toMatchObject({ passed: false, stars: 0 });
		expect(r.text).toBe('Hãy kéo khối lệnh vào rồi bấm Chạy.');
	});
	test('run-time errors are explained in Vietnamese, never the JavaScript message', () => {
		const say = (reason: string) =>
			verdictMessage({
				passed: false,
				code: 'runtime_error',
				params: { reason, message: 'x is not defined' }
			});
		expect(say('not_defined')).toContain('biến hoặc một hàm chưa có');
		expect(say('not_function')).toContain('gọi một hàm chưa được tạo');
		expect(say('recursion')).toContain('gọi lại chính nó');
		expect(say('other')).toContain('bị lỗi khi chạy');
		for (const r of ['not_defined', 'not_function', 'recursion', 'other'])
			expect(say(r)).not.toContain('is not defined');
	});
});

test('hint steps are named: a nudge, how to do it, the answer', () => {
	expect([1, 2, 3].map((n) => hintStepLabel(n, 3))).toEqual([
		'Gợi ý 1/3',
		'Cách làm 2/3',
		'Lời giải 3/3'
	]);
	expect([1, 2, 3].map((n) => hintAskLabel(n, 3))).toEqual([
		'Xin gợi ý (1/3)',
		'Xem cách làm (2/3)',
		'Xem lời giải (3/3)'
	]);
	expect(hintStepLabel(2, 2)).toBe('Gợi ý 2/2');
});

describe('a refused workspace', () => {
	test('names the block the exercise does not offer; each refusal has its own sentence', () => {
		expect(refusalMessage('unknown_block', 'evil_block')).toContain('evil_block');
		const sentences = (['too_large', 'malformed', 'unknown_block', 'load_failed'] as const).map(
			(p) => refusalMessage(p, 'x')
		);
		expect(new Set(sentences).size).toBe(4);
	});

	test('a refusal this page does not know (a newer server) reads as a malformed workspace', () => {
		const unknown = 'from_a_newer_server' as Parameters<typeof refusalMessage>[0];
		expect(refusalMessage(unknown)).toBe(refusalMessage('malformed'));
	});
});
