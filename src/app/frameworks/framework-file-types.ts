/**
 * What the "open a framework file" control offers in the file picker: JSON and text (O*NET
 * exports, Skillscope framework files, the seed formats) and the spreadsheet template as CSV or
 * .xlsx. The reader decides by content, so this only filters the picker; add a format here too.
 */
export const FRAMEWORK_FILE_ACCEPT = [
  '.json', '.txt', '.csv', '.xlsx',
  'application/json', 'text/plain', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',');

/** The template a user fills in a spreadsheet (public/templates, written by tests/support/write-framework-templates.ts). */
export const TEMPLATE_DOWNLOADS = [
  { href: 'templates/framework-template.xlsx', label: 'Template for Excel, LibreOffice or Sheets (.xlsx)' },
  { href: 'templates/framework-template.csv', label: 'Template as CSV' },
] as const;
