import { deflateRawSync } from 'node:zlib';
import { encode } from 'iconv-lite';
import { ContentSniffer, SniffVerdict } from './content-sniffer';
import { contradicts, withKindExtension } from './file-types';

async function sniff(data: Buffer, chunk = 3): Promise<SniffVerdict> {
  const sut = new ContentSniffer();
  for (let i = 0; i < data.length; i += chunk) sut.push(data.subarray(i, i + chunk));
  return sut.finish();
}

describe('ContentSniffer', () => {
  it('tells PDF by its header and %%EOF trailer, in small chunks', async () => {
    expect(await sniff(Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'))).toMatchObject({ ok: true, kind: 'pdf', contentType: 'application/pdf' });
    expect(await sniff(Buffer.from('%PDF-1.7\nno trailer'))).toEqual({ ok: false, reason: 'file_corrupt' });
  });

  it('accepts UTF-8 and CP1251 text and says which', async () => {
    expect(await sniff(Buffer.from('Привет, мир!\r\n', 'utf8'), 1)).toMatchObject({ ok: true, kind: 'txt', contentType: 'text/plain; charset=utf-8' });
    expect(await sniff(encode('Привет, мир!\r\n', 'win1251'))).toMatchObject({ ok: true, kind: 'txt', contentType: 'text/plain; charset=windows-1251' });
  });

  it.each([
    ['an executable', Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(64)]), 'file_type_not_allowed'],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1'), 'file_type_not_allowed'],
    ['HTML', Buffer.from('  <!doctype html><p>hi'), 'file_markup'],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'file_markup'],
    ['text with a script', Buffer.from('Hello\n<script>alert(1)</script>'), 'file_markup'],
    ['nothing', Buffer.alloc(0), 'file_empty'],
    ['a truncated UTF-8 sequence in non-CP1251 bytes', Buffer.from([0x41, 0x98, 0xd0]), 'file_type_not_allowed'],
    ['a zip that is not OOXML', zipOf('hello.txt', Buffer.from('hi')), 'file_type_not_allowed'],
    ['a broken zip', Buffer.from('PK\x03\x04garbage', 'latin1'), 'file_corrupt'],
    ['a JPEG header without an image', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 0]), 'file_corrupt'],
  ])('refuses %s', async (_what, data, reason) => {
    expect(await sniff(data)).toEqual({ ok: false, reason });
  });
});

describe('file kinds against names and declared types', () => {
  it.each([
    ['pdf', 'a.pdf', 'application/pdf', false],
    ['pdf', 'a.png', undefined, true],
    ['png', 'a.png', 'application/pdf', true],
    ['png', 'a', 'application/octet-stream', false],
    ['jpg', 'a.JPEG', 'image/pjpeg', false],
    ['txt', 'notes.md', 'text/markdown', false],
  ] as const)('%s named %s declared %s → contradiction %s', (kind, name, declared, expected) => {
    expect(contradicts(kind, name, declared)).toBe(expected);
  });

  it('gives a name the extension of its content when it has none of it', () => {
    expect(withKindExtension('report.exe', 'pdf')).toBe('report.exe.pdf');
    expect(withKindExtension('photo.jpeg', 'jpg')).toBe('photo.jpeg');
    expect(withKindExtension('notes', 'txt')).toBe('notes.txt');
  });
});

function zipOf(name: string, data: Buffer): Buffer {
  const compressed = deflateRawSync(data);
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(30 + n.length + compressed.length, 16);
  return Buffer.concat([local, n, compressed, central, n, end]);
}
