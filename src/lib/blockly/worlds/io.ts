import { outputDifference, sameOutput } from '../compare';
import type { IoCase } from '../spec';
import { fail, type Verdict } from '../verdict';

const MAX_LINES = 200;

export function createIoWorld(testCase: IoCase, ignoreDiacritics = false) {
	const world = {
		halted: false,
		lines: [] as string[],
		api: {
			io_input: (name: unknown) => testCase.inputs[String(name)] ?? 0,
			io_print: (value: unknown) => {
				world.lines.push(
					typeof value === 'number' ? String(Math.round(value * 1e6) / 1e6) : String(value)
				);
				if (world.lines.length >= MAX_LINES) world.halted = true;
			}
		},
		verdict(): Verdict | null {
			// Printing without end is an endless loop stopped by the world, not a wrong answer.
			if (world.lines.length >= MAX_LINES) return fail('too_long');
			const got = world.lines.join('\n').trim();
			if (sameOutput(testCase.expected, got, ignoreDiacritics)) return null;
			if (testCase.hidden) return fail('io_hidden_wrong');
			const input = Object.entries(testCase.inputs)
				.map(([k, v]) => `${k} = ${v}`)
				.join(', ');
			const why = outputDifference(testCase.expected, got);
			return fail('io_wrong', { input, expected: testCase.expected.trim(), got, why });
		}
	};
	return world;
}
