import { describe, expect, it } from 'vitest';
import { startRubric } from './rubrics';

// A rubric started from a lesson carries what the work looks like at each level.
describe('a rubric started from a lesson', () => {
	const criteria = [
		{
			title: 'Giữ ấm',
			description: 'Sau 30 phút giảm không quá 8 °C',
			levels: ['Giảm như cốc để trần', 'Giảm 9–15 °C', 'Giảm không quá 8 °C']
		}
	];
	it('uses Thông tư 27’s three levels in primary, each with the lesson’s descriptor', () => {
		const [c] = startRubric(criteria, [3, 4]);
		expect(c.levels.map((l) => l.descriptor)).toEqual([
			'Chưa hoàn thành: Giảm như cốc để trần',
			'Hoàn thành: Giảm 9–15 °C',
			'Hoàn thành tốt: Giảm không quá 8 °C'
		]);
		expect(c.levels.map((l) => l.points)).toEqual([1, 2, 3]);
	});
	it('uses the four secondary levels from grade 6, with descriptors when the lesson has four', () => {
		const four = [{ ...criteria[0], levels: ['a1', 'b2', 'c3', 'd4'] }];
		expect(startRubric(four, [8])[0].levels.map((l) => l.descriptor)).toEqual([
			'Chưa đạt: a1',
			'Đạt: b2',
			'Khá: c3',
			'Tốt: d4'
		]);
		// Three descriptors do not fit four levels: the level names alone.
		expect(startRubric(criteria, [8])[0].levels.map((l) => l.descriptor)).toEqual([
			'Chưa đạt',
			'Đạt',
			'Khá',
			'Tốt'
		]);
	});
	it('keeps the usual design criteria when the lesson has none', () => {
		expect(startRubric([], [2])[0].levels).toHaveLength(3);
		expect(startRubric([]).map((c) => c.levels.length)).toEqual([4, 4, 4, 4]);
	});
});
