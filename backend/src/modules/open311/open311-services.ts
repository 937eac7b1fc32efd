import { Injectable } from '@nestjs/common';
import { AppealType } from '@otklik/shared/domain';
import { CatalogService } from '../catalog/catalog.service';
import { attributesOf } from './open311-attributes';
import { list, Open311Error, Open311List, Open311Object } from './open311-format';

/** A category as an Open311 service, with what filing into it needs. */
export interface Open311ServiceEntry {
  code: string;
  name: string;
  nameEn: string;
  group: string;
  categoryId: string;
  subcategoryId: string | null;
  appealTypes: AppealType[];
  /** The extra-field schema intake validates against: the subcategory's, else its category's. */
  schema: Record<string, unknown> | null;
}

/** Categories as GeoReport v2 services: the list, one service's definition, and the look-up of a code. */
@Injectable()
export class Open311Services {
  constructor(private readonly catalog: CatalogService) {}

  async all(): Promise<Open311ServiceEntry[]> {
    const tree = await this.catalog.tree();
    return tree.flatMap((c) => [
      { code: c.code, name: c.nameRu, nameEn: c.nameEn, group: c.nameRu, categoryId: c.id, subcategoryId: null, appealTypes: c.appealTypes, schema: c.extraFieldsSchema },
      ...c.children.map((s) => ({
        code: s.code,
        name: s.nameRu,
        nameEn: s.nameEn,
        group: c.nameRu,
        categoryId: c.id,
        subcategoryId: s.id,
        appealTypes: c.appealTypes,
        schema: s.extraFieldsSchema ?? c.extraFieldsSchema,
      })),
    ]);
  }

  async byCode(code: string): Promise<Open311ServiceEntry | null> {
    return (await this.all()).find((s) => s.code === code) ?? null;
  }

  async list(): Promise<Open311List> {
    return list(
      'service',
      (await this.all()).map((s) => ({
        service_code: s.code,
        service_name: s.name,
        description: `${s.name} (${s.nameEn})`,
        metadata: attributesOf(s.schema).length > 0,
        type: 'realtime',
        keywords: s.appealTypes.join(','),
        group: s.group,
      })),
    );
  }

  async definition(code: string): Promise<Open311Object> {
    const service = await this.byCode(code);
    if (!service) throw new Open311Error(404, 'service_code is not a known service');
    return { service_code: service.code, attributes: list('attribute', attributesOf(service.schema)) };
  }
}
