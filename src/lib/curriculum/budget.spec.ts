import { describe, expect, it } from 'vitest';
import {
	budget,
	groupsParam,
	levelNames,
	lineCost,
	missingWorksheets,
	needsSafety,
	numberRange,
	periodPlan,
	type Activity,
	type Material
} from './lesson';

const mats: Material[] = [
	{ name: 'Thùng xốp', quantity: '1 cái/nhóm', cost: 20_000, basis: 'group' },
	{ name: 'Màng bọc', quantity: '1 cuộn', cost: 30_000, basis: 'class' },
	{ name: 'Phiếu in', quantity: '1 tờ/em', cost: 500, basis: 'pupil' }
];

describe('a lesson budget', () => {
	it('counts per group × groups, per class once, per pupil × groups × group size', () => {
		const b = budget(mats, 8, 5);
		expect(b.perGroup).toBe(20_000 + 500 * 5);
		expect(b.shared).toBe(30_000);
		expect(b.total).toBe(22_500 * 8 + 30_000);
		expect(budget(mats, 10, 5).total).toBe(22_500 * 10 + 30_000);
		expect(budget(mats, 8, 4).total).toBe((20_000 + 2_000) * 8 + 30_000);
	});
	it('gives each line its cost for the class', () => {
		expect(lineCost(mats[0], 10, 5)).toBe(200_000);
		expect(lineCost(mats[1], 10, 5)).toBe(30_000);
		expect(lineCost(mats[2], 10, 5)).toBe(25_000);
	});
	it('counts a cost without a basis (saved before bases) once for the class', () => {
		expect(budget([{ name: 'x', quantity: '', cost: 7000 }], 8).total).toBe(7000);
	});
	it('reads the chosen groups from 1 to 20, else 8', () => {
		expect(groupsParam('10')).toBe(10);
		expect(groupsParam('0')).toBe(8);
		expect(groupsParam('21')).toBe(8);
		expect(groupsParam('2.5')).toBe(8);
		expect(groupsParam(null)).toBe(8);
	});
});

const act = (text: string, periods?: number[]): Activity => ({
	key: 'k',
	label: 'l',
	aims: '',
	content: text,
	product: '',
	organisation: '',
	...(periods ? { periods } : {})
});

describe('a lesson plan', () => {
	it('maps activities to periods, as written or spread evenly', () => {
		const written = [act('', [1]), act('', [1]), act('', [2]), act('', [2, 3]), act('', [4])];
		expect(periodPlan({ activities: written, periods: 4 })).toEqual([
			{ period: 1, activities: [1, 2] },
			{ period: 2, activities: [3, 4] },
			{ period: 3, activities: [4] },
			{ period: 4, activities: [5] }
		]);
		const spread = periodPlan({ activities: [1, 2, 3, 4, 5].map(() => act('')), periods: 2 });
		expect(spread).toEqual([
			{ period: 1, activities: [1, 2, 3] },
			{ period: 2, activities: [4, 5] }
		]);
		expect(numberRange([1, 2])).toBe('1–2');
		expect(numberRange([1, 3])).toBe('1, 3');
	});
	it('finds worksheets named but not written, by number and by name', () => {
		const activities = [
			act('Phát Phiếu học tập số 1 và phiếu số 2; chấm bằng phiếu đánh giá chéo.')
		];
		expect(missingWorksheets({ activities })).toEqual(['số 1', 'số 2', 'đánh giá chéo']);
		expect(
			missingWorksheets({
				activities,
				worksheets: [
					{ number: 1, title: 'a', body: 'b' },
					{ number: 2, title: 'a', body: 'b' },
					{ number: null, title: 'Phiếu đánh giá chéo', body: 'b' }
				]
			})
		).toEqual([]);
	});
	it('sees tools, heat, water or electricity', () => {
		expect(needsSafety({ materials: [], activities: [act('Cắt ống hút bằng kéo.')] })).toBe(true);
		expect(needsSafety({ materials: [], activities: [act('Đun sôi rồi để nguội.')] })).toBe(true);
		expect(needsSafety({ materials: [], activities: [act('Nối dây điện vào pin.')] })).toBe(true);
		expect(
			needsSafety({ materials: [{ name: 'Pin AA', quantity: '', cost: 0 }], activities: [] })
		).toBe(true);
		expect(needsSafety({ materials: [], activities: [act('Vẽ sơ đồ trên giấy.')] })).toBe(false);
	});
	it('uses three levels in primary (Thông tư 27), four in secondary', () => {
		expect(levelNames([3])).toEqual(['Chưa hoàn thành', 'Hoàn thành', 'Hoàn thành tốt']);
		expect(levelNames([5, 6])).toEqual(['Chưa đạt', 'Đạt', 'Khá', 'Tốt']);
	});
});
