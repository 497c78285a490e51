// Ids sent by a form (checkboxes, hidden fields): whole, positive and safe numbers only; anything else
// is dropped (a forged value never reaches a query).
export function formIds(values: FormDataEntryValue[]): number[] {
	return values.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
}
