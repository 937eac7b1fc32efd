import { manifest, packageXml, parseReceipt, ReceiptFormatError, safeSegment, sha256Hex } from './sed-package';
import { sedExportConfig } from '../../config/sed-export-config';
import { ConfigError } from '../../config/env-readers';

describe('the СЭД package', () => {
  it('manifest: sha256sum lines sorted by path', () => {
    const files = new Map([
      ['package.xml', Buffer.from('<package/>')],
      ['files/1/01-a.png', Buffer.from('a')],
    ]);
    expect(manifest(files)).toBe(`${sha256Hex('a')}  files/1/01-a.png\n${sha256Hex('<package/>')}  package.xml\n`);
  });

  it('package.xml: characters XML cannot carry become U+FFFD, the rest is escaped', () => {
    const sut = packageXml({
      id: '0b4f5c1e-7d2a-4c3b-9e8f-1a2b3c4d5e6f',
      createdAt: new Date('2026-12-01T10:00:00Z'),
      windowFrom: null,
      windowTo: new Date('2026-12-01T10:00:00Z'),
      body: { name: 'Орган & Ко', publicUrl: 'https://otklik.example' },
      appeals: [
        {
          id: '3c9d2e1f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
          number: 7,
          registeredAt: new Date('2026-11-30T10:00:00Z'),
          type: 'question',
          status: 'registered',
          dueAt: null,
          category: { code: 'tech', totkCode: '0003.0011', name: 'Техника' },
          subcategory: null,
          department: null,
          subject: 'Тема <b>',
          text: 'Текст\u0007',
          citizen: { identified: true, name: 'Иванов И. И.', address: null, email: null, phone: null },
          files: [],
          answer: null,
        },
      ],
    });
    expect(sut).toContain('<name>Орган &amp; Ко</name>');
    expect(sut).toContain('<subject>Тема &lt;b&gt;</subject>');
    expect(sut).toContain('<text>Текст\uFFFD</text>');
    expect(sut).toContain('<totkCode>0003.0011</totkCode>');
    expect(sut).not.toContain('<windowFrom>');
  });

  it('safeSegment keeps names usable as a path segment', () => {
    expect(safeSegment('../скан:1.png')).toBe('__скан_1.png');
    expect(safeSegment('')).toBe('file');
  });
});

describe('a СЭД receipt', () => {
  const id = '0b4f5c1e-7d2a-4c3b-9e8f-1a2b3c4d5e6f';

  it('reads accepted numbers with their optional СЭД numbers', () => {
    const sut = parseReceipt(`<receipt xmlns="urn:otklik:sed-receipt:1" packageId="${id}"><accepted number="5" sedNumber=" ВХ-1 "/><accepted number="6"/></receipt>`);
    expect(sut).toEqual({ packageId: id, accepted: [{ number: 5, sedNumber: 'ВХ-1' }, { number: 6, sedNumber: null }] });
    expect(parseReceipt(`<receipt xmlns="urn:otklik:sed-receipt:1" packageId="${id}"/>`).accepted).toEqual([]);
  });

  it.each([
    ['<half', 'not well-formed'],
    [`<other xmlns="urn:otklik:sed-receipt:1" packageId="${id}"/>`, 'root'],
    [`<receipt packageId="${id}"/>`, 'namespace'],
    ['<receipt xmlns="urn:otklik:sed-receipt:1" packageId="x"/>', 'packageId'],
    [`<receipt xmlns="urn:otklik:sed-receipt:1" packageId="${id}"><accepted number="-1"/></receipt>`, 'positive number'],
  ])('refuses %s naming %s', (xml, what) => {
    expect(() => parseReceipt(xml)).toThrow(ReceiptFormatError);
    expect(() => parseReceipt(xml)).toThrow(what);
  });
});

describe('SED_EXPORT_* configuration', () => {
  const s3 = { endpoint: 'http://127.0.0.1:9000', bucket: 'b', accessKeyId: 'a', secretAccessKey: 's', region: 'us-east-1', forcePathStyle: true };
  const attachments = (withS3: boolean) => ({ storage: withS3 ? 's3' : 'local', s3: withS3 ? s3 : undefined }) as any;

  it('demo mode exports to DATA_DIR/sed-export, production only where told; no schedule by default', () => {
    expect(sedExportConfig({}, '/data', attachments(false), 'demo')).toMatchObject({ target: 'dir', dir: '/data/sed-export', intervalMinutes: 0 });
    expect(sedExportConfig({}, '/data', attachments(false), 'production')).toMatchObject({ target: 'off' });
    expect(sedExportConfig({ SED_EXPORT_DIR: '/srv/sed', SED_EXPORT_INTERVAL_MINUTES: '15' }, '/data', attachments(false), 'production')).toMatchObject({ target: 'dir', dir: '/srv/sed', intervalMinutes: 15 });
    expect(sedExportConfig({ SED_EXPORT_S3_PREFIX: 'sed/out/' }, '/data', attachments(true), 'demo')).toMatchObject({ target: 's3', s3Prefix: 'sed/out', s3 });
  });

  it.each([
    [{ SED_EXPORT_S3_PREFIX: 'sed' }, false, 'SED_EXPORT_S3_PREFIX'],
    [{ SED_EXPORT_S3_PREFIX: '../x' }, true, 'SED_EXPORT_S3_PREFIX'],
    [{ SED_EXPORT_S3_PREFIX: 'sed', SED_EXPORT_DIR: '/srv' }, true, 'SED_EXPORT_S3_PREFIX'],
    [{ SED_EXPORT_INTERVAL_MINUTES: 'often' }, false, 'SED_EXPORT_INTERVAL_MINUTES'],
  ])('%j is refused naming its variable', (env, withS3, variable) => {
    expect(() => sedExportConfig(env, '/data', attachments(withS3), 'production')).toThrow(ConfigError);
    expect(() => sedExportConfig(env, '/data', attachments(withS3), 'production')).toThrow(variable);
  });
});
