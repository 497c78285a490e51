// The app's icons are its own SVG (Icon.svelte): an emoji in a component shows as an empty box, or
// differently, on the schools' old devices. This fails when one comes back into a .svelte file.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Pictographs (emoji), except © ® ™, which every font has. Arrows, ★ and ✓ are text, not emoji.
const EMOJI = /(?![©®™])\p{Extended_Pictographic}/gu;

function svelteFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const path = join(dir, e.name);
		if (e.isDirectory()) return e.name === 'paraglide' ? [] : svelteFiles(path);
		return e.name.endsWith('.svelte') ? [path] : [];
	});
}

/** Each emoji found, as "file:line: character". */
function emojiIn(path: string, text: string): string[] {
	return text
		.split('\n')
		.flatMap((line, i) => [...line.matchAll(EMOJI)].map((e) => `${path}:${i + 1}: ${e[0]}`));
}

describe('icons are SVG, not emoji', () => {
	it('finds the emoji it is meant to find, and leaves text symbols alone', () => {
		expect(emojiIn('a.svelte', '<button>⏭ {m.step()}</button>\n💡 🗺️ ▶ ⚠ ✅')).toEqual([
			'a.svelte:1: ⏭',
			'a.svelte:2: 💡',
			'a.svelte:2: 🗺',
			'a.svelte:2: ▶',
			'a.svelte:2: ⚠',
			'a.svelte:2: ✅'
		]);
		expect(emojiIn('a.svelte', '← ↑ ↓ → ↺ ★☆ ✓ ✗ ✕ · © Mầm STEM')).toEqual([]);
	});

	it('no .svelte file under src/ has an emoji in it', () => {
		const files = svelteFiles('src');
		expect(files.length).toBeGreaterThan(50);
		const found = files.flatMap((f) => emojiIn(f, readFileSync(f, 'utf8')));
		expect(found).toEqual([]);
	});
});
