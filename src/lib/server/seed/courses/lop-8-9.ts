// Course 4, grades 8–9: expressions, functions with parameters, lists, loops with conditions, debugging.
import * as b from '../../exercises/build';
import type { BlockJson } from '$lib/blockly/spec';
import type { SeedExercise } from '../exercises';
import { hints, ioEx } from './make';
import type { SeedCourse } from './types';

type WS = ReturnType<typeof b.ws>;
type In = Record<string, number | string>;
const n = (i: In, k: string) => Number(i[k]);
const io = (
	e: Omit<Parameters<typeof ioEx>[0], 'grade' | 'categories'> & {
		grade?: number;
		categories?: string[];
	}
) => ioEx({ grade: 8, categories: ['io', 'math', 'variables'], ...e });
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const floor = (x: BlockJson): BlockJson => ({
	type: 'math_round',
	fields: { OP: 'ROUNDDOWN' },
	inputs: { NUM: { block: x } }
});

const expressions: SeedExercise[] = [
	io({
		title: 'Độ C sang độ F',
		concept: 'variables',
		task: 'Nhiệt độ ở Mẫu Sơn là `c` độ C. In ra theo độ F: **F = C × 9 ÷ 5 + 32**.',
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
		inputs: [{ c: 0 }, { c: 100 }, { c: 25 }],
		answer: (i) => r6((n(i, 'c') * 9) / 5 + 32),
		hints: hints(
			'Làm theo đúng công thức.',
			'Nhân 9, chia 5, rồi cộng 32.',
			'In ra c × 9 ÷ 5 + 32.'
		)
	}),
	io({
		title: 'Tốc độ xe khách',
		concept: 'variables',
		task: 'Xe khách đi `s` km hết `t` giờ. In ra **tốc độ** (km/giờ).',
		reference: b.ws(b.print(b.arith('DIVIDE', b.input('s'), b.input('t')))),
		wrong: [b.ws(b.print(b.arith('MULTIPLY', b.input('s'), b.input('t'))))],
		inputs: [
			{ s: 150, t: 3 },
			{ s: 90, t: 2 },
			{ s: 100, t: 4 }
		],
		answer: (i) => r6(n(i, 's') / n(i, 't')),
		hints: hints('Tốc độ là quãng đường đi trong 1 giờ.', 'v = s ÷ t.', 'In ra s ÷ t.')
	}),
	io({
		title: 'Diện tích mảnh ruộng hình thang',
		concept: 'variables',
		task: 'Mảnh ruộng hình thang có hai đáy `a`, `b` và chiều cao `h` (m). In ra **diện tích**.',
		reference: b.ws(
			b.print(
				b.arith(
					'DIVIDE',
					b.arith('MULTIPLY', b.arith('ADD', b.input('a'), b.input('b')), b.input('h')),
					b.num(2)
				)
			)
		),
		wrong: [
			b.ws(b.print(b.arith('MULTIPLY', b.arith('ADD', b.input('a'), b.input('b')), b.input('h'))))
		],
		inputs: [
			{ a: 10, b: 6, h: 4 },
			{ a: 7, b: 5, h: 3 },
			{ a: 20, b: 11, h: 9 }
		],
		answer: (i) => r6(((n(i, 'a') + n(i, 'b')) * n(i, 'h')) / 2),
		hints: hints('S = (a + b) × h ÷ 2.', 'Cộng hai đáy trước.', 'In ra (a + b) × h ÷ 2.')
	}),
	io({
		title: 'Tiền lãi tiết kiệm',
		concept: 'variables',
		task: 'Gửi `von` nghìn đồng, lãi `lai` % một năm. In ra **tiền lãi** sau một năm.',
		reference: b.ws(
			b.print(b.arith('DIVIDE', b.arith('MULTIPLY', b.input('von'), b.input('lai')), b.num(100)))
		),
		wrong: [b.ws(b.print(b.arith('MULTIPLY', b.input('von'), b.input('lai'))))],
		inputs: [
			{ von: 1000, lai: 5 },
			{ von: 2000, lai: 6 },
			{ von: 500, lai: 4 }
		],
		answer: (i) => r6((n(i, 'von') * n(i, 'lai')) / 100),
		hints: hints('5% của 1000 là 50.', 'Lãi = vốn × lãi suất ÷ 100.', 'In ra von × lai ÷ 100.')
	}),
	io({
		title: 'Giây ra giờ phút giây',
		concept: 'variables',
		categories: ['io', 'math', 'variables', 'text'],
		task: 'Đầu vào `s` giây. In ra dạng `g:p:s` (không cần thêm số 0), ví dụ 3725 → `1:2:5`.',
		reference: b.ws(
			b.seq(
				b.setVar('g', floor(b.arith('DIVIDE', b.input('s'), b.num(3600)))),
				b.setVar('p', floor(b.arith('DIVIDE', b.mod(b.input('s'), b.num(3600)), b.num(60)))),
				b.print(
					b.join(
						b.getVar('g'),
						b.text(':'),
						b.getVar('p'),
						b.text(':'),
						b.mod(b.input('s'), b.num(60))
					)
				)
			)!
		),
		wrong: [
			b.ws(
				b.print(
					b.join(
						floor(b.arith('DIVIDE', b.input('s'), b.num(3600))),
						b.text(':'),
						b.mod(b.input('s'), b.num(60))
					)
				)
			)
		],
		inputs: [{ s: 3725 }, { s: 59 }, { s: 7384 }],
		answer: (i) =>
			`${Math.floor(n(i, 's') / 3600)}:${Math.floor((n(i, 's') % 3600) / 60)}:${n(i, 's') % 60}`,
		hints: hints(
			'1 giờ = 3600 giây, 1 phút = 60 giây.',
			'Giờ: phần nguyên của s ÷ 3600; phút: phần nguyên của (s chia 3600 dư) ÷ 60; giây: s chia 60 dư.',
			'g = làm tròn xuống(s ÷ 3600); p = làm tròn xuống((s mod 3600) ÷ 60); in g, «:», p, «:», s mod 60.'
		)
	})
];

const turnBy = (deg: BlockJson): BlockJson => ({
	type: 'turtle_turn',
	fields: { DIR: 'RIGHT' },
	inputs: { ANGLE: { shadow: b.num(90), block: deg } }
});
const squareFn = b.defFn(
	'hinh_vuong',
	['canh'],
	b.repeat(4, b.forwardBy(b.getVar('canh')), b.turn('RIGHT', 90))
);
const polyFn = b.defFn(
	'da_giac',
	['so_canh', 'canh'],
	b.repeat(
		b.getVar('so_canh'),
		b.forwardBy(b.getVar('canh')),
		turnBy(b.arith('DIVIDE', b.num(360), b.getVar('so_canh')))
	)
);
const fnTurtle = (
	title: string,
	task: string,
	reference: WS,
	wrong: WS[],
	h: string[]
): SeedExercise => ({
	title,
	kind: 'turtle',
	grade: 8,
	concept: 'functions',
	categories: ['turtle', 'loops', 'math', 'variables', 'functions'],
	task,
	reference,
	wrong,
	hints: h
});

const functions: SeedExercise[] = [
	fnTurtle(
		'Hàm hình vuông có cạnh',
		'Tạo hàm `hinh_vuong` với **tham số** `canh`. Gọi nó để vẽ ba hình vuông cạnh **30, 60 và 90** chung một góc.',
		b.ws(
			b.seq(
				b.callFn('hinh_vuong', ['canh'], b.num(30)),
				b.callFn('hinh_vuong', ['canh'], b.num(60)),
				b.callFn('hinh_vuong', ['canh'], b.num(90))
			)!,
			squareFn
		),
		[
			b.ws(
				b.seq(
					b.callFn('hinh_vuong', ['canh'], b.num(30)),
					b.callFn('hinh_vuong', ['canh'], b.num(60))
				)!,
				squareFn
			)
		],
		hints(
			'Tham số là ô trống mà mỗi lần gọi điền một số.',
			'Bấm bánh răng của khối lệnh hàm để thêm tham số «canh»; trong hàm dùng «canh» thay cho số.',
			'Hàm hinh_vuong(canh): lặp 4 lần tiến canh, quay phải 90. Gọi hinh_vuong với 30, 60, 90.'
		)
	),
	fnTurtle(
		'Hàm đa giác',
		'Tạo hàm `da_giac(so_canh, canh)` vẽ đa giác đều. Vẽ **tam giác, hình vuông và ngũ giác** cạnh 60 chung một góc.',
		b.ws(
			b.seq(
				b.callFn('da_giac', ['so_canh', 'canh'], b.num(3), b.num(60)),
				b.callFn('da_giac', ['so_canh', 'canh'], b.num(4), b.num(60)),
				b.callFn('da_giac', ['so_canh', 'canh'], b.num(5), b.num(60))
			)!,
			polyFn
		),
		[
			b.ws(
				b.seq(
					b.callFn('da_giac', ['so_canh', 'canh'], b.num(3), b.num(60)),
					b.callFn('da_giac', ['so_canh', 'canh'], b.num(4), b.num(60))
				)!,
				polyFn
			)
		],
		hints(
			'Góc quay phụ thuộc số cạnh.',
			'Lặp so_canh lần; góc = 360 ÷ so_canh.',
			'Hàm da_giac(so_canh, canh): lặp so_canh lần: tiến canh, quay phải 360 ÷ so_canh. Gọi với (3, 60), (4, 60), (5, 60).'
		)
	),
	fnTurtle(
		'Hình vuông lồng nhau',
		'Dùng hàm `hinh_vuong(canh)` trong một vòng lặp để vẽ **5 hình vuông** cạnh 20, 40, 60, 80, 100.',
		b.ws(
			b.seq(
				b.setVar('c', b.num(20)),
				b.repeat(5, b.callFn('hinh_vuong', ['canh'], b.getVar('c')), b.changeVar('c', 20))
			)!,
			squareFn
		),
		[
			b.ws(
				b.seq(
					b.setVar('c', b.num(20)),
					b.repeat(5, b.callFn('hinh_vuong', ['canh'], b.getVar('c')))
				)!,
				squareFn
			)
		],
		hints(
			'Cạnh tăng 20 sau mỗi hình.',
			'Dùng một biến c bắt đầu từ 20; gọi hàm với c rồi tăng c.',
			'c = 20; lặp 5 lần: hinh_vuong(c), tăng c thêm 20.'
		)
	),
	io({
		title: 'Hàm bình phương',
		concept: 'functions',
		categories: ['io', 'math', 'variables', 'functions'],
		task: 'Tạo hàm **trả về** `binh_phuong(x)` = x × x. In ra binh_phuong(n) + 1.',
		reference: b.ws(
			b.print(b.arith('ADD', b.callFnValue('binh_phuong', ['x'], b.input('n')), b.num(1))),
			b.defFnReturn('binh_phuong', ['x'], b.arith('MULTIPLY', b.getVar('x'), b.getVar('x')))
		),
		wrong: [
			b.ws(
				b.print(b.arith('ADD', b.callFnValue('binh_phuong', ['x'], b.input('n')), b.num(1))),
				b.defFnReturn('binh_phuong', ['x'], b.arith('ADD', b.getVar('x'), b.getVar('x')))
			)
		],
		inputs: [{ n: 3 }, { n: 10 }, { n: 7 }],
		answer: (i) => n(i, 'n') ** 2 + 1,
		hints: hints(
			'Hàm trả về dùng khối lệnh «hàm … trả về».',
			'Tham số x; giá trị trả về là x × x.',
			'Hàm binh_phuong(x) trả về x × x; in ra binh_phuong(n) + 1.'
		)
	}),
	io({
		title: 'Hàm tính tiền chè',
		concept: 'functions',
		categories: ['io', 'math', 'variables', 'functions'],
		task: 'Tạo hàm `tien(can, gia)` trả về can × gia. Hai mẻ chè: `a` cân giá 120 và `b` cân giá 90 (nghìn đồng). In ra **tổng tiền**.',
		reference: b.ws(
			b.print(
				b.arith(
					'ADD',
					b.callFnValue('tien', ['can', 'gia'], b.input('a'), b.num(120)),
					b.callFnValue('tien', ['can', 'gia'], b.input('b'), b.num(90))
				)
			),
			b.defFnReturn('tien', ['can', 'gia'], b.arith('MULTIPLY', b.getVar('can'), b.getVar('gia')))
		),
		wrong: [
			b.ws(
				b.print(
					b.arith(
						'ADD',
						b.callFnValue('tien', ['can', 'gia'], b.input('a'), b.num(120)),
						b.callFnValue('tien', ['can', 'gia'], b.input('b'), b.num(120))
					)
				),
				b.defFnReturn('tien', ['can', 'gia'], b.arith('MULTIPLY', b.getVar('can'), b.getVar('gia')))
			)
		],
		inputs: [
			{ a: 2, b: 3 },
			{ a: 5, b: 1 },
			{ a: 4, b: 4 }
		],
		answer: (i) => n(i, 'a') * 120 + n(i, 'b') * 90,
		hints: hints(
			'Gọi hàm hai lần với tham số khác nhau.',
			'tien(a, 120) + tien(b, 90).',
			'Hàm tien(can, gia) trả về can × gia; in ra tien(a, 120) + tien(b, 90).'
		)
	})
];

const li = (e: Omit<Parameters<typeof ioEx>[0], 'grade' | 'categories' | 'concept'>) =>
	ioEx({
		grade: 9,
		concept: 'variables',
		categories: ['io', 'lists', 'loops', 'logic', 'math', 'variables'],
		...e
	});
const nums = (i: In) => String(i.ds).split(',').map(Number);

const lists: SeedExercise[] = [
	li({
		title: 'Tổng lượng mưa',
		task: '`ds` là lượng mưa (mm) các ngày trong tuần ở Lạng Sơn. In ra **tổng lượng mưa**.',
		reference: b.ws(b.print(b.onList('SUM', b.inputList('ds')))),
		wrong: [b.ws(b.print(b.onList('MAX', b.inputList('ds'))))],
		inputs: [{ ds: '3,0,12,5,0,8,2' }, { ds: '10,20' }, { ds: '1,1,1,1' }],
		answer: (i) => nums(i).reduce((a, c) => a + c, 0),
		hints: hints(
			'Dùng khối lệnh «danh sách đầu vào ds».',
			'Khối lệnh «tổng của danh sách».',
			'In ra tổng của danh sách đầu vào ds.'
		)
	}),
	li({
		title: 'Ngày lạnh nhất',
		task: '`ds` là nhiệt độ thấp nhất mỗi ngày ở Mẫu Sơn. In ra **nhiệt độ thấp nhất** của cả đợt.',
		reference: b.ws(b.print(b.onList('MIN', b.inputList('ds')))),
		wrong: [b.ws(b.print(b.listItem(b.inputList('ds'), b.num(1))))],
		inputs: [{ ds: '5,2,-1,3' }, { ds: '8,9,4' }, { ds: '0,-3,1,-2' }],
		answer: (i) => Math.min(...nums(i)),
		hints: hints(
			'Không phải ngày đầu tiên.',
			'Khối lệnh «nhỏ nhất của danh sách».',
			'In ra nhỏ nhất của danh sách đầu vào ds.'
		)
	}),
	li({
		title: 'Số ngày trong danh sách',
		task: 'In ra **số phần tử** của danh sách `ds` (số ngày đã đo).',
		reference: b.ws(b.print(b.length(b.inputList('ds')))),
		wrong: [b.ws(b.print(b.onList('SUM', b.inputList('ds'))))],
		inputs: [{ ds: '1,2,3' }, { ds: '7' }, { ds: '4,4,4,4,4' }],
		answer: (i) => nums(i).length,
		hints: hints(
			'Đếm số phần tử.',
			'Khối lệnh «độ dài của».',
			'In ra độ dài của danh sách đầu vào ds.'
		)
	}),
	li({
		title: 'Biên độ nhiệt',
		task: 'In ra **biên độ nhiệt**: nhiệt độ cao nhất trừ nhiệt độ thấp nhất trong `ds`.',
		reference: b.ws(
			b.print(
				b.arith('MINUS', b.onList('MAX', b.inputList('ds')), b.onList('MIN', b.inputList('ds')))
			)
		),
		wrong: [
			b.ws(
				b.print(
					b.arith(
						'MINUS',
						b.onList('MAX', b.inputList('ds')),
						b.listItem(b.inputList('ds'), b.num(1))
					)
				)
			)
		],
		inputs: [{ ds: '12,18,9,15' }, { ds: '3,3' }, { ds: '20,5,30' }],
		answer: (i) => Math.max(...nums(i)) - Math.min(...nums(i)),
		hints: hints(
			'Cần cả số lớn nhất và số nhỏ nhất.',
			'lớn nhất − nhỏ nhất.',
			'In ra (lớn nhất của ds) − (nhỏ nhất của ds).'
		)
	}),
	li({
		title: 'Đếm ngày mưa to',
		task: 'Đếm số ngày trong `ds` có lượng mưa **lớn hơn 50 mm** và in ra.',
		reference: b.ws(
			b.seq(
				b.setVar('dem', b.num(0)),
				b.forEach(
					'x',
					b.inputList('ds'),
					b.ifThen(b.compare('GT', b.getVar('x'), b.num(50)), [b.changeVar('dem', 1)])
				),
				b.print(b.getVar('dem'))
			)!
		),
		wrong: [
			b.ws(
				b.seq(
					b.setVar('dem', b.num(0)),
					b.forEach(
						'x',
						b.inputList('ds'),
						b.ifThen(b.compare('GTE', b.getVar('x'), b.num(0)), [b.changeVar('dem', 1)])
					),
					b.print(b.getVar('dem'))
				)!
			)
		],
		inputs: [{ ds: '10,60,80,20' }, { ds: '51,50,49' }, { ds: '100,100,5' }],
		answer: (i) => nums(i).filter((x) => x > 50).length,
		hints: hints(
			'Xem lần lượt từng ngày.',
			'Dùng «với mỗi x trong danh sách» và một biến đếm.',
			'dem = 0; với mỗi x trong ds: nếu x > 50 thì tăng dem 1; in ra dem.'
		)
	}),
	li({
		title: 'Trung bình sản lượng hồi',
		task: '`ds` là số cân hoa hồi mỗi hộ thu được. In ra **trung bình cộng**.',
		reference: b.ws(b.print(b.onList('AVERAGE', b.inputList('ds')))),
		wrong: [b.ws(b.print(b.arith('DIVIDE', b.onList('SUM', b.inputList('ds')), b.num(2))))],
		inputs: [{ ds: '10,20,30' }, { ds: '5,7' }, { ds: '1,2,3,4' }],
		answer: (i) => r6(nums(i).reduce((a, c) => a + c, 0) / nums(i).length),
		hints: hints(
			'Trung bình = tổng ÷ số phần tử.',
			'Có khối lệnh «trung bình của danh sách».',
			'In ra trung bình của danh sách đầu vào ds.'
		)
	})
];

const lc = (e: Omit<Parameters<typeof ioEx>[0], 'grade' | 'categories' | 'concept'>) =>
	ioEx({
		grade: 9,
		concept: 'conditions',
		categories: ['io', 'loops', 'logic', 'math', 'variables', 'text'],
		...e
	});
const countUp = (...body: BlockJson[]) => [
	b.setVar('i', b.num(0)),
	b.repeat(b.input('n'), b.changeVar('i', 1), ...body)
];

const loopsIf: SeedExercise[] = [
	lc({
		title: 'Tổng các số chẵn',
		task: 'In ra tổng các số **chẵn** từ 1 đến `n`.',
		reference: b.ws(
			b.seq(
				b.setVar('tong', b.num(0)),
				...countUp(
					b.ifThen(b.compare('EQ', b.mod(b.getVar('i'), b.num(2)), b.num(0)), [
						b.setVar('tong', b.arith('ADD', b.getVar('tong'), b.getVar('i')))
					])
				),
				b.print(b.getVar('tong'))
			)!
		),
		wrong: [
			b.ws(
				b.seq(
					b.setVar('tong', b.num(0)),
					...countUp(b.setVar('tong', b.arith('ADD', b.getVar('tong'), b.getVar('i')))),
					b.print(b.getVar('tong'))
				)!
			)
		],
		inputs: [{ n: 6 }, { n: 10 }, { n: 7 }],
		answer: (i) =>
			Array.from({ length: n(i, 'n') }, (_, k) => k + 1)
				.filter((x) => x % 2 === 0)
				.reduce((a, c) => a + c, 0),
		hints: hints(
			'Chỉ cộng khi i chẵn.',
			'Trong vòng lặp: nếu i chia 2 dư 0 thì cộng i vào tổng.',
			'tong = 0, i = 0; lặp n lần: i tăng 1; nếu i mod 2 = 0 thì tong = tong + i; in tong.'
		)
	}),
	lc({
		title: 'Giai thừa',
		task: 'In ra **n!** = 1 × 2 × … × n.',
		reference: b.ws(
			b.seq(
				b.setVar('gt', b.num(1)),
				...countUp(b.setVar('gt', b.arith('MULTIPLY', b.getVar('gt'), b.getVar('i')))),
				b.print(b.getVar('gt'))
			)!
		),
		wrong: [
			b.ws(
				b.seq(
					b.setVar('gt', b.num(0)),
					...countUp(b.setVar('gt', b.arith('MULTIPLY', b.getVar('gt'), b.getVar('i')))),
					b.print(b.getVar('gt'))
				)!
			)
		],
		inputs: [{ n: 4 }, { n: 6 }, { n: 1 }],
		answer: (i) => Array.from({ length: n(i, 'n') }, (_, k) => k + 1).reduce((a, c) => a * c, 1),
		hints: hints(
			'Giống tính tổng nhưng là phép nhân.',
			'Biến tích phải bắt đầu bằng 1, không phải 0.',
			'gt = 1, i = 0; lặp n lần: i tăng 1, gt = gt × i; in ra gt.'
		)
	}),
	lc({
		title: 'Số nguyên tố',
		task: 'In `có` nếu `n` (n ≥ 2) là **số nguyên tố**, ngược lại in `không`.',
		reference: b.ws(
			b.seq(
				b.setVar('uoc', b.num(0)),
				...countUp(
					b.ifThen(b.compare('EQ', b.mod(b.input('n'), b.getVar('i')), b.num(0)), [
						b.changeVar('uoc', 1)
					])
				),
				b.ifThen(
					b.compare('EQ', b.getVar('uoc'), b.num(2)),
					[b.print(b.text('có'))],
					[b.print(b.text('không'))]
				)
			)!
		),
		wrong: [
			b.ws(
				b.ifThen(
					b.compare('EQ', b.mod(b.input('n'), b.num(2)), b.num(1)),
					[b.print(b.text('có'))],
					[b.print(b.text('không'))]
				)
			)
		],
		inputs: [{ n: 7 }, { n: 9 }, { n: 2 }, { n: 15 }],
		answer: (i) => {
			const v = n(i, 'n');
			let d = 0;
			for (let k = 1; k <= v; k++) if (v % k === 0) d++;
			return d === 2 ? 'có' : 'không';
		},
		hints: hints(
			'Số nguyên tố chỉ có hai ước: 1 và chính nó.',
			'Đếm số ước của n từ 1 đến n.',
			'uoc = 0; với i từ 1 đến n: nếu n mod i = 0 thì uoc tăng 1; nếu uoc = 2 in «có», nếu không in «không».'
		)
	}),
	lc({
		title: 'Đếm chữ số',
		task: 'Số `n` (n ≥ 1) có bao nhiêu **chữ số**? In ra.',
		reference: b.ws(
			b.seq(
				b.setVar('so', b.input('n')),
				b.setVar('dem', b.num(0)),
				b.whileDo(
					b.compare('GTE', b.getVar('so'), b.num(1)),
					b.setVar('so', floor(b.arith('DIVIDE', b.getVar('so'), b.num(10)))),
					b.changeVar('dem', 1)
				),
				b.print(b.getVar('dem'))
			)!
		),
		wrong: [
			b.ws(
				b.seq(
					b.setVar('so', b.input('n')),
					b.setVar('dem', b.num(0)),
					b.whileDo(
						b.compare('GT', b.getVar('so'), b.num(10)),
						b.setVar('so', floor(b.arith('DIVIDE', b.getVar('so'), b.num(10)))),
						b.changeVar('dem', 1)
					),
					b.print(b.getVar('dem'))
				)!
			)
		],
		inputs: [{ n: 2026 }, { n: 7 }, { n: 100 }],
		answer: (i) => String(n(i, 'n')).length,
		hints: hints(
			'Mỗi lần chia 10 (bỏ phần lẻ) là bớt một chữ số.',
			'Lặp trong khi số còn ≥ 1: chia 10, đếm thêm 1.',
			'so = n, dem = 0; lặp trong khi so ≥ 1: so = làm tròn xuống(so ÷ 10), dem tăng 1; in dem.'
		)
	}),
	lc({
		title: 'Bội của 3 và 5',
		task: 'Đếm các số từ 1 đến `n` chia hết cho **3 hoặc 5**.',
		reference: b.ws(
			b.seq(
				b.setVar('dem', b.num(0)),
				...countUp(
					b.ifThen(
						{
							type: 'logic_operation',
							fields: { OP: 'OR' },
							inputs: {
								A: { block: b.compare('EQ', b.mod(b.getVar('i'), b.num(3)), b.num(0)) },
								B: { block: b.compare('EQ', b.mod(b.getVar('i'), b.num(5)), b.num(0)) }
							}
						},
						[b.changeVar('dem', 1)]
					)
				),
				b.print(b.getVar('dem'))
			)!
		),
		wrong: [
			b.ws(
				b.seq(
					b.setVar('dem', b.num(0)),
					...countUp(
						b.ifThen(
							b.and(
								b.compare('EQ', b.mod(b.getVar('i'), b.num(3)), b.num(0)),
								b.compare('EQ', b.mod(b.getVar('i'), b.num(5)), b.num(0))
							),
							[b.changeVar('dem', 1)]
						)
					),
					b.print(b.getVar('dem'))
				)!
			)
		],
		inputs: [{ n: 10 }, { n: 15 }, { n: 30 }],
		answer: (i) =>
			Array.from({ length: n(i, 'n') }, (_, k) => k + 1).filter((x) => x % 3 === 0 || x % 5 === 0)
				.length,
		hints: hints(
			'«hoặc», không phải «và».',
			'Nếu (i mod 3 = 0) hoặc (i mod 5 = 0) thì đếm.',
			'dem = 0, i = 0; lặp n lần: i tăng 1; nếu i mod 3 = 0 hoặc i mod 5 = 0 thì dem tăng 1; in dem.'
		)
	})
];

const fix = (e: Omit<SeedExercise, 'start' | 'wrong'> & { broken: WS }): SeedExercise => {
	const { broken, ...rest } = e;
	return { ...rest, start: broken, wrong: [broken] };
};
const ioCases = (...c: [In, string][]) => ({
	io: { cases: c.map(([inputs, expected]) => ({ inputs, expected })) }
});

const debugging: SeedExercise[] = [
	fix({
		title: 'Sửa lỗi: giai thừa bằng 0',
		kind: 'io',
		grade: 9,
		concept: 'loops',
		categories: ['io', 'loops', 'math', 'variables'],
		task: '**Sửa lỗi**: chương trình tính n! nhưng luôn in ra 0.',
		broken: b.ws(
			b.seq(
				b.setVar('gt', b.num(0)),
				...countUp(b.setVar('gt', b.arith('MULTIPLY', b.getVar('gt'), b.getVar('i')))),
				b.print(b.getVar('gt'))
			)!
		),
		reference: b.ws(
			b.seq(
				b.setVar('gt', b.num(1)),
				...countUp(b.setVar('gt', b.arith('MULTIPLY', b.getVar('gt'), b.getVar('i')))),
				b.print(b.getVar('gt'))
			)!
		),
		world: ioCases([{ n: 4 }, '24'], [{ n: 5 }, '120']),
		hints: hints(
			'0 nhân với số nào cũng bằng 0.',
			'Giá trị ban đầu của gt sai.',
			'Gán gt = 1 lúc đầu.'
		)
	}),
	fix({
		title: 'Sửa lỗi: tham số bị quên',
		kind: 'turtle',
		grade: 8,
		concept: 'functions',
		categories: ['turtle', 'loops', 'math', 'variables', 'functions'],
		task: '**Sửa lỗi**: gọi `hinh_vuong` với 30, 60, 90 nhưng ba hình vuông bằng nhau.',
		broken: b.ws(
			b.seq(
				b.callFn('hinh_vuong', ['canh'], b.num(30)),
				b.callFn('hinh_vuong', ['canh'], b.num(60)),
				b.callFn('hinh_vuong', ['canh'], b.num(90))
			)!,
			b.defFn('hinh_vuong', ['canh'], b.repeat(4, b.forward(50), b.turn('RIGHT', 90)))
		),
		reference: b.ws(
			b.seq(
				b.callFn('hinh_vuong', ['canh'], b.num(30)),
				b.callFn('hinh_vuong', ['canh'], b.num(60)),
				b.callFn('hinh_vuong', ['canh'], b.num(90))
			)!,
			squareFn
		),
		hints: hints(
			'Trong hàm, cạnh luôn là 50.',
			'Hàm phải dùng tham số «canh».',
			'Thay số 50 bằng khối lệnh biến «canh».'
		)
	}),
	fix({
		title: 'Sửa lỗi: lớn nhất hay nhỏ nhất',
		kind: 'io',
		grade: 9,
		concept: 'variables',
		categories: ['io', 'lists', 'math'],
		task: '**Sửa lỗi**: chương trình phải in nhiệt độ **cao nhất** trong `ds`.',
		broken: b.ws(b.print(b.onList('MIN', b.inputList('ds')))),
		reference: b.ws(b.print(b.onList('MAX', b.inputList('ds')))),
		world: ioCases([{ ds: '12,18,9' }, '18'], [{ ds: '3,30,4' }, '30']),
		hints: hints(
			'Chương trình đang in số nhỏ nhất.',
			'Đổi phép tính trên danh sách.',
			'Chọn «lớn nhất» thay cho «nhỏ nhất».'
		)
	}),
	fix({
		title: 'Sửa lỗi: đếm cả mưa nhỏ',
		kind: 'io',
		grade: 9,
		concept: 'conditions',
		categories: ['io', 'lists', 'loops', 'logic', 'math', 'variables'],
		task: '**Sửa lỗi**: phải đếm ngày mưa **lớn hơn 50 mm**, nhưng chương trình đếm sai.',
		broken: b.ws(
			b.seq(
				b.setVar('dem', b.num(0)),
				b.forEach(
					'x',
					b.inputList('ds'),
					b.ifThen(b.compare('LT', b.getVar('x'), b.num(50)), [b.changeVar('dem', 1)])
				),
				b.print(b.getVar('dem'))
			)!
		),
		reference: b.ws(
			b.seq(
				b.setVar('dem', b.num(0)),
				b.forEach(
					'x',
					b.inputList('ds'),
					b.ifThen(b.compare('GT', b.getVar('x'), b.num(50)), [b.changeVar('dem', 1)])
				),
				b.print(b.getVar('dem'))
			)!
		),
		world: ioCases(
			[{ ds: '10,60,80,20' }, '2'],
			[{ ds: '100,5,70' }, '2'],
			[{ ds: '51,1,2,3' }, '1']
		),
		hints: hints('Thử với 10, 60, 80, 20: phải ra 2.', 'Dấu so sánh bị ngược.', 'Đổi < thành >.')
	}),
	fix({
		title: 'Sửa lỗi: tốc độ ngược',
		kind: 'io',
		grade: 8,
		concept: 'variables',
		categories: ['io', 'math', 'variables'],
		task: '**Sửa lỗi**: tốc độ = quãng đường ÷ thời gian, nhưng chương trình chia ngược.',
		broken: b.ws(b.print(b.arith('DIVIDE', b.input('t'), b.input('s')))),
		reference: b.ws(b.print(b.arith('DIVIDE', b.input('s'), b.input('t')))),
		world: ioCases([{ s: 150, t: 3 }, '50'], [{ s: 90, t: 2 }, '45']),
		hints: hints('Với s = 150, t = 3, tốc độ là 50.', 'Số bị chia phải là s.', 'Đổi chỗ s và t.')
	})
];

export const COURSE_8_9: SeedCourse = {
	slug: 'lop-8-9',
	title: 'Khóa 4: Dữ liệu quê em (lớp 8–9)',
	gradeFrom: 8,
	gradeTo: 9,
	summary: 'Biểu thức, hàm có tham số, danh sách, vòng lặp với điều kiện và sửa lỗi.',
	lessons: [
		{
			slug: 'bieu-thuc',
			title: 'Bài 1. Biến và biểu thức',
			concept: 'variables',
			summary: 'Công thức của đời sống thành chương trình.',
			exercises: expressions
		},
		{
			slug: 'ham-tham-so',
			title: 'Bài 2. Hàm có tham số',
			concept: 'functions',
			summary: 'Một hàm, nhiều giá trị: tham số và giá trị trả về.',
			exercises: functions
		},
		{
			slug: 'danh-sach',
			title: 'Bài 3. Danh sách',
			concept: 'lists',
			summary: 'Lượng mưa, nhiệt độ, sản lượng: làm việc với cả dãy số.',
			exercises: lists
		},
		{
			slug: 'lap-va-dieu-kien',
			title: 'Bài 4. Lặp và điều kiện',
			concept: 'conditions',
			summary: 'Đếm, cộng, kiểm tra với vòng lặp và câu hỏi.',
			exercises: loopsIf
		},
		{
			slug: 'sua-loi',
			title: 'Bài 5. Sửa lỗi',
			concept: 'debugging',
			summary: 'Giá trị đầu, tham số, dấu so sánh: tìm lỗi và sửa.',
			exercises: debugging
		}
	]
};
