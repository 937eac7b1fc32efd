import 'reflect-metadata';
import { IsInt, IsString, MaxLength, validate, ValidateNested } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { memoiseValidationMetadata } from './metadata-cache';

class Inner {
  @IsInt() n!: number;
}

class Base {
  @IsString() name!: string;
}

class Outer extends Base {
  @ValidateNested() @Type(() => Inner) inner!: Inner;
}

const errorsOf = async (cls: new () => object, plain: object) =>
  (await validate(plainToInstance(cls, plain), { whitelist: true, forbidNonWhitelisted: true })).map((e) => `${e.property}:${Object.keys(e.constraints ?? {}).join(',')}:${e.children?.length ?? 0}`).sort();

describe('memoiseValidationMetadata', () => {
  beforeAll(() => memoiseValidationMetadata());

  it('answers as class-validator does, inherited and nested metadata included, call after call', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await errorsOf(Outer, { name: 'a', inner: { n: 1 } })).toEqual([]);
      expect(await errorsOf(Outer, { name: 1, inner: { n: 'x' }, extra: true })).toEqual(['extra:whitelistValidation:0', 'inner::1', 'name:isString:0']);
    }
  });

  it('sees metadata registered after a lookup was remembered', async () => {
    class Later {
      @IsString() a!: string;
    }
    expect(await errorsOf(Later, { a: 'long text' })).toEqual([]);
    MaxLength(3)(Later.prototype, 'a');
    expect(await errorsOf(Later, { a: 'long text' })).toEqual(['a:maxLength:0']);
  });
});
