import createClient, { type ClientOptions, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

/**
 * The typed client of the Otklik API, generated from shared/api/openapi.json: paths, bodies
 * and responses are checked by the compiler. Used by the console and by the API tests.
 */
export function createApiClient(options: ClientOptions = {}) {
  return createClient<paths>(options);
}

export type ApiClient = ReturnType<typeof createApiClient>;
export type Schemas = components['schemas'];
export type { Middleware, paths, components };

/** RFC 9457 problem details as the API sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors?: { field: string; code: string; message: string }[];
  errorId?: string;
}
