// Compile-time checks of the generated client types (npm run lint type-checks test/): each staff action's body
// is its own schema, and a body that names its action is checked as that action's body.
import type { paths } from '../../../shared/api/schema';
type Body = NonNullable<paths['/api/v1/staff/appeals/{idOrNumber}/actions/{action}']['post']['requestBody']>['content']['application/json'];
export const a: Body = {};
export const b: Body = { assigneeId: 'x' };
// @ts-expect-error assign needs assigneeId
export const c: Body = { action: 'assign' };
export const d: Body = { action: 'assign', assigneeId: 'x' };
// @ts-expect-error take has no documents
export const e: Body = { action: 'take', documents: ['x'] };
// @ts-expect-error request-documents needs dueOn
export const f: Body = { action: 'request-documents', documents: ['x'] };

type CitizenBody = NonNullable<paths['/api/v1/appeals/{idOrNumber}/actions/{action}']['post']['requestBody']>['content']['application/json'];
export const g: CitizenBody = { comment: 'x' };
// @ts-expect-error a dispute names its grounds
export const h: CitizenBody = { action: 'dispute' };
export const i: CitizenBody = { action: 'dispute', text: 'Не согласен' };
