import { CLINIC_TIME_ZONE } from '../../../shared/deadlines/zone';
import type { CustomTableLayout } from 'pdfmake/interfaces';
import type { DocDefinition, DocNode } from '../pdf/expand';
import { keepHeadingsWithNext } from '../pdf/keep-with-next';
import { ltrIsolate, mirrorTable, type ParagraphNode } from '../pdf/render';
import { dateOptions, dateTimeOptions, directionOf, INTL_LOCALES, type Language } from '../../../shared/domain/languages';
import { catalogs, type Messages } from '../../../shared/i18n';
import { documentCatalogs, fill, type DocumentMessages } from '../../../shared/i18n/documents';

/** What every document carries: the clinic, who generated it and when, in which language. */
export interface DocContext {
  readonly language: Language;
  readonly clinicName: string;
  readonly generatedBy: string;
  readonly generatedAt: Date;
}

/**
 * Label / value rows: the same light rules between every row. pdfmake's lightHorizontalLines
 * draws the rule under the first row black (a header's), which made the first field look
 * like a column title (issue #11, item 5). Paddings as lightHorizontalLines'.
 */
const FIELD_ROWS: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 1),
  vLineWidth: () => 0,
  hLineColor: () => '#c9ced8',
  paddingLeft: (i) => (i === 0 ? 0 : 8),
  paddingRight: (i, node) => (i === (node.table.widths?.length ?? 0) - 1 ? 0 : 8),
};

export class DocWriter {
  readonly m: DocumentMessages;
  /** Labels of coded values: the same as on screen, from the interface catalogs. */
  readonly labels: Messages['enums'];
  readonly dir: 'rtl' | 'ltr';
  private readonly dateFormat: Intl.DateTimeFormat;
  private readonly timeFormat: Intl.DateTimeFormat;

  constructor(readonly ctx: DocContext) {
    this.m = documentCatalogs[ctx.language];
    this.labels = catalogs[ctx.language].enums;
    this.dir = directionOf(ctx.language);
    // The language's locale (Moroccan Arabic months, Western digits); calendar dates are
    // YYYY-MM-DD text, formatted at UTC so they never move by a day.
    const locale = INTL_LOCALES[ctx.language];
    this.dateFormat = new Intl.DateTimeFormat(locale, { ...dateOptions(ctx.language, 'long'), timeZone: 'UTC' });
    // Moments in clinic time, whatever the computer's zone: as on screen and in deadlines.
    this.timeFormat = new Intl.DateTimeFormat(locale, { ...dateTimeOptions(ctx.language, 'long'), timeZone: CLINIC_TIME_ZONE });
  }

  /** A calendar date (YYYY-MM-DD) in words, or the empty mark. */
  date(isoDate: string | null | undefined): string {
    if (!isoDate) return this.m.none;
    return this.dateFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
  }

  timestamp(iso: string): string {
    return this.timeFormat.format(new Date(iso));
  }

  country(code: string | null | undefined): string {
    if (!code) return this.m.none;
    return new Intl.DisplayNames([this.ctx.language], { type: 'region' }).of(code) ?? code;
  }

  language(code: string): string {
    return new Intl.DisplayNames([this.ctx.language], { type: 'language' }).of(code) ?? code;
  }

  /** Numbers, phones and codes keep their order inside Arabic text. */
  code(value: string): string {
    return value ? ltrIsolate(value) : this.m.none;
  }

  p(text: string, extra: Omit<ParagraphNode, 'paragraph'> = {}): ParagraphNode {
    return { paragraph: text || this.m.none, dir: this.dir, fontSize: this.ctx.language === 'ar' ? 11 : 10, ...extra };
  }

  /**
   * Text a person typed (a summary, a note): its direction comes from its own first strong
   * letter, paragraph by paragraph (UAX #9 P2–P3), and it is aligned to that direction's
   * start, as `dir="auto"` does on screen. A French note in an Arabic document reads left to
   * right from the left margin, and the reverse.
   */
  typed(text: string, extra: Omit<ParagraphNode, 'paragraph'> = {}): ParagraphNode {
    return this.p(text, { dir: 'auto', align: 'start', ...extra });
  }

  title(text: string): ParagraphNode {
    return this.p(text, { fontSize: 17, bold: true, margin: [0, 0, 0, 12] });
  }

  section(text: string): ParagraphNode {
    return this.p(text, { fontSize: 13, bold: true, color: '#174f8c', margin: [0, 14, 0, 6], keepWithNext: true });
  }

  /** Label / value rows; mirrored so the label sits at the reader's start in Arabic. */
  fields(rows: readonly (readonly [string, string])[]): DocNode {
    const table = {
      table: { widths: [150, '*'], body: rows.map(([label, value]) => [this.p(label, { bold: true, color: '#545d6e' }), this.p(value)]) },
      layout: FIELD_ROWS,
    };
    return (this.dir === 'rtl' ? mirrorTable(table) : table);
  }

  /** A data table with a header row, mirrored for Arabic. */
  grid(header: readonly string[], rows: readonly (readonly string[])[], widths: readonly (number | '*')[], typedColumns: readonly number[] = []): DocNode {
    if (rows.length === 0) return this.p(this.m.case.nothingYet, { italics: true, color: '#545d6e' });
    const table = {
      table: {
        headerRows: 1,
        // The header row never stays alone at the foot of a page.
        keepWithHeaderRows: 1,
        widths: [...widths],
        body: [header.map((h) => this.p(h, { bold: true })), ...rows.map((r) => r.map((cell, i) => (typedColumns.includes(i) && cell ? this.typed(cell) : this.p(cell))))],
      },
      layout: 'lightHorizontalLines',
    };
    return (this.dir === 'rtl' ? mirrorTable(table) : table);
  }

  /** The page frame: clinic header, confidentiality mark, page x / y, generation line. */
  document(title: string, body: DocNode[]): DocDefinition {
    const { m, ctx } = this;
    const generated = fill(m.generated, { date: this.timestamp(ctx.generatedAt.toISOString()), user: ctx.generatedBy });
    return {
      pageSize: 'A4',
      pageMargins: [40, 64, 40, 72],
      info: { title, creator: 'Clinic Case Manager', producer: 'Clinic Case Manager' },
      pageBreakBefore: keepHeadingsWithNext,
      header: () => ({
        stack: [
          this.p(ctx.clinicName, { bold: true, fontSize: 11, color: '#174f8c' }),
          this.p(m.confidential, { fontSize: 7.5, color: '#8a1c15' }),
        ],
        margin: [40, 22, 40, 0],
      }),
      footer: (page: number, pages: number) => ({
        stack: [
          this.p(generated, { fontSize: 8, color: '#545d6e' }),
          this.p(fill(m.page, { count: this.code(`${page} / ${pages}`) }), { fontSize: 8, color: '#545d6e', align: 'end' }),
        ],
        margin: [40, 18, 40, 0],
      }),
      content: [this.title(title), ...body],
    };
  }
}
