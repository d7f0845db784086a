// Printing from the apps (R-DOC-1): a button renders a document with documents.render; on success a ModalV2
// opens with the document in an IFrame, whose own "Print" button prints just the document.
//
// Why an IFrame of a `data:` URL: ToolJet 3's Html widget sanitizes with DOMPurify (no script, no onclick:
// frontend/src/AppBuilder/Widgets/Html.jsx), and the generate-file action's PDF writes plain text with jsPDF
// (no CJK font) — neither can print a Chinese A4 document. The IFrame widget (AppBuilder/Widgets/IFrame.jsx)
// sets `src` with no sandbox, so the document's own button can call print() for the frame alone.
import type { AppBuilder } from './builder.js';
import { fx } from './refs.js';
import type { Region } from './region.js';

export interface PrintableDocument {
  /** documents.render template name. */
  template: string;
  /** Button caption. */
  label: string;
  /** JS expression (no braces around it) giving the template's params, e.g. `({ id: queries.x.data?.id })`. */
  params: string;
  /** `{{ }}` expression: the button is disabled while true (e.g. nothing selected). */
  disabled?: string;
}

// Shown above the document on screen and hidden when printing. It must not contain `}}`: it sits inside a
// `{{ }}` expression, and ToolJet ends an expression at the first `}}`.
const printBar = (caption: string): string =>
  '<body><div class="cd-print" style="text-align:right;padding:8px;font-family:sans-serif">' +
  `<button type="button" onclick="window.print()" style="font-size:16px;padding:6px 18px">${caption.replace(/[<>&"}{]/g, '')}</button></div>` +
  '<style>@media print { .cd-print { display: none } }</style>';

const camel = (template: string): string => template.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The IFrame source: the rendered document as a `data:` URL, with the print bar after `<body>`. */
export const documentSource = (queryName: string, caption: string): string =>
  fx(`'data:text/html;charset=utf-8,' + encodeURIComponent((queries.${queryName}.data?.html ?? '').replace('<body>', ${JSON.stringify(printBar(caption))}))`);

/** One button per document in a row, and the modal each one opens. */
export function printButtons(app: AppBuilder, region: Region, documents: readonly PrintableDocument[]): void {
  const queries = documents.map((d) => app.query(`print_${camel(d.template)}`, 'documents.render', { template: d.template, params: fx(d.params) }));
  region.row((row) => {
    documents.forEach((d, i) => row.button(`print_${camel(d.template)}Button`, `🖨 ${d.label}`, queries[i]!, { width: 10, disabled: d.disabled, type: 'outline' }));
  });
  documents.forEach((d, i) => {
    const query = queries[i]!;
    const modal = region.modal(
      `print_${camel(d.template)}Modal`,
      d.label,
      (body) => void body.frame(`print_${camel(d.template)}Frame`, documentSource(query.name, app.t('打印', 'Print')), { height: 560 }),
    );
    app.openOnSuccess(query, modal);
  });
}
