// What a person typed, ticked or chose in a server-rendered form before the page's script took over.
// On a slow link a teacher can fill half a form before the JavaScript arrives; hydration then sets every
// `value={…}` it renders back to the server's value and the typing is gone. The root layout notes such
// fields before hydration and puts them back after it.

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type Kept = { field: Field; value: string | boolean | boolean[] };

const NOT_TYPED = new Set(['hidden', 'file', 'submit', 'button', 'reset', 'image']);

function current(field: Field): string | boolean | boolean[] {
	if (field instanceof HTMLSelectElement) return Array.from(field.options, (o) => o.selected);
	if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio'))
		return field.checked;
	return field.value;
}

/** Whether the field differs from what the server rendered into it (its default). */
function changedByPerson(field: Field): boolean {
	if (field instanceof HTMLSelectElement) {
		const options = Array.from(field.options);
		if (field.multiple) return options.some((o) => o.selected !== o.defaultSelected);
		// A single choice with no option marked selected shows its first.
		return (
			field.selectedIndex !==
			Math.max(
				0,
				options.findLastIndex((o) => o.defaultSelected)
			)
		);
	}
	if (field instanceof HTMLInputElement) {
		if (NOT_TYPED.has(field.type)) return false;
		if (field.type === 'checkbox' || field.type === 'radio')
			return field.checked !== field.defaultChecked;
	}
	return field.value !== field.defaultValue;
}

function same(a: Kept['value'], b: Kept['value']): boolean {
	return Array.isArray(a) && Array.isArray(b) ? a.every((x, i) => x === b[i]) : a === b;
}

function put(field: Field, value: Kept['value']) {
	if (field instanceof HTMLSelectElement)
		Array.from(field.options).forEach((o, i) => (o.selected = (value as boolean[])[i] ?? false));
	else if (typeof value === 'boolean') (field as HTMLInputElement).checked = value;
	else field.value = value as string;
	// Bound state and listeners hear of it as if the person had just typed it.
	field.dispatchEvent(new Event('input', { bubbles: true }));
	field.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Notes every field a person changed in `root` (call before hydration); the returned function puts back
 * those hydration changed again (call once the page is mounted). Fields hydration left alone are not touched.
 */
export function noteTypedBeforeHydration(root: ParentNode): () => number {
	const kept: Kept[] = [];
	for (const field of root.querySelectorAll<Field>('input, textarea, select'))
		if (changedByPerson(field)) kept.push({ field, value: current(field) });
	return () => {
		let restored = 0;
		for (const { field, value } of kept) {
			if (!field.isConnected || same(current(field), value)) continue;
			put(field, value);
			restored++;
		}
		return restored;
	};
}
