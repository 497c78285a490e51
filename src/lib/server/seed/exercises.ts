// The pilot's shared Blockly exercises: a path from grade 3 to grade 9 across the four kinds, themed on
// Lạng Sơn. Each keeps its reference solution and at least one wrong solution (the tests grade them all).
import type { Conn, DB } from '../db';
import type { Concept, ExerciseSpec, Kind, WorkspaceJson } from '$lib/blockly/spec';
import { KIND_BLOCKS, STANDARD_BLOCKS } from '$lib/blockly/blocks';
import { countBlocks } from '$lib/blockly/workspace';
import * as b from '../exercises/build';
import { createExercise } from '../exercises/exercises';
import { turtleTarget } from '../exercises/grade';
import { exerciseHash, exerciseKey, hashOf, remember } from '../content/records';

export interface SeedExercise {
	title: string;
	kind: Kind;
	grade: number;
	concept: Concept;
	task: string;
	categories: string[];
	reference: WorkspaceJson;
	wrong: WorkspaceJson[];
	hints: string[];
	start?: WorkspaceJson;
	world?: Partial<ExerciseSpec>;
}

const SUNNY = [2, 2, 2, 3, 4, 6, 8, 9, 10, 10, 10, 9, 8, 6, 4, 3, 2, 2, 2, 2, 2, 2, 2, 2];
const RAINY = [-4, -4, -2, 0, 1, 2, 3, 3, 2, 1, 0, -3, -5, -5, -2, 0, 1, 2, 2, 1, 1, 1, 1, 1];
const FLOOD = [
	180, 185, 190, 200, 215, 235, 250, 265, 280, 290, 285, 270, 255, 240, 225, 210, 200, 195, 190,
	185, 180, 178, 176, 175
];
const CALM = [
	150, 150, 152, 153, 155, 156, 158, 160, 160, 158, 157, 155, 154, 153, 152, 151, 150, 150, 150,
	149, 149, 148, 148, 148
];
const moistureDay = (low: number, high: number) => ({
	sensor: {
		sensor: 'moisture' as const,
		start: 55,
		low,
		high,
		pump: 12,
		scenarios: [
			{ name: 'Ngày nắng', values: SUNNY },
			{ name: 'Ngày mưa', values: RAINY }
		]
	}
});
const floodDay = {
	sensor: {
		sensor: 'water' as const,
		danger: 250,
		scenarios: [
			{ name: 'Ngày lũ', values: FLOOD },
			{ name: 'Ngày yên', values: CALM }
		]
	}
};
const io = (...cases: [Record<string, number>, string, boolean?][]) => ({
	io: {
		cases: cases.map(([inputs, expected, hidden]) => ({
			inputs,
			expected,
			...(hidden ? { hidden } : {})
		}))
	}
});
const maze = (dir: number, ...grids: string[][]) => ({
	maze: { worlds: grids.map((rows) => ({ rows, dir })) }
});

const checkMoisture = (threshold: number) =>
	b.repeat(
		24,
		b.ifThen(b.compare('LT', b.moisture(), b.num(threshold)), [b.pump(true)], [b.pump(false)]),
		b.wait()
	);
const floodRule = (op: 'GTE' | 'GT', level: number) =>
	b.ifThen(b.compare(op, b.water(), b.num(level)), [b.alarm(true)], [b.alarm(false)]);
const square = (side: number) => b.repeat(4, b.forward(side), b.turn('RIGHT', 90));
const wallFollower = (turnOtherwise: boolean) =>
	b.until(
		b.atGoal(),
		b.ifThen(
			b.path('AHEAD'),
			[b.go()],
			[
				turnOtherwise
					? b.ifThen(b.path('LEFT'), [b.mturn('LEFT')], [b.mturn('RIGHT')])
					: b.mturn('RIGHT')
			]
		)
	);

const WINDING = ['#######', '#S..###', '###.###', '###...#', '#####.#', '#G....#', '#######'];
const STAIRS3 = ['######', '####G#', '###..#', '##..##', '#S.###', '######'];
const STAIRS4 = ['#######', '#####G#', '####..#', '###..##', '##..###', '#S.####', '#######'];

export const SEED_EXERCISES: SeedExercise[] = [
	// Input and output
	{
		title: 'Chào Lạng Sơn',
		kind: 'io',
		grade: 3,
		concept: 'sequence',
		categories: ['io', 'text'],
		task: 'Viết chương trình **in ra** dòng chữ `Xin chào Lạng Sơn`.',
		reference: b.ws(b.print(b.text('Xin chào Lạng Sơn'))),
		wrong: [b.ws(b.print(b.text('Xin chao')))],
		hints: ['Kéo khối lệnh «in ra» vào, rồi gắn một khối lệnh chữ vào nó.'],
		world: io([{}, 'Xin chào Lạng Sơn'])
	},
	{
		title: 'Bình phương một số',
		kind: 'io',
		grade: 4,
		concept: 'sequence',
		categories: ['io', 'math'],
		task: 'Đầu vào là một số `n`. Hãy in ra **n × n**. Ví dụ: với n = 5, in ra 25.',
		reference: b.ws(b.print(b.arith('MULTIPLY', b.input('n'), b.input('n')))),
		wrong: [b.ws(b.print(b.arith('ADD', b.input('n'), b.input('n'))))],
		hints: ['Dùng khối lệnh phép tính, chọn dấu ×.', 'Cả hai ô của phép nhân đều là «đầu vào n».'],
		world: io([{ n: 5 }, '25'], [{ n: 3 }, '9'], [{ n: 12 }, '144', true])
	},
	{
		title: 'Tiền mua bánh chưng',
		kind: 'io',
		grade: 5,
		concept: 'variables',
		categories: ['io', 'math', 'variables'],
		task: 'Mỗi chiếc bánh chưng giá `gia` nghìn đồng. Mẹ mua `so` chiếc. Hãy in ra số tiền phải trả (nghìn đồng).',
		reference: b.ws(
			b.setVar('tien', b.arith('MULTIPLY', b.input('gia'), b.input('so'))),
			b.print(b.getVar('tien'))
		),
		wrong: [b.ws(b.print(b.arith('ADD', b.input('gia'), b.input('so'))))],
		hints: ['Tiền = giá × số chiếc.'],
		world: io(
			[{ gia: 80, so: 3 }, '240'],
			[{ gia: 100, so: 2 }, '200'],
			[{ gia: 75, so: 4 }, '300', true]
		)
	},
	{
		title: 'Số chẵn hay số lẻ',
		kind: 'io',
		grade: 6,
		concept: 'conditions',
		categories: ['io', 'logic', 'math', 'text'],
		task: 'Đầu vào là số `n`. In ra `chẵn` nếu n chia hết cho 2, ngược lại in ra `lẻ`.',
		reference: b.ws(
			b.ifThen(
				b.compare('EQ', b.mod(b.input('n'), b.num(2)), b.num(0)),
				[b.print(b.text('chẵn'))],
				[b.print(b.text('lẻ'))]
			)
		),
		wrong: [b.ws(b.print(b.text('chẵn')))],
		hints: ['Số dư của n chia cho 2 bằng 0 thì n chẵn.', 'Dùng khối lệnh «nếu … thì … nếu không».'],
		world: io(
			[{ n: 4 }, 'chẵn'],
			[{ n: 7 }, 'lẻ'],
			[{ n: 0 }, 'chẵn', true],
			[{ n: 13 }, 'lẻ', true]
		)
	},
	{
		title: 'Tổng từ 1 đến n',
		kind: 'io',
		grade: 7,
		concept: 'loops',
		categories: ['io', 'loops', 'math', 'variables'],
		task: 'Đầu vào là số `n`. Hãy in ra tổng **1 + 2 + … + n**.',
		reference: b.ws(
			b.seq(
				b.setVar('tong', b.num(0)),
				b.setVar('i', b.num(0)),
				b.repeat(
					b.input('n'),
					b.changeVar('i', 1),
					b.setVar('tong', b.arith('ADD', b.getVar('tong'), b.getVar('i')))
				),
				b.print(b.getVar('tong'))
			)!
		),
		wrong: [
			b.ws(
				b.seq(
					b.setVar('i', b.num(0)),
					b.repeat(b.input('n'), b.changeVar('i', 1)),
					b.print(b.getVar('i'))
				)!
			)
		],
		hints: ['Dùng một biến «tổng» bắt đầu bằng 0.', 'Mỗi vòng, tăng i thêm 1 rồi cộng i vào tổng.'],
		world: io([{ n: 4 }, '10'], [{ n: 10 }, '55'], [{ n: 1 }, '1', true])
	},
	{
		title: 'Đổi độ C sang độ F',
		kind: 'io',
		grade: 8,
		concept: 'variables',
		categories: ['io', 'math', 'variables'],
		task: 'Nhiệt độ ở Mẫu Sơn là `c` độ C. In ra nhiệt độ đó theo độ F: **F = C × 9 ÷ 5 + 32**.',
		reference: b.ws(
			b.print(
				b.arith(
					'ADD',
					b.arith('DIVIDE', b.arith('MULTIPLY', b.input('c'), b.num(9)), b.num(5)),
					b.num(32)
				)
			)
		),
		wrong: [b.ws(b.print(b.arith('ADD', b.arith('MULTIPLY', b.input('c'), b.num(2)), b.num(30))))],
		hints: ['Nhân trước, chia sau, rồi cộng 32.'],
		world: io([{ c: 0 }, '32'], [{ c: 100 }, '212'], [{ c: 25 }, '77', true])
	},
	{
		title: 'Đếm số chia hết cho 3',
		kind: 'io',
		grade: 9,
		concept: 'conditions',
		categories: ['io', 'loops', 'logic', 'math', 'variables'],
		task: 'Đầu vào là số `n`. Có bao nhiêu số từ 1 đến n chia hết cho 3? In ra số đó.',
		reference: b.ws(
			b.seq(
				b.setVar('dem', b.num(0)),
				b.setVar('i', b.num(0)),
				b.repeat(
					b.input('n'),
					b.changeVar('i', 1),
					b.ifThen(b.compare('EQ', b.mod(b.getVar('i'), b.num(3)), b.num(0)), [
						b.changeVar('dem', 1)
					])
				),
				b.print(b.getVar('dem'))
			)!
		),
		wrong: [
			b.ws(
				b.seq(
					b.setVar('dem', b.num(0)),
					b.repeat(b.input('n'), b.changeVar('dem', 1)),
					b.print(b.getVar('dem'))
				)!
			)
		],
		hints: ['Chỉ tăng biến đếm khi số dư của i chia 3 bằng 0.'],
		world: io([{ n: 10 }, '3'], [{ n: 3 }, '1'], [{ n: 20 }, '6', true])
	},
	// Turtle drawing
	{
		title: 'Vẽ chiếc bánh chưng vuông',
		kind: 'turtle',
		grade: 3,
		concept: 'sequence',
		categories: ['turtle'],
		task: 'Giúp rùa vẽ một chiếc **bánh chưng vuông** cạnh 100 bước.',
		reference: b.ws(b.seq(...[1, 2, 3, 4].flatMap(() => [b.forward(100), b.turn('RIGHT', 90)]))!),
		wrong: [b.ws(b.seq(...[1, 2, 3].flatMap(() => [b.forward(100), b.turn('RIGHT', 90)]))!)],
		hints: ['Hình vuông có 4 cạnh bằng nhau và 4 góc vuông (90 độ).'],
		start: b.ws(b.forward(100))
	},
	{
		title: 'Bánh chưng vuông với vòng lặp',
		kind: 'turtle',
		grade: 4,
		concept: 'loops',
		categories: ['turtle', 'loops'],
		task: 'Vẽ lại chiếc bánh chưng vuông cạnh 100 nhưng chỉ dùng **một vòng lặp**.',
		reference: b.ws(square(100)),
		wrong: [b.ws(b.repeat(3, b.forward(100), b.turn('RIGHT', 90)))],
		hints: ['Lặp lại 4 lần: tiến 100, quay phải 90.']
	},
	{
		title: 'Ngôi sao hoa hồi',
		kind: 'turtle',
		grade: 5,
		concept: 'loops',
		categories: ['turtle', 'loops'],
		task: 'Hoa hồi Lạng Sơn có 8 cánh. Vẽ ngôi sao **8 cánh**: lặp 8 lần, mỗi lần tiến 100 bước rồi quay phải 135 độ.',
		reference: b.ws(b.repeat(8, b.forward(100), b.turn('RIGHT', 135))),
		wrong: [b.ws(b.repeat(8, b.forward(100), b.turn('RIGHT', 144)))],
		hints: ['Góc quay là 135 độ.']
	},
	{
		title: 'Ngôi sao năm cánh',
		kind: 'turtle',
		grade: 6,
		concept: 'loops',
		categories: ['turtle', 'loops'],
		task: 'Vẽ ngôi sao **năm cánh**, mỗi cạnh 100 bước.',
		reference: b.ws(b.repeat(5, b.forward(100), b.turn('RIGHT', 144))),
		wrong: [b.ws(b.repeat(5, b.forward(100), b.turn('RIGHT', 72)))],
		hints: ['Tổng các góc quay của ngôi sao năm cánh là 720 độ.', '720 ÷ 5 = 144.']
	},
	{
		title: 'Hai chiếc bánh chưng',
		kind: 'turtle',
		grade: 7,
		concept: 'functions',
		categories: ['turtle', 'loops', 'functions'],
		task: 'Tạo hàm `ve_banh` vẽ bánh chưng cạnh 60, rồi dùng hàm đó để vẽ **hai chiếc bánh** cách nhau 80 bước.',
		reference: b.ws(
			b.seq(
				b.callProc('ve_banh'),
				b.pen('UP'),
				b.turn('RIGHT', 90),
				b.forward(80),
				b.turn('LEFT', 90),
				b.pen('DOWN'),
				b.callProc('ve_banh')
			)!,
			b.defProc('ve_banh', square(60))
		),
		wrong: [b.ws(b.callProc('ve_banh'), b.defProc('ve_banh', square(60)))],
		hints: ['Nhấc bút lên trước khi di chuyển sang chỗ bánh thứ hai.']
	},
	{
		title: 'Xoắn ốc đồi chè',
		kind: 'turtle',
		grade: 8,
		concept: 'variables',
		categories: ['turtle', 'loops', 'math', 'variables'],
		task: 'Luống chè trên đồi uốn thành hình **xoắn ốc**: bắt đầu bằng cạnh 10, mỗi lần quay phải 90 độ thì cạnh dài thêm 10. Vẽ 8 cạnh.',
		reference: b.ws(
			b.seq(
				b.setVar('canh', b.num(10)),
				b.repeat(8, b.forwardBy(b.getVar('canh')), b.turn('RIGHT', 90), b.changeVar('canh', 10))
			)!
		),
		wrong: [
			b.ws(
				b.seq(
					b.setVar('canh', b.num(10)),
					b.repeat(8, b.forwardBy(b.getVar('canh')), b.turn('RIGHT', 90))
				)!
			)
		],
		hints: ['Dùng biến «cạnh» và khối lệnh «tăng cạnh thêm 10».']
	},
	{
		title: 'Chong chóng bánh chưng',
		kind: 'turtle',
		grade: 9,
		concept: 'functions',
		categories: ['turtle', 'loops', 'functions'],
		task: 'Dùng hàm `ve_banh` (bánh chưng cạnh 50) và vòng lặp để vẽ **4 chiếc bánh** xoay quanh một điểm, mỗi lần quay 90 độ.',
		reference: b.ws(
			b.repeat(4, b.callProc('ve_banh'), b.turn('RIGHT', 90)),
			b.defProc('ve_banh', square(50))
		),
		wrong: [
			b.ws(
				b.repeat(4, b.callProc('ve_banh'), b.turn('RIGHT', 45)),
				b.defProc('ve_banh', square(50))
			)
		],
		hints: ['Sau mỗi chiếc bánh, quay phải 90 độ.']
	},
	// Grid robot
	{
		title: 'Rô-bốt qua đồi chè',
		kind: 'maze',
		grade: 3,
		concept: 'sequence',
		categories: ['maze'],
		task: 'Đưa rô-bốt hái chè tới **lá cờ** mà không đâm vào bụi chè.',
		reference: b.ws(b.seq(b.go(), b.go(), b.go(), b.mturn('RIGHT'), b.go(), b.go())!),
		wrong: [b.ws(b.seq(b.go(), b.go(), b.mturn('RIGHT'), b.go(), b.go())!)],
		hints: ['Đi thẳng 3 ô rồi mới rẽ phải.'],
		world: maze(0, ['#######', '#S...##', '####.##', '####G##', '#######'])
	},
	{
		title: 'Lối mòn thẳng tắp',
		kind: 'maze',
		grade: 4,
		concept: 'loops',
		categories: ['maze', 'loops'],
		task: 'Lối mòn dài 7 ô. Dùng **vòng lặp** để rô-bốt đi tới đích.',
		reference: b.ws(b.repeat(7, b.go())),
		wrong: [b.ws(b.repeat(5, b.go()))],
		hints: ['Lặp lại 7 lần khối lệnh «đi tới».'],
		world: maze(0, ['##########', '#S......G#', '##########'])
	},
	{
		title: 'Bậc thang đồi chè',
		kind: 'maze',
		grade: 5,
		concept: 'loops',
		categories: ['maze', 'loops'],
		task: 'Đồi chè có các bậc thang. Hãy tìm những bước lặp lại và dùng **vòng lặp** để lên tới đỉnh.',
		reference: b.ws(b.repeat(3, b.go(), b.mturn('LEFT'), b.go(), b.mturn('RIGHT'))),
		wrong: [b.ws(b.repeat(3, b.go(), b.mturn('RIGHT'), b.go(), b.mturn('LEFT')))],
		hints: ['Một bậc: đi tới, quay trái, đi tới, quay phải.'],
		world: maze(0, STAIRS3)
	},
	{
		title: 'Đi tới khi gặp cờ',
		kind: 'maze',
		grade: 6,
		concept: 'loops',
		categories: ['maze', 'loops', 'logic'],
		task: 'Lối mòn ở mỗi đồi dài ngắn khác nhau. Cho rô-bốt **đi tới cho đến khi tới đích**.',
		reference: b.ws(b.until(b.atGoal(), b.go())),
		wrong: [b.ws(b.repeat(4, b.go()))],
		hints: ['Dùng khối lệnh «lặp lại cho đến khi» với «đã tới đích?».'],
		world: maze(0, ['#######', '#S...G#', '#######'], ['###########', '#S.......G#', '###########'])
	},
	{
		title: 'Lối mòn quanh co',
		kind: 'maze',
		grade: 7,
		concept: 'conditions',
		categories: ['maze', 'loops', 'logic'],
		task: 'Rô-bốt không biết trước đường. Mỗi bước: **nếu có đường phía trước** thì đi tới, nếu không thì rẽ về phía có đường.',
		reference: b.ws(wallFollower(true)),
		wrong: [b.ws(wallFollower(false))],
		hints: ['Khi phía trước bị chặn, hỏi tiếp «có đường trái?».'],
		world: maze(0, WINDING)
	},
	{
		title: 'Leo bậc bằng hàm',
		kind: 'maze',
		grade: 8,
		concept: 'functions',
		categories: ['maze', 'loops', 'functions'],
		task: 'Tạo hàm `leo_bac` cho một bậc thang, rồi gọi hàm đó để rô-bốt leo **4 bậc**.',
		reference: b.ws(
			b.repeat(4, b.callProc('leo_bac')),
			b.defProc('leo_bac', b.go(), b.mturn('LEFT'), b.go(), b.mturn('RIGHT'))
		),
		wrong: [
			b.ws(
				b.repeat(3, b.callProc('leo_bac')),
				b.defProc('leo_bac', b.go(), b.mturn('LEFT'), b.go(), b.mturn('RIGHT'))
			)
		],
		hints: ['Một bậc: đi tới, quay trái, đi tới, quay phải.'],
		world: maze(0, STAIRS4)
	},
	{
		title: 'Rô-bốt thông minh trên hai đồi',
		kind: 'maze',
		grade: 9,
		concept: 'conditions',
		categories: ['maze', 'loops', 'logic'],
		task: 'Cùng một chương trình phải đưa rô-bốt tới đích trên **cả hai đồi chè**.',
		reference: b.ws(wallFollower(true)),
		wrong: [b.ws(b.seq(b.go(), b.go(), b.mturn('RIGHT'), b.go(), b.go())!)],
		hints: ['Đừng đếm bước: hãy dùng «có đường phía trước?» và vòng lặp.'],
		world: maze(0, WINDING, STAIRS3)
	},
	// Sensor simulation
	{
		title: 'Ba giờ đêm mưa lũ',
		kind: 'sensor',
		grade: 4,
		concept: 'sequence',
		categories: ['sensor'],
		task: 'Sông Kỳ Cùng lên 120 cm, 150 cm rồi 260 cm trong ba giờ. Còi phải **tắt** khi nước dưới 250 cm và **bật** khi từ 250 cm trở lên. Sau mỗi giờ dùng khối lệnh «chờ 1 giờ».',
		reference: b.ws(b.seq(b.alarm(false), b.wait(), b.wait(), b.alarm(true), b.wait())!),
		wrong: [b.ws(b.seq(b.alarm(true), b.wait(), b.wait(), b.wait())!)],
		hints: ['Giờ thứ ba nước mới lên quá 250 cm.'],
		world: {
			sensor: {
				sensor: 'water',
				danger: 250,
				scenarios: [{ name: 'Đêm mưa', values: [120, 150, 260] }]
			}
		}
	},
	{
		title: 'Bơm tưới vườn na Chi Lăng',
		kind: 'sensor',
		grade: 5,
		concept: 'conditions',
		categories: ['sensor', 'loops', 'logic', 'math'],
		task: 'Vườn na cần đất đủ ẩm. Trong 24 giờ, mỗi giờ: nếu **độ ẩm dưới 50%** thì bật máy bơm, ngược lại tắt máy bơm, rồi chờ 1 giờ. Đất không được khô dưới 35%, và không bơm khi độ ẩm đã từ 70% trở lên.',
		reference: b.ws(checkMoisture(50)),
		wrong: [b.ws(b.repeat(24, b.pump(true), b.wait())), b.ws(b.repeat(24, b.wait()))],
		hints: ['Dùng «lặp lại 24 lần» và khối lệnh «nếu … nếu không».'],
		world: moistureDay(35, 70)
	},
	{
		title: 'Còi báo lũ sông Kỳ Cùng',
		kind: 'sensor',
		grade: 6,
		concept: 'conditions',
		categories: ['sensor', 'loops', 'logic', 'math'],
		task: 'Trạm đo mực nước sông Kỳ Cùng đo mỗi giờ. Suốt 24 giờ, **bật còi** khi mực nước từ 250 cm trở lên và **tắt còi** khi thấp hơn.',
		reference: b.ws(b.repeat(24, floodRule('GTE', 250), b.wait())),
		wrong: [b.ws(b.repeat(24, floodRule('GT', 280), b.wait()))],
		hints: ['So sánh «mực nước sông» ≥ 250.'],
		world: floodDay
	},
	{
		title: 'Ngưỡng tưới tiết kiệm',
		kind: 'sensor',
		grade: 7,
		concept: 'variables',
		categories: ['sensor', 'loops', 'logic', 'math', 'variables'],
		task: 'Lưu **ngưỡng tưới** vào một biến (45%). Mỗi giờ trong 24 giờ, bơm khi độ ẩm dưới ngưỡng. Đất không được khô dưới 30% và không bơm khi độ ẩm từ 55% trở lên.',
		reference: b.ws(
			b.seq(
				b.setVar('nguong', b.num(45)),
				b.repeat(
					24,
					b.ifThen(
						b.compare('LT', b.moisture(), b.getVar('nguong')),
						[b.pump(true)],
						[b.pump(false)]
					),
					b.wait()
				)
			)!
		),
		wrong: [
			b.ws(
				b.seq(
					b.setVar('nguong', b.num(60)),
					b.repeat(
						24,
						b.ifThen(
							b.compare('LT', b.moisture(), b.getVar('nguong')),
							[b.pump(true)],
							[b.pump(false)]
						),
						b.wait()
					)
				)!
			)
		],
		hints: ['Tạo biến «ngưỡng», gán 45, rồi so sánh độ ẩm với biến đó.'],
		world: moistureDay(30, 55)
	},
	{
		title: 'Hàm kiểm tra lũ',
		kind: 'sensor',
		grade: 8,
		concept: 'functions',
		categories: ['sensor', 'loops', 'logic', 'math', 'functions'],
		task: 'Viết hàm `kiem_tra_lu` bật còi khi mực nước từ 250 cm và tắt còi khi thấp hơn. Gọi hàm mỗi giờ trong 24 giờ.',
		reference: b.ws(
			b.repeat(24, b.callProc('kiem_tra_lu'), b.wait()),
			b.defProc('kiem_tra_lu', floodRule('GTE', 250))
		),
		wrong: [
			b.ws(
				b.repeat(24, b.callProc('kiem_tra_lu'), b.wait()),
				b.defProc('kiem_tra_lu', b.ifThen(b.compare('GTE', b.water(), b.num(250)), [b.alarm(true)]))
			)
		],
		hints: ['Đừng quên tắt còi khi nước đã rút.'],
		world: floodDay
	},
	{
		title: 'Trạm báo lũ chạy cả ngày',
		kind: 'sensor',
		grade: 9,
		concept: 'loops',
		categories: ['sensor', 'loops', 'logic', 'math'],
		task: 'Không đếm số lần lặp: dùng vòng lặp **trong khi «giờ hiện tại» < 24** để trạm báo lũ chạy đủ một ngày.',
		reference: b.ws(
			b.whileDo(b.compare('LT', b.hour(), b.num(24)), floodRule('GTE', 250), b.wait())
		),
		wrong: [b.ws(b.whileDo(b.compare('LT', b.hour(), b.num(12)), floodRule('GTE', 250), b.wait()))],
		hints: ['Khối lệnh «giờ hiện tại» tăng 1 sau mỗi lần «chờ 1 giờ».'],
		world: floodDay
	}
];

export function seedSpec(e: SeedExercise): ExerciseSpec {
	const groups: Record<string, string[]> = { ...KIND_BLOCKS, ...STANDARD_BLOCKS };
	const spec: ExerciseSpec = {
		task: e.task,
		toolbox: e.categories.flatMap((c) => groups[c] ?? []),
		start: e.start ?? null,
		ideal: countBlocks(e.reference),
		hints: e.hints,
		reference: e.reference,
		wrong: e.wrong,
		...e.world
	};
	if (e.kind === 'turtle') spec.turtle = { target: turtleTarget(e.reference), tolerance: 3 };
	// Grades 3–5 may leave out the tone marks (typing them is a skill of its own).
	if (e.kind === 'io' && e.grade <= 5 && spec.io) spec.io.ignoreDiacritics = true;
	return spec;
}

/** Creates a built-in exercise and records what it was written from (content/records.ts). */
export async function createSeedExercise(
	db: Conn,
	e: SeedExercise,
	key: string,
	now: number
): Promise<number> {
	const input = {
		title: e.title,
		kind: e.kind,
		grade: e.grade,
		concept: e.concept,
		spec: seedSpec(e)
	};
	const recordId = await createExercise(
		db,
		{ ...input, authorId: null, schoolId: null, status: 'published', referencePasses: true },
		now
	);
	const contentHash = exerciseHash({ ...input, spec: JSON.stringify(input.spec) });
	await remember(db, 'exercise', key, { recordId, sourceHash: hashOf(e), contentHash }, now);
	return recordId;
}

export async function seedExercises(db: DB, now = Date.now()): Promise<void> {
	for (const e of SEED_EXERCISES) await createSeedExercise(db, e, exerciseKey(e.title), now);
}
