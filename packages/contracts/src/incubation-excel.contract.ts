import { ImportConfirmInput, ImportPreview, ImportResult } from './directory.contract.ts';
import { defineRoute } from './route.ts';

/** Incubation's Excel: the 在孵企业台账 (export, checked import) and the quarterly report template. */
const tags = ['incubation'];

export const ExportIncubateeLedgerRoute = defineRoute({
  method: 'GET',
  path: '/api/incubatees/ledger.xlsx',
  summary: '导出在孵企业台账（.xlsx）',
  tags,
  access: { resource: 'incubation', action: 'export' },
  kind: 'file',
});
export const PreviewIncubateeImportRoute = defineRoute({
  method: 'POST',
  path: '/api/incubatees/import',
  summary: '导入在孵企业台账：逐行检查，返回预览（新主体入驻，已有主体按记录ID更新）',
  tags,
  access: { resource: 'incubation', action: 'import' },
  kind: 'upload',
  response: ImportPreview,
});
export const ConfirmIncubateeImportRoute = defineRoute({
  method: 'POST',
  path: '/api/incubatees/import/confirm',
  summary: '确认导入在孵企业台账',
  tags,
  access: { resource: 'incubation', action: 'import' },
  body: ImportConfirmInput,
  response: ImportResult,
});
export const ReportTemplateRoute = defineRoute({
  method: 'GET',
  path: '/api/incubatees/reports/template.xlsx',
  summary: '季度数据填报模板（.xlsx，列出在孵主体）',
  tags,
  access: { resource: 'incubation_report', action: 'import' },
  kind: 'file',
});
export const PreviewReportImportRoute = defineRoute({
  method: 'POST',
  path: '/api/incubatees/reports/import',
  summary: '导入季度数据：逐行检查，返回预览',
  tags,
  access: { resource: 'incubation_report', action: 'import' },
  kind: 'upload',
  response: ImportPreview,
});
export const ConfirmReportImportRoute = defineRoute({
  method: 'POST',
  path: '/api/incubatees/reports/import/confirm',
  summary: '确认导入季度数据',
  tags,
  access: { resource: 'incubation_report', action: 'import' },
  body: ImportConfirmInput,
  response: ImportResult,
});
