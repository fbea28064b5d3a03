import { formatDate, type Language } from '../../platform/i18n/index.ts';
import { forecastMessages } from './forecast.messages.ts';
import { messages } from './policy-figures.messages.ts';
import { formatPublished } from './policy-figures.tables.ts';
import type { Published } from './suppression.ts';
import { YEARLY_MEASURES, type YearlyMeasure } from './yearly.ts';

/**
 * The yearly registration as a printable PDF (A4 landscape): title, municipality or region, year,
 * the government's minimum counts (a row per municipality, the region's total below), the
 * definitions, the suppression legend and the date it was made, in the user's language. Written
 * from the same protected table as the page, CSV and XLSX. The PDF's standard Helvetica writes
 * WinAnsi text, so characters outside it (the narrow no-break space of French numbers) are mapped.
 */
export type YearlyPdf = {
  lang: Language;
  year: number;
  /** The municipality's name, or the region's ("Regio …"). */
  scope: string;
  rows: { name: string; values: Record<YearlyMeasure, Published> }[];
  total?: Record<YearlyMeasure, Published>;
  definitions: string[];
  madeOn: string;
};

/** Text the standard fonts can write: WinAnsi has the no-break space, not the narrow one. */
export const pdfText = (text: string) => text.replace(/[\u202f\u2009\u2007]/g, '\u00a0').replace(/≤/g, '<=');

export async function yearlyPdf(file: YearlyPdf): Promise<Buffer> {
  // Loaded on first use: the library costs a server ≈25 MB of memory for a rare file.
  const { default: PDFDocument } = await import('pdfkit');
  const t = messages[file.lang];
  const p = forecastMessages[file.lang].pdf;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 40,
    bufferPages: true,
    lang: file.lang,
    displayTitle: true,
    info: {
      Title: pdfText(`${t.yearly.title(file.year)} – ${file.scope}`),
      Author: 'Loket Kinderopvang',
      Subject: pdfText(p.minimum),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(pdfText(t.yearly.title(file.year)), left, 40);
  doc
    .font('Helvetica')
    .fontSize(12)
    .text(pdfText(p.subtitle(file.scope, file.year)));
  doc.moveDown(0.3).fontSize(9).fillColor('#333333').text(pdfText(p.minimum)).fillColor('black');
  doc.moveDown(0.8);

  // The table: the municipality, then one column per measure.
  const firstWidth = 170;
  const colWidth = (width - firstWidth) / YEARLY_MEASURES.length;
  const x = (i: number) => (i === 0 ? left : left + firstWidth + (i - 1) * colWidth);
  const w = (i: number) => (i === 0 ? firstWidth : colWidth);
  const drawRow = (cells: string[], bold: boolean, header = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(header ? 8.5 : 9.5);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: w(i) - 8 }));
    const h = Math.max(...heights) + 8;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const top = doc.y;
    if (header) doc.rect(left, top, width, h).fill('#e8e8e8').fillColor('black');
    cells.forEach((c, i) => {
      doc.text(c, x(i) + 4, top + 4, { width: w(i) - 8, align: i === 0 ? 'left' : 'right', lineBreak: true });
    });
    doc
      .moveTo(left, top + h)
      .lineTo(left + width, top + h)
      .lineWidth(0.5)
      .strokeColor('#888888')
      .stroke();
    doc.x = left;
    doc.y = top + h;
  };
  drawRow([p.municipality, ...YEARLY_MEASURES.map((m) => t.yearly.measures[m])].map(pdfText), true, true);
  for (const row of file.rows)
    drawRow(
      [row.name, ...YEARLY_MEASURES.map((m) => formatPublished(file.lang, row.values[m]))].map(pdfText),
      false,
    );
  if (file.total) {
    const total = file.total;
    drawRow(
      [t.yearly.regionTotal, ...YEARLY_MEASURES.map((m) => formatPublished(file.lang, total[m]))].map(
        pdfText,
      ),
      true,
    );
  }

  doc.moveDown(1);
  doc.x = left;
  doc.font('Helvetica').fontSize(9).text(pdfText(p.legend), left, doc.y, { width });
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(11).text(pdfText(p.definitions), left, doc.y, { width });
  doc.font('Helvetica').fontSize(9);
  for (const definition of file.definitions) {
    doc.moveDown(0.3);
    doc.text(pdfText(`• ${definition}`), left, doc.y, { width });
  }
  doc.moveDown(0.8);
  doc.text(pdfText(p.made(formatDate(file.lang, file.madeOn))), left, doc.y, { width });

  // Page numbers at the foot of every page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(pdfText(p.page(i + 1, range.count)), left, doc.page.height - 28, { width, align: 'right' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
