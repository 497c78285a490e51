// The audit trail as a workbook: the page's columns, with the same labels (written off the request thread).
import { m } from '$lib/paraglide/messages';
import { actionLabel, targetLabel, whoOf } from '$lib/audit-labels';
import type { Book } from '../sheets/book';
import { EXPORT_LIMIT, type AuditRow } from './trail';

export function auditBook(rows: AuditRow[], more: boolean, filterLine: string): Book {
	return {
		fast: rows.length > 5000,
		sheets: [
			{
				name: 'Nhat ky',
				widths: [18, 24, 30, 18, 30, 16, 40],
				rows: [
					{ cells: [m.audit_sheet_title()], bold: true },
					{ cells: [filterLine] },
					...(more ? [{ cells: [m.audit_export_more({ count: String(EXPORT_LIMIT) })] }] : []),
					{
						cells: [
							m.audit_col_time(),
							m.audit_col_who(),
							m.audit_col_action(),
							m.audit_col_target(),
							m.audit_col_school(),
							m.audit_col_address(),
							m.audit_col_detail()
						],
						bold: true
					},
					...rows.map((r) => ({
						cells: [
							r.time,
							whoOf(r),
							actionLabel(r.action),
							targetLabel(r.targetType, r.targetId),
							r.schoolName ?? '',
							r.address ?? '',
							r.detail ?? ''
						]
					}))
				]
			}
		]
	};
}
