// Small builders of Blockly workspace JSON, so the seed's reference and wrong solutions read like programs.
import type { BlockJson, WorkspaceJson } from '$lib/blockly/spec';

type B = BlockJson;
const value = (block: B) => ({ block });
const shadowNumber = (n: number) => ({ shadow: { type: 'math_number', fields: { NUM: n } } });

export function seq(...blocks: B[]): B | undefined {
	const copies = blocks.map((b) => ({ ...b }));
	for (let i = 0; i < copies.length - 1; i++) copies[i].next = { block: copies[i + 1] };
	return copies[0];
}

/** A workspace from stacks of blocks; variables used by the blocks are declared. */
export function ws(...stacks: (B | undefined)[]): WorkspaceJson {
	const names = new Set<string>();
	const visit = (b: unknown) => {
		if (!b || typeof b !== 'object') return;
		const block = b as B;
		const v = (block.fields?.VAR as { id?: string } | undefined)?.id;
		if (v) names.add(v.slice(2));
		for (const x of Object.values(block)) if (x && typeof x === 'object') visit(x);
	};
	stacks.forEach(visit);
	return {
		blocks: {
			languageVersion: 0,
			blocks: stacks.filter((s): s is B => !!s).map((s, i) => ({ ...s, x: 20, y: 20 + i * 200 }))
		},
		...(names.size ? { variables: [...names].map((name) => ({ name, id: `v_${name}` })) } : {})
	};
}

export const num = (n: number): B => ({ type: 'math_number', fields: { NUM: n } });
export const text = (t: string): B => ({ type: 'text', fields: { TEXT: t } });
export const bool = (b: boolean): B => ({
	type: 'logic_boolean',
	fields: { BOOL: b ? 'TRUE' : 'FALSE' }
});
export const arith = (op: 'ADD' | 'MINUS' | 'MULTIPLY' | 'DIVIDE' | 'POWER', a: B, b: B): B => ({
	type: 'math_arithmetic',
	fields: { OP: op },
	inputs: { A: value(a), B: value(b) }
});
export const mod = (a: B, b: B): B => ({
	type: 'math_modulo',
	inputs: { DIVIDEND: value(a), DIVISOR: value(b) }
});
export const compare = (op: 'EQ' | 'NEQ' | 'LT' | 'LTE' | 'GT' | 'GTE', a: B, b: B): B => ({
	type: 'logic_compare',
	fields: { OP: op },
	inputs: { A: value(a), B: value(b) }
});
export const and = (a: B, b: B): B => ({
	type: 'logic_operation',
	fields: { OP: 'AND' },
	inputs: { A: value(a), B: value(b) }
});
export const not = (a: B): B => ({ type: 'logic_negate', inputs: { BOOL: value(a) } });
export const join = (...items: B[]): B => ({
	type: 'text_join',
	extraState: { itemCount: items.length },
	inputs: Object.fromEntries(items.map((b, i) => [`ADD${i}`, value(b)]))
});

export const repeat = (n: number | B, ...body: B[]): B => ({
	type: 'controls_repeat_ext',
	inputs: {
		TIMES: typeof n === 'number' ? shadowNumber(n) : value(n),
		...(body.length ? { DO: value(seq(...body)!) } : {})
	}
});
export const whileDo = (cond: B, ...body: B[]): B => ({
	type: 'controls_whileUntil',
	fields: { MODE: 'WHILE' },
	inputs: { BOOL: value(cond), ...(body.length ? { DO: value(seq(...body)!) } : {}) }
});
export const until = (cond: B, ...body: B[]): B => ({
	type: 'controls_whileUntil',
	fields: { MODE: 'UNTIL' },
	inputs: { BOOL: value(cond), ...(body.length ? { DO: value(seq(...body)!) } : {}) }
});
export const forRange = (name: string, from: number, to: number, ...body: B[]): B => ({
	type: 'controls_for',
	fields: { VAR: { id: `v_${name}` } },
	inputs: {
		FROM: shadowNumber(from),
		TO: shadowNumber(to),
		BY: shadowNumber(1),
		...(body.length ? { DO: value(seq(...body)!) } : {})
	}
});
export const ifThen = (cond: B, then: B[], otherwise?: B[]): B => ({
	type: 'controls_if',
	...(otherwise ? { extraState: { hasElse: true } } : {}),
	inputs: {
		IF0: value(cond),
		...(then.length ? { DO0: value(seq(...then)!) } : {}),
		...(otherwise?.length ? { ELSE: value(seq(...otherwise)!) } : {})
	}
});

export const setVar = (name: string, v: B): B => ({
	type: 'variables_set',
	fields: { VAR: { id: `v_${name}` } },
	inputs: { VALUE: value(v) }
});
export const getVar = (name: string): B => ({
	type: 'variables_get',
	fields: { VAR: { id: `v_${name}` } }
});
export const changeVar = (name: string, by: number): B => ({
	type: 'math_change',
	fields: { VAR: { id: `v_${name}` } },
	inputs: { DELTA: shadowNumber(by) }
});
export const defProc = (name: string, ...body: B[]): B => ({
	type: 'procedures_defnoreturn',
	fields: { NAME: name },
	...(body.length ? { inputs: { STACK: value(seq(...body)!) } } : {})
});
export const callProc = (name: string): B => ({
	type: 'procedures_callnoreturn',
	extraState: { name }
});

export const input = (name: string): B => ({ type: 'io_input', fields: { NAME: name } });
export const print = (v: B): B => ({ type: 'io_print', inputs: { VALUE: value(v) } });

export const forward = (d: number): B => ({
	type: 'turtle_forward',
	inputs: { DIST: shadowNumber(d) }
});
export const turn = (dir: 'LEFT' | 'RIGHT', deg: number): B => ({
	type: 'turtle_turn',
	fields: { DIR: dir },
	inputs: { ANGLE: shadowNumber(deg) }
});
export const pen = (state: 'UP' | 'DOWN'): B => ({ type: 'turtle_pen', fields: { STATE: state } });

export const go = (): B => ({ type: 'maze_forward' });
export const mturn = (dir: 'LEFT' | 'RIGHT'): B => ({ type: 'maze_turn', fields: { DIR: dir } });
export const path = (dir: 'AHEAD' | 'LEFT' | 'RIGHT'): B => ({
	type: 'maze_path',
	fields: { DIR: dir }
});
export const atGoal = (): B => ({ type: 'maze_at_goal' });

export const moisture = (): B => ({ type: 'sensor_moisture' });
export const water = (): B => ({ type: 'sensor_water_level' });
export const hour = (): B => ({ type: 'sensor_hour' });
export const pump = (on: boolean): B => ({
	type: 'sensor_pump',
	fields: { STATE: on ? 'ON' : 'OFF' }
});
export const alarm = (on: boolean): B => ({
	type: 'sensor_alarm',
	fields: { STATE: on ? 'ON' : 'OFF' }
});
export const wait = (): B => ({ type: 'sensor_wait_hour' });
export const forwardBy = (d: B): B => ({
	type: 'turtle_forward',
	inputs: { DIST: { shadow: num(10), block: d } }
});

// Events, tea picking, lists and functions with parameters (issue 15's courses).
export const pick = (): B => ({ type: 'maze_pick' });
export const onStart = (...body: B[]): B => ({
	type: 'event_start',
	...(body.length ? { next: value(seq(...body)!) } : {})
});
export const onReach = (...body: B[]): B => ({
	type: 'event_reach',
	...(body.length ? { inputs: { DO: value(seq(...body)!) } } : {})
});
export const onSensor = (
	sensor: 'water' | 'moisture',
	op: 'ABOVE' | 'BELOW',
	threshold: number,
	...body: B[]
): B => ({
	type: 'event_sensor',
	fields: { SENSOR: sensor, OP: op, VALUE: threshold },
	...(body.length ? { inputs: { DO: value(seq(...body)!) } } : {})
});

export const split = (text: B, delim = ','): B => ({
	type: 'lists_split',
	fields: { MODE: 'SPLIT' },
	inputs: { INPUT: value(text), DELIM: { shadow: { type: 'text', fields: { TEXT: delim } } } }
});
export const length = (list: B): B => ({ type: 'lists_length', inputs: { VALUE: value(list) } });
export const listItem = (list: B, index: B): B => ({
	type: 'lists_getIndex',
	fields: { MODE: 'GET', WHERE: 'FROM_START' },
	inputs: { VALUE: value(list), AT: value(index) }
});
export const onList = (op: 'SUM' | 'MIN' | 'MAX' | 'AVERAGE', list: B): B => ({
	type: 'math_on_list',
	fields: { OP: op },
	extraState: `<mutation op="${op}"></mutation>`,
	inputs: { LIST: value(list) }
});
export const forEach = (name: string, list: B, ...body: B[]): B => ({
	type: 'controls_forEach',
	fields: { VAR: { id: `v_${name}` } },
	inputs: { LIST: value(list), ...(body.length ? { DO: value(seq(...body)!) } : {}) }
});

/** A function with parameters (Blockly's procedures with arguments). */
export const defFn = (name: string, params: string[], ...body: B[]): B => ({
	type: 'procedures_defnoreturn',
	fields: { NAME: name },
	extraState: { params: params.map((p) => ({ name: p, id: `v_${p}` })) },
	...(body.length ? { inputs: { STACK: value(seq(...body)!) } } : {})
});
export const defFnReturn = (name: string, params: string[], result: B, ...body: B[]): B => ({
	type: 'procedures_defreturn',
	fields: { NAME: name },
	extraState: { params: params.map((p) => ({ name: p, id: `v_${p}` })) },
	inputs: {
		...(body.length ? { STACK: value(seq(...body)!) } : {}),
		RETURN: value(result)
	}
});
export const callFn = (name: string, params: string[], ...args: B[]): B => ({
	type: 'procedures_callnoreturn',
	extraState: { name, params },
	inputs: Object.fromEntries(args.map((a, i) => [`ARG${i}`, value(a)]))
});
export const callFnValue = (name: string, params: string[], ...args: B[]): B => ({
	type: 'procedures_callreturn',
	extraState: { name, params },
	inputs: Object.fromEntries(args.map((a, i) => [`ARG${i}`, value(a)]))
});
export const inputList = (name: string): B => ({ type: 'io_input_list', fields: { NAME: name } });
