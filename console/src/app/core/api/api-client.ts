import { InjectionToken, inject } from '@angular/core';
import { createApiClient, type ApiClient } from '@otklik/shared/api/client';
import { AuthService } from '../auth/auth.service';
import { I18n } from '../i18n/i18n.service';
import { languageMiddleware, problemMiddleware, sessionMiddleware } from './middleware';
import { Notifier } from './notifier';

/**
 * The typed API client for feature code (generated from shared/api/openapi.json). Paths are
 * the client's literals; the API is same-origin, so the base URL is empty.
 * Middleware order matters: onResponse runs last-to-first, so the session middleware retries
 * after a refresh before the problem middleware decides whether to show an error.
 */
export const API = new InjectionToken<ApiClient>('Otklik API client', {
  providedIn: 'root',
  factory: () => {
    const client = createApiClient({ baseUrl: '' });
    client.use(problemMiddleware(inject(Notifier)), languageMiddleware(inject(I18n)), sessionMiddleware(inject(AuthService)));
    return client;
  },
});
