import { dirname, join } from 'node:path';

// pdfmake ships Roboto, which covers Cyrillic; it is the bundled font of every PDF we render.
const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const FONTS = {
  Roboto: {
    normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
};

interface PdfMake {
  setFonts(fonts: unknown): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  setUrlAccessPolicy?(cb: (url: string) => boolean): void;
  createPdf(doc: unknown): { getBuffer(): Promise<Buffer> };
}

let pdfmake: PdfMake | undefined;
function pdf(): PdfMake {
  if (!pdfmake) {
    pdfmake = require('pdfmake') as PdfMake;
    pdfmake.setFonts(FONTS);
    // Only the bundled fonts may be read, and nothing fetched: document text cannot pull files in.
    pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));
    pdfmake.setUrlAccessPolicy?.(() => false);
  }
  return pdfmake;
}

/** Renders a pdfmake document definition with the bundled Roboto font. */
export async function renderPdf(definition: object): Promise<Buffer> {
  return Buffer.from(await pdf().createPdf(definition).getBuffer());
}
