import { EntityManager } from 'typeorm';

/**
 * DOMAIN.md «Deadlines»: consumer-rights / service-error appeals are answered in 15 working days.
 * These are category-specific policies, so they can only be written once the categories exist
 * (the catalog seed calls this; the type defaults are in the SlaPolicies migration). Idempotent:
 * a policy an admin already set is left alone.
 */
export const SERVICE_ERROR_CATEGORIES = ['tech-problems', 'regional-service-problems'];
const SERVICE_ERROR_TYPES = ['complaint', 'question'];

export async function seedCategorySlaPolicies(manager: EntityManager): Promise<void> {
  await manager.query(
    `INSERT INTO sla_policies (type, category_id, resolution_unit, resolution_amount, first_response_hours, priority_first_response_hours, reminder_lead_hours)
     SELECT t, c.id, 'working_days', 15, 24, 2, 24 FROM categories c CROSS JOIN unnest($2::text[]) AS t
      WHERE c.code = ANY($1)
     ON CONFLICT (type, category_id) WHERE category_id IS NOT NULL DO NOTHING`,
    [SERVICE_ERROR_CATEGORIES, SERVICE_ERROR_TYPES],
  );
}
