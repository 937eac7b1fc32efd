import { randomUUID } from 'node:crypto';
import { validateSync } from 'class-validator';
import { AttachmentIds, MAX_ATTACHMENT_IDS } from './attachment-ids';

class OptionalIds {
  @AttachmentIds({ description: 'optional' }) attachmentIds?: unknown;
}

class RequiredIds {
  @AttachmentIds({ description: 'required', required: true }) attachmentIds: unknown;
}

function codesOf(type: new () => object, attachmentIds: unknown): string[] {
  const sut = Object.assign(new type(), attachmentIds === undefined ? {} : { attachmentIds });
  return validateSync(sut).flatMap((e) => Object.keys(e.constraints ?? {}));
}

const ids = (n: number) => Array.from({ length: n }, () => randomUUID());

describe('@AttachmentIds', () => {
  it('optional: absent, empty or up to MAX_ATTACHMENT_IDS uuids', () => {
    expect(codesOf(OptionalIds, undefined)).toEqual([]);
    expect(codesOf(OptionalIds, [])).toEqual([]);
    expect(codesOf(OptionalIds, ids(MAX_ATTACHMENT_IDS))).toEqual([]);
  });

  it('refuses too many ids, ids that are not uuids, and a non-array', () => {
    expect(codesOf(OptionalIds, ids(MAX_ATTACHMENT_IDS + 1))).toEqual(['arrayMaxSize']);
    expect(codesOf(OptionalIds, [randomUUID(), 'not-a-uuid'])).toEqual(['isUuid']);
    expect(codesOf(OptionalIds, randomUUID())).toContain('isArray');
  });

  it('required: at least one id, and missing is an error', () => {
    expect(codesOf(RequiredIds, ids(1))).toEqual([]);
    expect(codesOf(RequiredIds, [])).toEqual(['arrayMinSize']);
    expect(codesOf(RequiredIds, undefined)).toContain('isArray');
    expect(codesOf(RequiredIds, ids(MAX_ATTACHMENT_IDS + 1))).toEqual(['arrayMaxSize']);
  });
});
