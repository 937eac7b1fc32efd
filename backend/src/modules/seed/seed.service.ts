import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { systemActor } from '../../common/http/actor';
import { CategorySchemaVersion } from '../catalog/category-schema-version.entity';
import { Category } from '../catalog/category.entity';
import { Department } from '../users/department.entity';
import { normalizeEmail, User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { AnswerResult } from '@otklik/shared/domain';
import { RoutingRule } from '../workflow/routing/routing-rule.entity';
import { AnswerTemplate } from '../workflow/templates/answer-template.entity';
import { seedCategorySlaPolicies } from './sla-defaults';
import { DEMO_ANSWER_TEMPLATES, DEMO_CATEGORIES, DEMO_DEPARTMENTS, DEMO_ROUTING_RULES, DEMO_USERS } from './demo-data';

/** Demo data: idempotent, so `npm start` can run it on every start. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
  ) {}

  async seedCatalog(): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const departmentIds = new Map<string, string>();
      for (const d of DEMO_DEPARTMENTS) {
        let row = await m.findOneBy(Department, { code: d.code });
        if (!row) {
          row = m.create(Department, { code: d.code, nameRu: d.nameRu, nameEn: d.nameEn, isGeneralPool: d.isGeneralPool, parentId: d.parent ? departmentIds.get(d.parent)! : null });
          await m.insert(Department, row);
        }
        departmentIds.set(d.code, row.id);
      }
      const categoryIds = new Map<string, string>();
      for (const [i, c] of DEMO_CATEGORIES.entries()) {
        let row = await m.findOneBy(Category, { code: c.code });
        if (!row) {
          row = m.create(Category, {
            code: c.code,
            nameRu: c.nameRu,
            nameEn: c.nameEn,
            parentId: c.parent ? categoryIds.get(c.parent)! : null,
            departmentId: c.department ? departmentIds.get(c.department)! : null,
            appealTypes: c.appealTypes ?? null,
            extraFieldsSchema: c.schema ?? null,
            schemaVersion: c.schema ? 1 : null,
            priority: c.priority ?? false,
            sortOrder: i,
            active: true,
          });
          await m.insert(Category, row);
          if (c.schema) await m.save(CategorySchemaVersion, m.create(CategorySchemaVersion, { categoryId: row.id, version: 1, schema: c.schema, createdBy: null }));
        }
        categoryIds.set(c.code, row.id);
      }
      for (const r of DEMO_ROUTING_RULES) {
        if (await m.existsBy(RoutingRule, { name: r.name })) continue;
        await m.insert(RoutingRule, { position: r.position, name: r.name, appealType: r.appealType, departmentId: departmentIds.get(r.department)!, keywords: [], active: true });
      }
      for (const t of DEMO_ANSWER_TEMPLATES) {
        if (await m.existsBy(AnswerTemplate, { title: t.title })) continue;
        await m.insert(AnswerTemplate, { title: t.title, body: t.body, result: t.result as AnswerResult, departmentId: null, active: true });
      }
      await seedCategorySlaPolicies(m);
    });
  }

  /** Departments, categories and the demo accounts (demo mode only). */
  async seedDemo(): Promise<{ created: string[] }> {
    await this.seedCatalog();
    const created: string[] = [];
    for (const u of DEMO_USERS) {
      if (await this.dataSource.getRepository(User).existsBy({ emailNormalized: normalizeEmail(u.email) })) continue;
      await this.users.create(
        { email: u.email, password: u.password, role: u.role, fullName: u.fullName, position: u.position, department: u.department },
        systemActor('seed:demo'),
      );
      created.push(u.email);
    }
    if (created.length) this.logger.log(`demo accounts created: ${created.join(', ')}`);
    return { created };
  }
}
