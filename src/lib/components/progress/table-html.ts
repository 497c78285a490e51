// A table's body as plain HTML: hundreds of rows (300 schools) render without per-cell hydration
// markers, which would triple the page's size. Every text is escaped here.
const ESC: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);
const fmt = (c: number | string) => (typeof c === 'number' ? c.toLocaleString('vi-VN') : c);

export function bodyHtml(
	rows: { label: string; href?: string; hidden: boolean; cells: (number | string)[] }[],
	empty: string,
	width: number
): string {
	if (!rows.length) return `<tr><td colspan="${width}">${esc(empty)}</td></tr>`;
	let out = '';
	for (const r of rows) {
		out += r.hidden ? '<tr class="hidden-group">' : '<tr>';
		out += `<th scope="row">${r.href ? `<a href="${esc(r.href)}">${esc(r.label)}</a>` : esc(r.label)}</th>`;
		for (let j = 0; j < r.cells.length; j++) out += `<td>${esc(String(fmt(r.cells[j])))}</td>`;
		out += '</tr>';
	}
	return out;
}
