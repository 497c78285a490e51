// Course 3, grades 6–7: repeat until, conditions, variables, sensor events, functions, debugging.
import * as b from '../../exercises/build';
import type { SeedExercise } from '../exercises';
import {
	CALM_DAY,
	FLOOD_DAY,
	floodEvents,
	floodWorld,
	hints,
	ioEx,
	maze,
	mazeFromRoute,
	polygon,
	routeBlocks,
	TWO_FLOODS
} from './make';
import type { SeedCourse } from './types';

type WS = ReturnType<typeof b.ws>;
const mz = (
	title: string,
	task: string,
	reference: WS,
	wrong: WS[],
	routes: string[],
	h: string[]
): SeedExercise => ({
	title,
	kind: 'maze',
	grade: 6,
	concept: 'loops',
	categories: ['maze', 'loops', 'logic'],
	task,
	reference,
	wrong,
	hints: h,
	world: maze(0, ...routes.map((r) => mazeFromRoute(r)))
});

const until: SeedExercise[] = [
	mz(
		'Lối mòn dài ngắn',
		'Ba lối mòn dài khác nhau. Một chương trình: **lặp lại cho đến khi đã tới đích**.',
		b.ws(b.until(b.atGoal(), b.go())),
		[b.ws(b.repeat(5, b.go()))],
		['FFF', 'FFFFF', 'FFFFFFFFF'],
		hints(
			'Số bước mỗi lối khác nhau.',
			'Lặp cho đến khi đã tới đích.',
			'Lặp lại cho đến khi đã tới đích: đi tới.'
		)
	),
	mz(
		'Bậc thang không biết trước',
		'Hai đồi có số bậc khác nhau (bậc: đi tới, quay trái, đi tới, quay phải). Lặp **cho đến khi tới đích**.',
		b.ws(b.until(b.atGoal(), ...routeBlocks('FLFR'))),
		[b.ws(b.repeat(3, ...routeBlocks('FLFR')))],
		['FLFR'.repeat(2).slice(0, -1), 'FLFR'.repeat(5).slice(0, -1)],
		hints(
			'Số bậc không giống nhau.',
			'Bên trong vòng lặp là một bậc.',
			'Lặp lại cho đến khi đã tới đích: đi tới, quay trái, đi tới, quay phải.'
		)
	),
	mz(
		'Bậc dài, bậc ngắn',
		'Mỗi bậc: đi 2 ô, quay phải, đi 1 ô, quay trái. Hai đồi có số bậc khác nhau.',
		b.ws(b.until(b.atGoal(), ...routeBlocks('FFRFL'))),
		[b.ws(b.until(b.atGoal(), ...routeBlocks('FRFL')))],
		['FFRFL'.repeat(3).slice(0, -1), 'FFRFL'.repeat(4).slice(0, -1)],
		hints(
			'Nhìn kĩ một bậc.',
			'Một bậc có 5 khối lệnh.',
			'Lặp lại cho đến khi đã tới đích: đi tới, đi tới, quay phải, đi tới, quay trái.'
		)
	),
	mz(
		'Trong khi còn đường',
		'Dùng **lặp lại trong khi có đường phía trước** để đi tới cờ ở cuối lối.',
		b.ws(b.whileDo(b.path('AHEAD'), b.go())),
		[b.ws(b.repeat(3, b.go()))],
		['FFFFFF', 'FFFF'],
		hints(
			'Đổi «cho đến khi» thành «trong khi».',
			'Điều kiện: có đường phía trước.',
			'Lặp lại trong khi có đường phía trước: đi tới.'
		)
	),
	mz(
		'Đi rồi rẽ',
		'Lối mòn chữ L: đi thẳng **cho đến khi hết đường**, quay phải, rồi đi tới cờ. Hai lối dài ngắn khác nhau.',
		b.ws(b.seq(b.whileDo(b.path('AHEAD'), b.go()), b.mturn('RIGHT'), b.until(b.atGoal(), b.go()))!),
		[
			b.ws(b.seq(b.whileDo(b.path('AHEAD'), b.go()), b.mturn('LEFT'), b.until(b.atGoal(), b.go()))!)
		],
		['FFFRFF', 'FFFFFRF'],
		hints(
			'Có hai đoạn thẳng.',
			'Đoạn 1: trong khi có đường phía trước thì đi. Rồi quay phải. Đoạn 2: đi cho tới đích.',
			'Lặp trong khi có đường phía trước: đi tới; quay phải; lặp cho đến khi đã tới đích: đi tới.'
		)
	),
	{
		title: 'Trạm đo cả ngày',
		kind: 'sensor',
		grade: 6,
		concept: 'loops',
		categories: ['sensor', 'loops', 'logic', 'math'],
		task: 'Không đếm số lần lặp: dùng **lặp lại trong khi giờ hiện tại < 24**, mỗi giờ bật/tắt còi theo mực nước (ngưỡng 250 cm).',
		reference: b.ws(
			b.whileDo(
				b.compare('LT', b.hour(), b.num(24)),
				b.ifThen(b.compare('GTE', b.water(), b.num(250)), [b.alarm(true)], [b.alarm(false)]),
				b.wait()
			)
		),
		wrong: [
			b.ws(
				b.whileDo(
					b.compare('LT', b.hour(), b.num(10)),
					b.ifThen(b.compare('GTE', b.water(), b.num(250)), [b.alarm(true)], [b.alarm(false)]),
					b.wait()
				)
			)
		],
		hints: hints(
			'Khối lệnh «giờ hiện tại» tăng 1 sau mỗi lần chờ.',
			'Trong khi giờ < 24: nếu nước ≥ 250 bật còi, nếu không tắt còi, rồi chờ.',
			'Lặp trong khi giờ hiện tại < 24: nếu mực nước ≥ 250 thì còi bật, nếu không thì còi tắt; chờ 1 giờ.'
		),
		world: floodWorld(250, FLOOD_DAY, CALM_DAY)
	}
];

const io = (
	e: Omit<Parameters<typeof ioEx>[0], 'grade' | 'categories'> & {
		grade?: number;
		categories?: string[];
	}
) => ioEx({ grade: 6, categories: ['io', 'logic', 'math', 'text'], ...e });
const ifElse = (cond: ReturnType<typeof b.compare>, a: string, c: string) =>
	b.ws(b.ifThen(cond, [b.print(b.text(a))], [b.print(b.text(c))]));

const conditions: SeedExercise[] = [
	io({
		title: 'Chẵn hay lẻ',
		concept: 'conditions',
		task: 'Đầu vào là số `n`. In ra `chẵn` nếu n chia hết cho 2, ngược lại in ra `lẻ`.',
		reference: ifElse(b.compare('EQ', b.mod(b.input('n'), b.num(2)), b.num(0)), 'chẵn', 'lẻ'),
		wrong: [b.ws(b.print(b.text('chẵn')))],
		inputs: [{ n: 4 }, { n: 7 }, { n: 0 }, { n: 13 }],
		answer: (i) => (Number(i.n) % 2 === 0 ? 'chẵn' : 'lẻ'),
		hints: hints(
			'Số chẵn chia 2 không dư.',
			'Dùng khối lệnh «số dư của n chia 2».',
			'Nếu số dư của n chia 2 = 0 thì in «chẵn», nếu không in «lẻ».'
		)
	}),
	io({
		title: 'Rét đậm',
		concept: 'conditions',
		task: 'Nhiệt độ ở Mẫu Sơn là `t` độ C. Nếu **t < 13** in ra `rét đậm`, ngược lại in ra `bình thường`.',
		reference: ifElse(b.compare('LT', b.input('t'), b.num(13)), 'rét đậm', 'bình thường'),
		wrong: [ifElse(b.compare('LTE', b.input('t'), b.num(10)), 'rét đậm', 'bình thường')],
		inputs: [{ t: 5 }, { t: 20 }, { t: 12 }, { t: 13 }],
		answer: (i) => (Number(i.t) < 13 ? 'rét đậm' : 'bình thường'),
		hints: hints(
			'So sánh t với 13.',
			'Đúng 13 độ thì chưa phải rét đậm.',
			'Nếu t < 13 thì in «rét đậm», nếu không in «bình thường».'
		)
	}),
	io({
		title: 'Đạt hay chưa đạt',
		concept: 'conditions',
		task: 'Điểm bài kiểm tra là `d`. In ra `Đạt` nếu **d ≥ 5**, ngược lại in ra `Chưa đạt`.',
		reference: ifElse(b.compare('GTE', b.input('d'), b.num(5)), 'Đạt', 'Chưa đạt'),
		wrong: [ifElse(b.compare('GT', b.input('d'), b.num(5)), 'Đạt', 'Chưa đạt')],
		inputs: [{ d: 8 }, { d: 3 }, { d: 5 }],
		answer: (i) => (Number(i.d) >= 5 ? 'Đạt' : 'Chưa đạt'),
		hints: hints(
			'5 điểm là đạt.',
			'Dùng phép so sánh ≥.',
			'Nếu d ≥ 5 thì in «Đạt», nếu không in «Chưa đạt».'
		)
	}),
	io({
		title: 'Lớn nhất trong ba số',
		concept: 'conditions',
		task: 'Ba tổ hái được `a`, `b`, `c` cân chè. In ra **số lớn nhất**.',
		reference: b.ws(
			b.seq(
				b.setVar('lon', b.input('a')),
				b.ifThen(b.compare('GT', b.input('b'), b.getVar('lon')), [b.setVar('lon', b.input('b'))]),
				b.ifThen(b.compare('GT', b.input('c'), b.getVar('lon')), [b.setVar('lon', b.input('c'))]),
				b.print(b.getVar('lon'))
			)!
		),
		wrong: [
			b.ws(
				b.ifThen(
					b.compare('GT', b.input('a'), b.input('b')),
					[b.print(b.input('a'))],
					[b.print(b.input('b'))]
				)
			)
		],
		categories: ['io', 'logic', 'math', 'variables'],
		inputs: [
			{ a: 3, b: 9, c: 4 },
			{ a: 7, b: 2, c: 1 },
			{ a: 1, b: 2, c: 8 }
		],
		answer: (i) => Math.max(Number(i.a), Number(i.b), Number(i.c)),
		hints: hints(
			'Nhớ số lớn nhất đã thấy trong một biến.',
			'Bắt đầu bằng a; nếu b lớn hơn thì thay; rồi so với c.',
			'Gán lon = a; nếu b > lon thì lon = b; nếu c > lon thì lon = c; in ra lon.'
		)
	}),
	io({
		title: 'Mực nước nguy hiểm',
		concept: 'conditions',
		task: 'Mực nước sông là `m` cm. In `an toàn` khi m < 200, `cảnh giác` khi 200 ≤ m < 250, `nguy hiểm` khi m ≥ 250.',
		reference: b.ws(
			b.ifThen(
				b.compare('GTE', b.input('m'), b.num(250)),
				[b.print(b.text('nguy hiểm'))],
				[
					b.ifThen(
						b.compare('GTE', b.input('m'), b.num(200)),
						[b.print(b.text('cảnh giác'))],
						[b.print(b.text('an toàn'))]
					)
				]
			)
		),
		wrong: [ifElse(b.compare('GTE', b.input('m'), b.num(250)), 'nguy hiểm', 'an toàn')],
		inputs: [{ m: 150 }, { m: 260 }, { m: 220 }, { m: 250 }],
		answer: (i) =>
			Number(i.m) >= 250 ? 'nguy hiểm' : Number(i.m) >= 200 ? 'cảnh giác' : 'an toàn',
		hints: hints(
			'Có ba mức, cần hai câu hỏi.',
			'Hỏi m ≥ 250 trước; nếu không, hỏi tiếp m ≥ 200.',
			'Nếu m ≥ 250 in «nguy hiểm»; nếu không: nếu m ≥ 200 in «cảnh giác», nếu không in «an toàn».'
		)
	}),
	io({
		title: 'Năm nhuận',
		concept: 'conditions',
		grade: 7,
		task: 'Năm `y` là **năm nhuận** nếu chia hết cho 4 nhưng không chia hết cho 100, hoặc chia hết cho 400. In `nhuận` hoặc `không`.',
		reference: ifElse(
			{
				type: 'logic_operation',
				fields: { OP: 'OR' },
				inputs: {
					A: {
						block: b.and(
							b.compare('EQ', b.mod(b.input('y'), b.num(4)), b.num(0)),
							b.compare('NEQ', b.mod(b.input('y'), b.num(100)), b.num(0))
						)
					},
					B: { block: b.compare('EQ', b.mod(b.input('y'), b.num(400)), b.num(0)) }
				}
			},
			'nhuận',
			'không'
		),
		wrong: [ifElse(b.compare('EQ', b.mod(b.input('y'), b.num(4)), b.num(0)), 'nhuận', 'không')],
		inputs: [{ y: 2024 }, { y: 2023 }, { y: 1900 }, { y: 2000 }],
		answer: (i) => {
			const y = Number(i.y);
			return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 'nhuận' : 'không';
		},
		hints: hints(
			'Năm 1900 không nhuận, năm 2000 nhuận.',
			'Dùng «và», «hoặc» để ghép các điều kiện.',
			'(y chia 4 dư 0 và y chia 100 dư khác 0) hoặc y chia 400 dư 0.'
		)
	})
];

const variables: SeedExercise[] = [
	io({
		title: 'Chu vi vườn hồi',
		concept: 'variables',
		grade: 7,
		categories: ['io', 'math', 'variables'],
		task: 'Vườn hồi hình chữ nhật dài `d` m, rộng `r` m. Lưu **chu vi** vào biến rồi in ra.',
		reference: b.ws(
			b.seq(
				b.setVar(
					'chu_vi',
					b.arith('MULTIPLY', b.arith('ADD', b.input('d'), b.input('r')), b.num(2))
				),
				b.print(b.getVar('chu_vi'))
			)!
		),
		wrong: [b.ws(b.print(b.arith('ADD', b.input('d'), b.input('r'))))],
		inputs: [
			{ d: 10, r: 6 },
			{ d: 25, r: 12 },
			{ d: 7, r: 7 }
		],
		answer: (i) => (Number(i.d) + Number(i.r)) * 2,
		hints: hints(
			'Chu vi = (dài + rộng) × 2.',
			'Tạo biến chu_vi, gán bằng phép tính.',
			'Gán chu_vi = (d + r) × 2, rồi in ra chu_vi.'
		)
	}),
	io({
		title: 'Đổi phút ra giờ',
		concept: 'variables',
		grade: 7,
		categories: ['io', 'math', 'variables', 'text'],
		task: 'Xe khách Lạng Sơn – Hà Nội đi hết `p` phút. In ra theo dạng `g giờ k phút`.',
		reference: b.ws(
			b.seq(
				b.setVar('gio', {
					type: 'math_round',
					fields: { OP: 'ROUNDDOWN' },
					inputs: { NUM: { block: b.arith('DIVIDE', b.input('p'), b.num(60)) } }
				}),
				b.print(
					b.join(b.getVar('gio'), b.text(' giờ '), b.mod(b.input('p'), b.num(60)), b.text(' phút'))
				)
			)!
		),
		wrong: [b.ws(b.print(b.join(b.arith('DIVIDE', b.input('p'), b.num(60)), b.text(' giờ'))))],
		inputs: [{ p: 150 }, { p: 95 }, { p: 60 }],
		answer: (i) => `${Math.floor(Number(i.p) / 60)} giờ ${Number(i.p) % 60} phút`,
		hints: hints(
			'150 phút = 2 giờ 30 phút.',
			'Số giờ là phần nguyên của p ÷ 60; số phút là số dư.',
			'gio = làm tròn xuống (p ÷ 60); in ra gio, « giờ », p chia 60 dư, « phút».'
		)
	}),
	io({
		title: 'Trung bình ba lần đo',
		concept: 'variables',
		grade: 7,
		categories: ['io', 'math', 'variables'],
		task: 'Ba lần đo mưa được `a`, `b`, `c` mm. In ra **trung bình cộng**.',
		reference: b.ws(
			b.seq(
				b.setVar('tong', b.arith('ADD', b.arith('ADD', b.input('a'), b.input('b')), b.input('c'))),
				b.print(b.arith('DIVIDE', b.getVar('tong'), b.num(3)))
			)!
		),
		wrong: [
			b.ws(
				b.print(
					b.arith(
						'ADD',
						b.arith('ADD', b.input('a'), b.input('b')),
						b.arith('DIVIDE', b.input('c'), b.num(3))
					)
				)
			)
		],
		inputs: [
			{ a: 10, b: 20, c: 30 },
			{ a: 3, b: 4, c: 8 },
			{ a: 0, b: 0, c: 9 }
		],
		answer: (i) => Math.round(((Number(i.a) + Number(i.b) + Number(i.c)) / 3) * 1e6) / 1e6,
		hints: hints(
			'Cộng cả ba trước rồi mới chia.',
			'Lưu tổng vào biến «tong».',
			'tong = a + b + c; in ra tong ÷ 3.'
		)
	}),
	io({
		title: 'Tiền thừa',
		concept: 'variables',
		grade: 7,
		categories: ['io', 'math', 'variables'],
		task: 'Mua `so` quyển vở giá `gia` nghìn đồng, đưa `dua` nghìn. In ra **tiền thừa**.',
		reference: b.ws(
			b.seq(
				b.setVar('tien', b.arith('MULTIPLY', b.input('so'), b.input('gia'))),
				b.print(b.arith('MINUS', b.input('dua'), b.getVar('tien')))
			)!
		),
		wrong: [b.ws(b.print(b.arith('MINUS', b.input('dua'), b.input('gia'))))],
		inputs: [
			{ so: 3, gia: 8, dua: 50 },
			{ so: 5, gia: 6, dua: 30 },
			{ so: 2, gia: 12, dua: 100 }
		],
		answer: (i) => Number(i.dua) - Number(i.so) * Number(i.gia),
		hints: hints(
			'Tính tiền vở trước.',
			'tien = so × gia; tiền thừa = dua − tien.',
			'Gán tien = so × gia, in ra dua − tien.'
		)
	}),
	io({
		title: 'Đếm ngược phóng tên lửa',
		concept: 'variables',
		grade: 7,
		categories: ['io', 'loops', 'math', 'variables'],
		task: 'Đầu vào `n`. In các số **n, n − 1, …, 1**, mỗi số một dòng.',
		reference: b.ws(
			b.seq(
				b.setVar('i', b.input('n')),
				b.repeat(b.input('n'), b.print(b.getVar('i')), b.changeVar('i', -1))
			)!
		),
		wrong: [
			b.ws(
				b.seq(
					b.setVar('i', b.num(1)),
					b.repeat(b.input('n'), b.print(b.getVar('i')), b.changeVar('i', 1))
				)!
			)
		],
		inputs: [{ n: 3 }, { n: 5 }, { n: 1 }],
		answer: (i) => Array.from({ length: Number(i.n) }, (_, k) => Number(i.n) - k).join('\n'),
		hints: hints(
			'Biến i bắt đầu bằng n.',
			'Mỗi vòng: in i rồi giảm i đi 1.',
			'i = n; lặp n lần: in ra i, tăng i thêm −1.'
		)
	}),
	io({
		title: 'Tổng từ 1 đến n',
		concept: 'variables',
		grade: 7,
		categories: ['io', 'loops', 'math', 'variables'],
		task: 'Đầu vào `n`. In ra tổng **1 + 2 + … + n**.',
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
		inputs: [{ n: 4 }, { n: 10 }, { n: 1 }],
		answer: (i) => (Number(i.n) * (Number(i.n) + 1)) / 2,
		hints: hints(
			'Cần hai biến: i và tổng.',
			'Mỗi vòng tăng i rồi cộng i vào tổng.',
			'tong = 0, i = 0; lặp n lần: i tăng 1, tong = tong + i; in ra tong.'
		)
	})
];

const sensor = (
	title: string,
	task: string,
	reference: WS,
	wrong: WS[],
	world: SeedExercise['world'],
	h: string[],
	concept: SeedExercise['concept'] = 'conditions'
): SeedExercise => ({
	title,
	kind: 'sensor',
	grade: 7,
	concept,
	categories: ['events', 'sensor', 'loops', 'logic', 'math', 'variables'],
	task,
	reference,
	wrong,
	hints: h,
	world
});
const everyHour = (danger: number) =>
	b.ws(
		b.repeat(
			24,
			b.ifThen(b.compare('GTE', b.water(), b.num(danger)), [b.alarm(true)], [b.alarm(false)]),
			b.wait()
		)
	);

const flood: SeedExercise[] = [
	sensor(
		'Kiểm tra từng giờ',
		'Cách thứ nhất: **mỗi giờ** hỏi «mực nước ≥ 250?» rồi bật hoặc tắt còi, 24 giờ.',
		everyHour(250),
		[everyHour(300)],
		floodWorld(250, FLOOD_DAY, CALM_DAY),
		hints(
			'Dùng vòng lặp 24 lần.',
			'Trong vòng lặp: nếu … thì bật còi, nếu không tắt còi; rồi chờ 1 giờ.',
			'Lặp 24 lần: nếu mực nước ≥ 250 thì còi bật, nếu không thì còi tắt; chờ 1 giờ.'
		)
	),
	sensor(
		'Báo lũ bằng sự kiện',
		'Cách thứ hai: dùng hai khối lệnh **khi mực nước …** thay cho câu hỏi mỗi giờ.',
		floodEvents(250),
		[b.ws(b.onStart(b.repeat(24, b.wait())), b.onSensor('water', 'BELOW', 250, b.alarm(false)))],
		floodWorld(250, FLOOD_DAY, TWO_FLOODS),
		hints(
			'Sự kiện chỉ chạy khi nước vượt ngưỡng.',
			'Một khối lệnh «khi» bật, một khối lệnh «khi» tắt.',
			'Khi bấm Chạy: lặp 24 lần chờ 1 giờ. Khi mực nước ≥ 250: bật còi. Khi mực nước < 250: tắt còi.'
		),
		'sequence'
	),
	sensor(
		'Ngưỡng trong biến',
		'Lưu **ngưỡng báo động** (260 cm) vào biến `nguong` rồi so sánh mực nước với biến đó mỗi giờ.',
		b.ws(
			b.seq(
				b.setVar('nguong', b.num(260)),
				b.repeat(
					24,
					b.ifThen(
						b.compare('GTE', b.water(), b.getVar('nguong')),
						[b.alarm(true)],
						[b.alarm(false)]
					),
					b.wait()
				)
			)!
		),
		[everyHour(250)],
		floodWorld(260, FLOOD_DAY, TWO_FLOODS),
		hints(
			'Tạo biến «nguong».',
			'Gán nguong = 260 trước vòng lặp.',
			'nguong = 260; lặp 24 lần: nếu mực nước ≥ nguong thì bật còi, nếu không tắt còi; chờ 1 giờ.'
		),
		'variables'
	),
	sensor(
		'Đếm giờ lũ',
		'Trạm vừa báo lũ vừa **đếm số giờ** nước từ 250 cm trở lên (biến `gio_lu`). Còi phải đúng mỗi giờ.',
		b.ws(
			b.seq(
				b.setVar('gio_lu', b.num(0)),
				b.repeat(
					24,
					b.ifThen(
						b.compare('GTE', b.water(), b.num(250)),
						[b.alarm(true), b.changeVar('gio_lu', 1)],
						[b.alarm(false)]
					),
					b.wait()
				)
			)!
		),
		[
			b.ws(
				b.seq(
					b.setVar('gio_lu', b.num(0)),
					b.repeat(
						24,
						b.ifThen(b.compare('GTE', b.water(), b.num(250)), [
							b.alarm(true),
							b.changeVar('gio_lu', 1)
						]),
						b.wait()
					)
				)!
			)
		],
		floodWorld(250, FLOOD_DAY),
		hints(
			'Còi vẫn phải tắt khi nước rút.',
			'Trong phần «thì»: bật còi và tăng gio_lu thêm 1; phần «nếu không»: tắt còi.',
			'gio_lu = 0; lặp 24 lần: nếu nước ≥ 250 thì bật còi, tăng gio_lu 1; nếu không thì tắt còi; chờ 1 giờ.'
		),
		'variables'
	),
	sensor(
		'Tưới na khi đất khô',
		'Vườn na Chi Lăng: dùng **khi độ ẩm đất < 50** để bật máy bơm và **khi độ ẩm đất ≥ 50** để tắt, suốt 24 giờ. Đất không được khô dưới 35%.',
		b.ws(
			b.onStart(b.repeat(24, b.wait())),
			b.onSensor('moisture', 'BELOW', 50, b.pump(true)),
			b.onSensor('moisture', 'ABOVE', 50, b.pump(false))
		),
		[b.ws(b.onStart(b.repeat(24, b.wait())))],
		{
			sensor: {
				sensor: 'moisture',
				start: 55,
				low: 35,
				high: 70,
				pump: 12,
				scenarios: [
					{
						name: 'Ngày nắng',
						values: [2, 2, 2, 3, 4, 6, 8, 9, 10, 10, 10, 9, 8, 6, 4, 3, 2, 2, 2, 2, 2, 2, 2, 2]
					}
				]
			}
		},
		hints(
			'Máy bơm cần bật khi đất khô và tắt khi đủ ẩm.',
			'Hai khối lệnh «khi độ ẩm đất …»: một bật, một tắt.',
			'Khi bấm Chạy: lặp 24 lần chờ 1 giờ. Khi độ ẩm < 50: bơm bật. Khi độ ẩm ≥ 50: bơm tắt.'
		),
		'sequence'
	)
];

const fns = (
	title: string,
	task: string,
	reference: WS,
	wrong: WS[],
	h: string[]
): SeedExercise => ({
	title,
	kind: 'turtle',
	grade: 7,
	concept: 'functions',
	categories: ['turtle', 'loops', 'functions'],
	task,
	reference,
	wrong,
	hints: h
});
const moveBy = (d: number) => [b.pen('UP'), b.forward(d), b.pen('DOWN')];

const functions: SeedExercise[] = [
	fns(
		'Hàm vẽ bánh chưng',
		'Tạo **hàm** `ve_banh` vẽ hình vuông cạnh 50, rồi gọi hàm đó một lần.',
		b.ws(b.callProc('ve_banh'), b.defProc('ve_banh', polygon(4, 50))),
		[b.ws(b.callProc('ve_banh'), b.defProc('ve_banh', polygon(3, 50)))],
		hints(
			'Nhóm «Hàm» có khối lệnh «hàm …».',
			'Đặt tên hàm ve_banh, bên trong vẽ hình vuông.',
			'Hàm ve_banh: lặp 4 lần tiến 50, quay phải 90. Rồi gọi ve_banh.'
		)
	),
	fns(
		'Ba chiếc bánh một hàng',
		'Dùng hàm `ve_banh` (vuông cạnh 40) để vẽ **3 chiếc bánh**, cách nhau 60 bước.',
		b.ws(b.repeat(3, b.callProc('ve_banh'), ...moveBy(60)), b.defProc('ve_banh', polygon(4, 40))),
		[b.ws(b.repeat(3, b.callProc('ve_banh'), b.forward(60)), b.defProc('ve_banh', polygon(4, 40)))],
		hints(
			'Giữa các bánh không có nét vẽ.',
			'Lặp 3 lần: gọi hàm, nhấc bút, tiến 60, đặt bút.',
			'Lặp 3 lần: ve_banh, bút nhấc lên, tiến 60, bút đặt xuống.'
		)
	),
	fns(
		'Nhà sàn có mái',
		'Tạo hàm `ve_mai` vẽ tam giác đều cạnh 60. Vẽ **thân nhà** vuông cạnh 60 rồi gọi `ve_mai` để vẽ mái trên đỉnh.',
		b.ws(
			b.seq(
				b.turn('LEFT', 90),
				polygon(4, 60),
				b.forward(60),
				b.turn('RIGHT', 30),
				b.callProc('ve_mai')
			)!,
			b.defProc('ve_mai', polygon(3, 60))
		),
		[
			b.ws(
				b.seq(b.turn('LEFT', 90), polygon(4, 60), b.forward(60), b.callProc('ve_mai'))!,
				b.defProc('ve_mai', polygon(3, 60))
			)
		],
		hints(
			'Vẽ thân trước, rồi đưa rùa lên đỉnh tường.',
			'Mái là tam giác đều; rùa phải quay 30 độ để cạnh mái nghiêng đúng.',
			'Quay trái 90, vẽ hình vuông 60, tiến 60, quay phải 30, gọi ve_mai.'
		)
	),
	fns(
		'Chong chóng bằng hàm',
		'Dùng hàm `ve_canh` (tam giác cạnh 50) và vòng lặp để vẽ chong chóng **6 cánh**, quay 60 độ sau mỗi cánh.',
		b.ws(
			b.repeat(6, b.callProc('ve_canh'), b.turn('RIGHT', 60)),
			b.defProc('ve_canh', polygon(3, 50))
		),
		[
			b.ws(
				b.repeat(6, b.callProc('ve_canh'), b.turn('RIGHT', 45)),
				b.defProc('ve_canh', polygon(3, 50))
			)
		],
		hints(
			'Hàm vẽ một cánh, vòng lặp vẽ nhiều cánh.',
			'360 ÷ 6 = 60.',
			'Lặp 6 lần: gọi ve_canh, quay phải 60. Hàm ve_canh: tam giác cạnh 50.'
		)
	),
	{
		title: 'Leo đồi bằng hàm',
		kind: 'maze',
		grade: 7,
		concept: 'functions',
		categories: ['maze', 'loops', 'functions', 'logic'],
		task: 'Tạo hàm `leo_bac` cho một bậc (đi tới, quay trái, đi tới, quay phải), rồi gọi nó **cho đến khi tới đích** trên hai đồi.',
		reference: b.ws(
			b.until(b.atGoal(), b.callProc('leo_bac')),
			b.defProc('leo_bac', ...routeBlocks('FLFR'))
		),
		wrong: [b.ws(b.repeat(3, b.callProc('leo_bac')), b.defProc('leo_bac', ...routeBlocks('FLFR')))],
		hints: hints(
			'Hàm là một bậc.',
			'Vòng lặp «cho đến khi đã tới đích» gọi hàm nhiều lần.',
			'Lặp cho đến khi đã tới đích: leo_bac. Hàm leo_bac: đi tới, quay trái, đi tới, quay phải.'
		),
		world: maze(
			0,
			mazeFromRoute('FLFR'.repeat(3).slice(0, -1)),
			mazeFromRoute('FLFR'.repeat(5).slice(0, -1))
		)
	}
];

const fix = (e: Omit<SeedExercise, 'start' | 'wrong'> & { broken: WS }): SeedExercise => {
	const { broken, ...rest } = e;
	return { ...rest, start: broken, wrong: [broken] };
};

const debugging: SeedExercise[] = [
	fix({
		title: 'Sửa lỗi: còi kêu nhầm ngưỡng',
		kind: 'sensor',
		grade: 7,
		concept: 'conditions',
		categories: ['sensor', 'loops', 'logic', 'math'],
		task: '**Sửa lỗi**: còi phải bật khi nước **từ 250 cm**, nhưng nó bật muộn một giờ.',
		broken: b.ws(
			b.repeat(
				24,
				b.ifThen(b.compare('GT', b.water(), b.num(250)), [b.alarm(true)], [b.alarm(false)]),
				b.wait()
			)
		),
		reference: everyHour(250),
		world: floodWorld(250, FLOOD_DAY),
		hints: hints(
			'Thử với mực nước đúng 250.',
			'«Từ 250» nghĩa là 250 cũng kêu.',
			'Đổi dấu > thành ≥.'
		)
	}),
	fix({
		title: 'Sửa lỗi: tổng sai',
		kind: 'io',
		grade: 7,
		concept: 'variables',
		categories: ['io', 'loops', 'math', 'variables'],
		task: '**Sửa lỗi**: chương trình tính 1 + 2 + … + n nhưng kết quả luôn bị thiếu.',
		broken: b.ws(
			b.seq(
				b.setVar('tong', b.num(0)),
				b.setVar('i', b.num(0)),
				b.repeat(
					b.input('n'),
					b.setVar('tong', b.arith('ADD', b.getVar('tong'), b.getVar('i'))),
					b.changeVar('i', 1)
				),
				b.print(b.getVar('tong'))
			)!
		),
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
		world: {
			io: {
				cases: [
					{ inputs: { n: 4 }, expected: '10' },
					{ inputs: { n: 10 }, expected: '55' }
				]
			}
		},
		hints: hints(
			'Với n = 4, chương trình in 6 thay vì 10.',
			'Thứ tự hai khối lệnh trong vòng lặp bị ngược.',
			'Tăng i trước, rồi mới cộng i vào tổng.'
		)
	}),
	fix({
		title: 'Sửa lỗi: điều kiện dừng sai',
		kind: 'maze',
		grade: 6,
		concept: 'loops',
		categories: ['maze', 'loops', 'logic'],
		task: '**Sửa lỗi**: rô-bốt không đi bước nào. Điều kiện dừng của vòng lặp sai.',
		broken: b.ws(b.until(b.path('AHEAD'), b.go())),
		reference: b.ws(b.until(b.atGoal(), b.go())),
		world: maze(0, mazeFromRoute('FFFFF')),
		hints: hints(
			'Vòng lặp dừng khi nào?',
			'Rô-bốt cần dừng khi tới cờ.',
			'Đổi điều kiện thành «đã tới đích?».'
		)
	}),
	fix({
		title: 'Sửa lỗi: hàm chưa được gọi',
		kind: 'turtle',
		grade: 7,
		concept: 'functions',
		categories: ['turtle', 'loops', 'functions'],
		task: '**Sửa lỗi**: đã có hàm `ve_banh` nhưng rùa không vẽ gì.',
		broken: b.ws(b.defProc('ve_banh', polygon(4, 50))),
		reference: b.ws(b.callProc('ve_banh'), b.defProc('ve_banh', polygon(4, 50))),
		hints: hints(
			'Định nghĩa hàm chưa làm gì cả.',
			'Phải gọi hàm thì nó mới chạy.',
			'Thêm khối lệnh gọi «ve_banh».'
		)
	}),
	fix({
		title: 'Sửa lỗi: ba mức nước',
		kind: 'io',
		grade: 7,
		concept: 'conditions',
		categories: ['io', 'logic', 'math', 'text'],
		task: '**Sửa lỗi**: với m = 260, chương trình in `cảnh giác` thay vì `nguy hiểm`.',
		broken: b.ws(
			b.ifThen(
				b.compare('GTE', b.input('m'), b.num(200)),
				[b.print(b.text('cảnh giác'))],
				[
					b.ifThen(
						b.compare('GTE', b.input('m'), b.num(250)),
						[b.print(b.text('nguy hiểm'))],
						[b.print(b.text('an toàn'))]
					)
				]
			)
		),
		reference: b.ws(
			b.ifThen(
				b.compare('GTE', b.input('m'), b.num(250)),
				[b.print(b.text('nguy hiểm'))],
				[
					b.ifThen(
						b.compare('GTE', b.input('m'), b.num(200)),
						[b.print(b.text('cảnh giác'))],
						[b.print(b.text('an toàn'))]
					)
				]
			)
		),
		world: {
			io: {
				cases: [
					{ inputs: { m: 260 }, expected: 'nguy hiểm' },
					{ inputs: { m: 220 }, expected: 'cảnh giác' },
					{ inputs: { m: 100 }, expected: 'an toàn' }
				]
			}
		},
		hints: hints(
			'260 cũng ≥ 200, nên câu hỏi đầu đã đúng.',
			'Phải hỏi mức cao nhất trước.',
			'Đổi chỗ: hỏi m ≥ 250 trước, rồi m ≥ 200.'
		)
	})
];

export const COURSE_6_7: SeedCourse = {
	slug: 'lop-6-7',
	title: 'Khóa 3: Trạm quan trắc Kỳ Cùng (lớp 6–7)',
	gradeFrom: 6,
	gradeTo: 7,
	summary: 'Lặp đến khi, điều kiện, biến, sự kiện cảm biến, hàm và sửa lỗi.',
	lessons: [
		{
			slug: 'lap-den-khi',
			title: 'Bài 1. Lặp đến khi',
			concept: 'loops',
			summary: 'Vòng lặp dừng theo điều kiện, không đếm trước.',
			exercises: until
		},
		{
			slug: 'dieu-kien',
			title: 'Bài 2. Rẽ nhánh',
			concept: 'conditions',
			summary: 'Nếu … thì … nếu không …, nhiều mức.',
			exercises: conditions
		},
		{
			slug: 'bien',
			title: 'Bài 3. Biến',
			concept: 'variables',
			summary: 'Đặt tên cho một giá trị, thay đổi nó trong vòng lặp.',
			exercises: variables
		},
		{
			slug: 'tram-bao-lu',
			title: 'Bài 4. Trạm báo lũ',
			concept: 'events',
			summary: 'Hai cách điều khiển còi: hỏi mỗi giờ, hoặc khi cảm biến vượt ngưỡng.',
			stemLesson: 'Còi báo mực nước lũ sông Kỳ Cùng',
			exercises: flood
		},
		{
			slug: 'ham',
			title: 'Bài 5. Hàm',
			concept: 'functions',
			summary: 'Đặt tên cho một nhóm lệnh rồi gọi nhiều lần.',
			exercises: functions
		},
		{
			slug: 'sua-loi',
			title: 'Bài 6. Sửa lỗi',
			concept: 'debugging',
			summary: 'Đọc chương trình, tìm chỗ sai, sửa.',
			exercises: debugging
		}
	]
};
